//! The signed SAML Response of an IdP-initiated sign-in (HTTP-POST binding). Built as text
//! with every value escaped, then signed in two steps: the Assertion alone, then the
//! Response around it, as `signing` asks. There is no `InResponseTo`: no request is being
//! answered, and an empty one breaks the schema.

use crate::cert::{cert_der_from_pem, key_algorithm, CertError};
use crate::xml::{self, InvalidText, Xml};
use crate::{name_id_format_uri, new_id, ns, signature, NameIdFormat, SamlSigning};
use base64::Engine as _;
use gatehouse_secrets::Sensitive;
use time::macros::format_description;
use time::{Duration, OffsetDateTime, UtcOffset};
use x509_parser::prelude::{FromDer, X509Certificate};

/// The usual authentication context: the user signed in with a password over TLS.
pub const AUTHN_CONTEXT_PASSWORD_PROTECTED_TRANSPORT: &str =
    "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport";

/// Everything one Response says. Times are passed in (no clock here); see
/// [`validity_window`] for the usual `not_before`/`not_on_or_after`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResponseSpec {
    /// Gatehouse's entity ID for this application.
    pub issuer: String,
    /// The ACS URL the Response is posted to (also the bearer `Recipient`).
    pub destination: String,
    /// The SP's entity ID (`AudienceRestriction`).
    pub audience: String,
    pub name_id: String,
    pub name_id_format: NameIdFormat,
    /// Attribute name and its values, in order; an attribute may have several values.
    /// Attributes without values are left out.
    pub attributes: Vec<(String, Vec<String>)>,
    /// `SessionIndex` of the `AuthnStatement`, when there is a session to name.
    pub session_index: Option<String>,
    pub issue_instant: OffsetDateTime,
    /// When the user authenticated to Gatehouse.
    pub authn_instant: OffsetDateTime,
    /// Start of the assertion's validity (`Conditions/@NotBefore`).
    pub not_before: OffsetDateTime,
    /// End of the assertion's validity, also the bearer confirmation's `NotOnOrAfter`.
    pub not_on_or_after: OffsetDateTime,
    /// `AuthnContextClassRef`, e.g. [`AUTHN_CONTEXT_PASSWORD_PROTECTED_TRANSPORT`].
    pub authn_context: String,
    pub signing: SamlSigning,
}

/// Why a Response could not be built. Never contains key material.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResponseError {
    #[error("{0} is empty")]
    EmptyField(&'static str),
    #[error(transparent)]
    InvalidText(#[from] InvalidText),
    #[error("the validity window is empty: not_before must be earlier than not_on_or_after")]
    InvalidWindow,
    #[error("signing certificate: {0}")]
    Certificate(#[from] CertError),
    #[error("signing failed (is the private key PKCS#8 DER of the certificate's key type?): {0}")]
    Signing(String),
    #[error("the private key does not belong to the signing certificate")]
    KeyMismatch,
}

/// `(now - 2 min, now + 5 min)`: tolerates an SP clock two minutes behind, and leaves the
/// browser five minutes to post the Response.
pub fn validity_window(now: OffsetDateTime) -> (OffsetDateTime, OffsetDateTime) {
    (now - Duration::minutes(2), now + Duration::minutes(5))
}

/// Builds and signs a Response. `key_der` is the private key (PKCS#8 DER) of `cert_pem`.
/// Returns the Response XML, ready for base64 and [`crate::post_form_html`].
pub fn build_response(
    spec: &ResponseSpec,
    key_der: &Sensitive<Vec<u8>>,
    cert_pem: &str,
) -> Result<String, ResponseError> {
    validate(spec)?;
    let cert_der = cert_der_from_pem(cert_pem)?;
    let (_, cert) = X509Certificate::from_der(&cert_der).map_err(|e| CertError::Invalid(e.to_string()))?;
    let key_alg = key_algorithm(&cert)?;
    let cert_b64 = base64::engine::general_purpose::STANDARD.encode(&cert_der);
    let (sign_assertion, sign_response) = match spec.signing {
        SamlSigning::Assertion => (true, false),
        SamlSigning::Response => (false, true),
        SamlSigning::Both => (true, true),
    };
    let key = key_der.expose().as_slice();
    let sign = |xml: &str| signature::sign(xml, key).map_err(ResponseError::Signing);

    let assertion_id = new_id();
    let mut assertion =
        assertion_xml(spec, &assertion_id, |id| sign_assertion.then(|| signature::template(id, key_alg, &cert_b64)));
    if sign_assertion {
        assertion = sign(&assertion)?;
    }

    let response_id = new_id();
    let instant = saml_time(spec.issue_instant);
    let mut x = Xml::new();
    x.open(
        "saml2p:Response",
        &[
            ("xmlns:saml2p", ns::PROTOCOL),
            ("xmlns:saml2", ns::ASSERTION),
            ("ID", &response_id),
            ("Version", "2.0"),
            ("IssueInstant", &instant),
            ("Destination", &spec.destination),
        ],
    );
    x.leaf("saml2:Issuer", &[], &spec.issuer);
    if sign_response {
        x.trusted(&signature::template(&response_id, key_alg, &cert_b64));
    }
    x.open("saml2p:Status", &[]);
    x.empty("saml2p:StatusCode", &[("Value", "urn:oasis:names:tc:SAML:2.0:status:Success")]);
    x.close("saml2p:Status");
    x.trusted(&assertion);
    x.close("saml2p:Response");
    let mut response = x.finish();
    if sign_response {
        response = sign(&response)?;
    }
    if !signature::verify(&response, &cert_der) {
        return Err(ResponseError::KeyMismatch);
    }
    Ok(format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{response}"))
}

fn validate(spec: &ResponseSpec) -> Result<(), ResponseError> {
    let required = [
        ("the issuer (IdP entity ID)", &spec.issuer),
        ("the destination (ACS URL)", &spec.destination),
        ("the audience (SP entity ID)", &spec.audience),
        ("the NameID", &spec.name_id),
        ("the authentication context", &spec.authn_context),
    ];
    for (field, value) in required {
        if value.trim().is_empty() {
            return Err(ResponseError::EmptyField(field));
        }
        xml::check(field, value)?;
    }
    if let Some(index) = &spec.session_index {
        xml::check("the session index", index)?;
    }
    for (name, values) in &spec.attributes {
        if name.trim().is_empty() {
            return Err(ResponseError::EmptyField("an attribute name"));
        }
        xml::check(&format!("attribute {name:?}"), name)?;
        for value in values {
            xml::check(&format!("a value of attribute {name:?}"), value)?;
        }
    }
    if spec.not_before >= spec.not_on_or_after {
        return Err(ResponseError::InvalidWindow);
    }
    Ok(())
}

/// The Assertion, standalone (it declares its own namespace), with the signature template
/// `template(id)` after its Issuer when there is one.
fn assertion_xml(spec: &ResponseSpec, id: &str, template: impl FnOnce(&str) -> Option<String>) -> String {
    let not_before = saml_time(spec.not_before);
    let not_on_or_after = saml_time(spec.not_on_or_after);
    let format = name_id_format_uri(spec.name_id_format);
    let mut x = Xml::new();
    x.open(
        "saml2:Assertion",
        &[
            ("xmlns:saml2", ns::ASSERTION),
            ("ID", id),
            ("Version", "2.0"),
            ("IssueInstant", &saml_time(spec.issue_instant)),
        ],
    );
    x.leaf("saml2:Issuer", &[], &spec.issuer);
    if let Some(t) = template(id) {
        x.trusted(&t);
    }
    x.open("saml2:Subject", &[]);
    x.leaf("saml2:NameID", &[("Format", &format)], &spec.name_id);
    x.open("saml2:SubjectConfirmation", &[("Method", "urn:oasis:names:tc:SAML:2.0:cm:bearer")]);
    x.empty("saml2:SubjectConfirmationData", &[("NotOnOrAfter", &not_on_or_after), ("Recipient", &spec.destination)]);
    x.close("saml2:SubjectConfirmation");
    x.close("saml2:Subject");
    x.open("saml2:Conditions", &[("NotBefore", &not_before), ("NotOnOrAfter", &not_on_or_after)]);
    x.open("saml2:AudienceRestriction", &[]);
    x.leaf("saml2:Audience", &[], &spec.audience);
    x.close("saml2:AudienceRestriction");
    x.close("saml2:Conditions");
    let authn_instant = saml_time(spec.authn_instant);
    let mut authn_attrs = vec![("AuthnInstant", authn_instant.as_str())];
    if let Some(index) = &spec.session_index {
        authn_attrs.push(("SessionIndex", index.as_str()));
    }
    x.open("saml2:AuthnStatement", &authn_attrs);
    x.open("saml2:AuthnContext", &[]);
    x.leaf("saml2:AuthnContextClassRef", &[], &spec.authn_context);
    x.close("saml2:AuthnContext");
    x.close("saml2:AuthnStatement");
    let attributes: Vec<_> = spec.attributes.iter().filter(|(_, values)| !values.is_empty()).collect();
    if !attributes.is_empty() {
        x.open("saml2:AttributeStatement", &[]);
        for (name, values) in attributes {
            x.open(
                "saml2:Attribute",
                &[("Name", name), ("NameFormat", "urn:oasis:names:tc:SAML:2.0:attrname-format:basic")],
            );
            for value in values {
                x.leaf("saml2:AttributeValue", &[], value);
            }
            x.close("saml2:Attribute");
        }
        x.close("saml2:AttributeStatement");
    }
    x.close("saml2:Assertion");
    x.finish()
}

/// `xs:dateTime` in UTC with a `Z`, to the second, as SAML profiles expect.
fn saml_time(t: OffsetDateTime) -> String {
    t.to_offset(UtcOffset::UTC)
        .format(format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z"))
        .expect("a UTC date with a four-digit year formats")
}
