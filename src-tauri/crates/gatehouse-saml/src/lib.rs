//! Gatehouse's SAML 2.0 identity provider, as pure functions: it generates signing
//! certificates, writes IdP metadata, reads an SP's metadata, and builds the signed
//! Response of an IdP-initiated sign-in (plus the self-submitting form that posts it).
//!
//! No Tauri, no database, no clock: callers pass times in, keys come in as PKCS#8 DER
//! inside `Sensitive`. Every piece of caller text written into XML or HTML is escaped
//! (see `xml`), because an unescaped value could inject a signed element. Signing follows
//! the recipe proven with samael 0.0.22: the Assertion is signed alone (enveloped,
//! exclusive C14N, SHA-256), then the Response around it gets its own signature when
//! asked. No `InResponseTo`: these Responses answer no request.

mod cert;
mod display;
mod idp_metadata;
mod response;
mod signature;
mod sp_metadata;
mod xml;

pub use cert::{
    expiry_warning, generate, info_from_der, info_from_pem, CertError, CertificateInfo, ExpiryLevel, KeyAlgorithm,
    DEFAULT_VALIDITY_DAYS, MAX_VALIDITY_DAYS,
};
pub use display::{post_form_html, pretty};
pub use gatehouse_catalog::{NameIdFormat, SamlSigning};
pub use idp_metadata::{idp_metadata, MetadataError};
pub use response::{
    build_response, validity_window, ResponseError, ResponseSpec, AUTHN_CONTEXT_PASSWORD_PROTECTED_TRANSPORT,
};
pub use sp_metadata::{parse_sp_metadata, SpMetadata, SpMetadataError, MAX_SP_METADATA_BYTES};
/// The time type of `ResponseSpec` and `expiry_warning`, re-exported so callers use the
/// same `time` version.
pub use time::OffsetDateTime;
pub use xml::InvalidText;

/// SAML namespace and binding URIs used across the crate.
pub(crate) mod ns {
    pub const METADATA: &str = "urn:oasis:names:tc:SAML:2.0:metadata";
    pub const ASSERTION: &str = "urn:oasis:names:tc:SAML:2.0:assertion";
    pub const PROTOCOL: &str = "urn:oasis:names:tc:SAML:2.0:protocol";
    pub const DSIG: &str = "http://www.w3.org/2000/09/xmldsig#";
    pub const BINDING_POST: &str = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
    pub const BINDING_REDIRECT: &str = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
}

/// The URI of a NameID format, as the catalog's serde names spell it (one source of truth).
pub(crate) fn name_id_format_uri(format: NameIdFormat) -> String {
    match serde_json::to_value(format) {
        Ok(serde_json::Value::String(uri)) => uri,
        other => unreachable!("NameIdFormat serializes to a string, got {other:?}"),
    }
}

/// The NameID format a URI names, if Gatehouse can assert it. SPs often write the
/// `emailAddress` and `unspecified` formats with `SAML:2.0` instead of `SAML:1.1`; both
/// spellings are accepted.
pub(crate) fn name_id_format_from_uri(uri: &str) -> Option<NameIdFormat> {
    let uri = uri.trim();
    let canonical = match uri {
        "urn:oasis:names:tc:SAML:2.0:nameid-format:emailAddress" => {
            "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"
        }
        "urn:oasis:names:tc:SAML:2.0:nameid-format:unspecified" => {
            "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified"
        }
        other => other,
    };
    serde_json::from_value(serde_json::Value::String(canonical.to_owned())).ok()
}

/// Upper-case hex pairs joined by colons: `AB:01:FF`.
pub(crate) fn hex_colon(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect::<Vec<_>>().join(":")
}

pub(crate) fn random_bytes(buf: &mut [u8]) {
    aws_lc_rs::rand::fill(buf).expect("the system random source failed");
}

/// A fresh XML ID: `_` followed by 40 hex digits (an NCName, 160 random bits).
pub(crate) fn new_id() -> String {
    let mut bytes = [0u8; 20];
    random_bytes(&mut bytes);
    let mut id = String::with_capacity(41);
    id.push('_');
    for b in bytes {
        id.push_str(&format!("{b:02x}"));
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_id_formats_round_trip_through_their_uris() {
        for f in
            [NameIdFormat::Unspecified, NameIdFormat::EmailAddress, NameIdFormat::Persistent, NameIdFormat::Transient]
        {
            assert_eq!(name_id_format_from_uri(&name_id_format_uri(f)), Some(f));
        }
        assert_eq!(
            name_id_format_from_uri("urn:oasis:names:tc:SAML:2.0:nameid-format:emailAddress"),
            Some(NameIdFormat::EmailAddress)
        );
        assert_eq!(name_id_format_from_uri("urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName"), None);
    }

    #[test]
    fn ids_are_ncnames_and_differ() {
        let (a, b) = (new_id(), new_id());
        assert_ne!(a, b);
        assert_eq!(a.len(), 41);
        assert!(a.starts_with('_'));
    }
}
