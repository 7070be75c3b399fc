//! IdP metadata: one signing KeyDescriptor per certificate, both SSO bindings, escaped
//! values, and never a private key.

use crate::common::{signer, write};
use gatehouse_saml::{idp_metadata, CertError, KeyAlgorithm, MetadataError, NameIdFormat};
use roxmltree::Document;

const MD: &str = "urn:oasis:names:tc:SAML:2.0:metadata";

#[test]
fn metadata_lists_both_certificates_and_both_bindings() {
    let active = &signer(KeyAlgorithm::Rsa2048).info;
    let next = &signer(KeyAlgorithm::P256).info;
    let entity = "https://gatehouse.example/saml2/app?x=1&y=<2>";
    let sso = "https://gatehouse.example/sso?app=1&b=2";
    let xml = idp_metadata(
        entity,
        sso,
        &[&active.pem, &next.pem],
        &[NameIdFormat::EmailAddress, NameIdFormat::Persistent, NameIdFormat::EmailAddress],
    )
    .unwrap();
    let doc = Document::parse(&xml).unwrap();
    let root = doc.root_element();
    assert!(root.has_tag_name((MD, "EntityDescriptor")));
    assert_eq!(root.attribute("entityID"), Some(entity));
    let idp = root.children().find(|n| n.has_tag_name((MD, "IDPSSODescriptor"))).unwrap();
    assert_eq!(idp.attribute("protocolSupportEnumeration"), Some("urn:oasis:names:tc:SAML:2.0:protocol"));

    let certs: Vec<String> = idp
        .children()
        .filter(|n| n.has_tag_name((MD, "KeyDescriptor")))
        .inspect(|k| assert_eq!(k.attribute("use"), Some("signing")))
        .map(|k| k.descendants().find(|n| n.tag_name().name() == "X509Certificate").unwrap().text().unwrap().to_owned())
        .collect();
    let body = |pem: &str| pem.lines().filter(|l| !l.starts_with("-----")).collect::<String>();
    assert_eq!(certs, [body(&active.pem), body(&next.pem)], "active first, then next");

    let formats: Vec<&str> =
        idp.children().filter(|n| n.has_tag_name((MD, "NameIDFormat"))).filter_map(|n| n.text()).collect();
    assert_eq!(
        formats,
        [
            "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress",
            "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"
        ]
    );
    let services: Vec<(&str, &str)> = idp
        .children()
        .filter(|n| n.has_tag_name((MD, "SingleSignOnService")))
        .map(|n| (n.attribute("Binding").unwrap(), n.attribute("Location").unwrap()))
        .collect();
    assert_eq!(
        services,
        [
            ("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST", sso),
            ("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect", sso)
        ]
    );
    assert!(!xml.contains("PRIVATE"), "never a private key");

    // xmllint (libxml2) reads it as well-formed XML too.
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "idp.xml", &xml);
    let out = crate::common::run("xmllint", &["--noout", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", crate::common::text(&out));
}

#[test]
fn a_private_key_is_refused_not_exported() {
    let key_pem =
        "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n";
    let err = idp_metadata("https://idp", "https://idp/sso", &[key_pem], &[]).unwrap_err();
    assert_eq!(err, MetadataError::Certificate { index: 0, source: CertError::NotACertificate("private key".into()) });
    assert_eq!(idp_metadata("https://idp", "https://idp/sso", &[], &[]).unwrap_err(), MetadataError::NoCertificate);
    let cert = &signer(KeyAlgorithm::P256).info.pem;
    assert_eq!(idp_metadata("", "https://idp/sso", &[cert], &[]).unwrap_err(), MetadataError::EmptyEntityId);
}
