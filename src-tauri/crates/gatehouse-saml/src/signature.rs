//! Enveloped XML signatures on our own documents, through samael's binding to libxmlsec1.
//! The template is ours (samael's is SHA-1 and RSA-only): exclusive C14N, SHA-256 digest,
//! RSA-SHA256 or ECDSA-SHA256 by key type, and the certificate in `KeyInfo` so SPs that
//! read it (rather than pinning) find the right one.

use crate::xml::Xml;
use crate::KeyAlgorithm;
use samael::crypto::{CertificateDer, Crypto, CryptoProvider};

const C14N_EXCLUSIVE: &str = "http://www.w3.org/2001/10/xml-exc-c14n#";
const ENVELOPED: &str = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
const SHA256: &str = "http://www.w3.org/2001/04/xmlenc#sha256";
const RSA_SHA256: &str = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
const ECDSA_SHA256: &str = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256";

/// An empty `ds:Signature` over the element whose `ID` is `reference_id`, for libxmlsec1
/// to fill in. It must come right after that element's `Issuer` (SAML schema order).
pub(crate) fn template(reference_id: &str, key: KeyAlgorithm, cert_b64: &str) -> String {
    let method = match key {
        KeyAlgorithm::Rsa2048 | KeyAlgorithm::Rsa3072 | KeyAlgorithm::Rsa4096 => RSA_SHA256,
        KeyAlgorithm::P256 => ECDSA_SHA256,
    };
    let uri = format!("#{reference_id}");
    let mut x = Xml::new();
    x.open("ds:Signature", &[("xmlns:ds", crate::ns::DSIG)]);
    x.open("ds:SignedInfo", &[]);
    x.empty("ds:CanonicalizationMethod", &[("Algorithm", C14N_EXCLUSIVE)]);
    x.empty("ds:SignatureMethod", &[("Algorithm", method)]);
    x.open("ds:Reference", &[("URI", &uri)]);
    x.open("ds:Transforms", &[]);
    x.empty("ds:Transform", &[("Algorithm", ENVELOPED)]);
    x.empty("ds:Transform", &[("Algorithm", C14N_EXCLUSIVE)]);
    x.close("ds:Transforms");
    x.empty("ds:DigestMethod", &[("Algorithm", SHA256)]);
    x.leaf("ds:DigestValue", &[], "");
    x.close("ds:Reference");
    x.close("ds:SignedInfo");
    x.leaf("ds:SignatureValue", &[], "");
    x.open("ds:KeyInfo", &[]);
    x.open("ds:X509Data", &[]);
    x.leaf("ds:X509Certificate", &[], cert_b64);
    x.close("ds:X509Data");
    x.close("ds:KeyInfo");
    x.close("ds:Signature");
    x.finish()
}

/// Fills in the first signature template of `xml` (in document order) with `key_der`
/// (PKCS#8, PKCS#1 or SEC1 DER). Returns the document without its XML declaration.
pub(crate) fn sign(xml: &str, key_der: &[u8]) -> Result<String, String> {
    let signed = Crypto::sign_xml(xml, key_der).map_err(|e| describe(&e))?;
    Ok(strip_declaration(&signed).trim_end().to_owned())
}

/// Checks the first signature of `xml` against the certificate: catches a private key
/// that does not belong to the certificate before an SP does.
pub(crate) fn verify(xml: &str, cert_der: &[u8]) -> bool {
    Crypto::verify_signed_xml(xml, &CertificateDer::from(cert_der.to_vec()), Some("ID")).is_ok()
}

fn describe(e: &samael::crypto::CryptoError) -> String {
    use std::error::Error as _;
    match e.source() {
        Some(source) => format!("{e}: {source}"),
        None => e.to_string(),
    }
}

fn strip_declaration(xml: &str) -> &str {
    let xml = xml.trim_start();
    if xml.starts_with("<?xml") {
        if let Some(end) = xml.find("?>") {
            return xml[end + 2..].trim_start();
        }
    }
    xml
}
