//! IdP metadata: the XML an admin gives the application (or the application fetches) so it
//! knows Gatehouse's entity ID, where to send users, and which certificates sign. It holds
//! certificates only; a private key given by mistake is refused, never written.

use crate::cert::{cert_der_from_pem, info_from_der, CertError};
use crate::xml::{self, InvalidText, Xml};
use crate::{name_id_format_uri, ns, NameIdFormat};
use base64::Engine as _;

/// Why IdP metadata could not be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MetadataError {
    #[error("the IdP entity ID is empty")]
    EmptyEntityId,
    #[error("the IdP SSO URL is empty")]
    EmptySsoUrl,
    #[error("IdP metadata needs at least one signing certificate")]
    NoCertificate,
    #[error("signing certificate {index}: {source}")]
    Certificate {
        index: usize,
        #[source]
        source: CertError,
    },
    #[error(transparent)]
    InvalidText(#[from] InvalidText),
}

/// IdP metadata for one application: an `EntityDescriptor` with an `IDPSSODescriptor`
/// (SAML 2.0), one signing `KeyDescriptor` per certificate in `certs` (PEM; the active
/// one first, then the next one during a rollover), the NameID formats offered, and
/// `SingleSignOnService` for HTTP-POST and HTTP-Redirect at `sso_url`. Indented for people.
pub fn idp_metadata(
    entity_id: &str,
    sso_url: &str,
    certs: &[&str],
    name_id_formats: &[NameIdFormat],
) -> Result<String, MetadataError> {
    if entity_id.trim().is_empty() {
        return Err(MetadataError::EmptyEntityId);
    }
    if sso_url.trim().is_empty() {
        return Err(MetadataError::EmptySsoUrl);
    }
    if certs.is_empty() {
        return Err(MetadataError::NoCertificate);
    }
    xml::check("IdP entity ID", entity_id)?;
    xml::check("IdP SSO URL", sso_url)?;
    let certs_b64 = certs
        .iter()
        .enumerate()
        .map(|(index, pem)| {
            let der = cert_der_from_pem(pem)
                .and_then(|der| info_from_der(&der).map(|_| der))
                .map_err(|source| MetadataError::Certificate { index, source })?;
            Ok(base64::engine::general_purpose::STANDARD.encode(der))
        })
        .collect::<Result<Vec<_>, MetadataError>>()?;

    let mut x = Xml::new();
    x.trusted(r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    x.open("md:EntityDescriptor", &[("xmlns:md", ns::METADATA), ("xmlns:ds", ns::DSIG), ("entityID", entity_id)]);
    x.open(
        "md:IDPSSODescriptor",
        &[("WantAuthnRequestsSigned", "false"), ("protocolSupportEnumeration", ns::PROTOCOL)],
    );
    for b64 in &certs_b64 {
        x.open("md:KeyDescriptor", &[("use", "signing")]);
        x.open("ds:KeyInfo", &[]);
        x.open("ds:X509Data", &[]);
        x.leaf("ds:X509Certificate", &[], b64);
        x.close("ds:X509Data");
        x.close("ds:KeyInfo");
        x.close("md:KeyDescriptor");
    }
    let mut seen = Vec::new();
    for &format in name_id_formats {
        if !seen.contains(&format) {
            seen.push(format);
            x.leaf("md:NameIDFormat", &[], &name_id_format_uri(format));
        }
    }
    for binding in [ns::BINDING_POST, ns::BINDING_REDIRECT] {
        x.empty("md:SingleSignOnService", &[("Binding", binding), ("Location", sso_url)]);
    }
    x.close("md:IDPSSODescriptor");
    x.close("md:EntityDescriptor");
    Ok(crate::pretty(&x.finish()))
}
