//! SP metadata import: a real-looking file with an Artifact ACS first yields the POST
//! one, and each kind of bad input is refused with its own reason.

use crate::common::repo_root;
use gatehouse_saml::{
    idp_metadata, parse_sp_metadata, NameIdFormat, SpMetadata, SpMetadataError, MAX_SP_METADATA_BYTES,
};

const MD: &str = "urn:oasis:names:tc:SAML:2.0:metadata";
const POST: &str = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";

fn sp(acs: &str) -> String {
    format!(
        r#"<?xml version="1.0"?>
<EntityDescriptor xmlns="{MD}" entityID="https://sp.example/meta">
  <SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">{acs}</SPSSODescriptor>
</EntityDescriptor>"#
    )
}

#[test]
fn the_fixture_yields_its_http_post_acs_not_the_default_artifact_one() {
    let xml = std::fs::read(repo_root().join("tests/fixtures/saml/sp-metadata-two-acs.xml")).unwrap();
    assert_eq!(
        parse_sp_metadata(&xml).unwrap(),
        SpMetadata {
            entity_id: "https://hr.example.com/saml2/metadata/".into(),
            acs_urls: vec!["https://hr.example.com/saml2/acs/".into()],
            name_id_format: Some(NameIdFormat::EmailAddress),
            want_assertions_signed: Some(true),
        }
    );
}

#[test]
fn post_acs_urls_come_default_first_then_by_index() {
    let xml = sp(&format!(
        r#"<AssertionConsumerService index="3" Binding="{POST}" Location="https://sp.example/acs3"/>
           <AssertionConsumerService index="1" Binding="{POST}" Location="https://sp.example/acs1"/>
           <AssertionConsumerService index="7" isDefault="true" Binding="{POST}" Location="https://sp.example/default"/>
           <AssertionConsumerService index="0" Binding="urn:oasis:names:tc:SAML:2.0:bindings:PAOS" Location="https://sp.example/ecp"/>"#
    ));
    let md = parse_sp_metadata(xml.as_bytes()).unwrap();
    assert_eq!(md.acs_urls, ["https://sp.example/default", "https://sp.example/acs1", "https://sp.example/acs3"]);
    assert_eq!(md.entity_id, "https://sp.example/meta", "default namespace, no prefix, works too");
    assert_eq!(md.name_id_format, None);
}

#[test]
fn oversized_metadata_is_refused_before_parsing() {
    let mut xml =
        sp(&format!(r#"<AssertionConsumerService index="0" Binding="{POST}" Location="https://sp.example/acs"/>"#))
            .into_bytes();
    assert!(parse_sp_metadata(&xml).is_ok());
    xml.resize(MAX_SP_METADATA_BYTES + 1, b' ');
    assert_eq!(parse_sp_metadata(&xml).unwrap_err(), SpMetadataError::TooLarge { size: MAX_SP_METADATA_BYTES + 1 });
}

#[test]
fn any_dtd_is_refused_before_parsing() {
    let laughs = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">]>
<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="&lol2;"/>"#;
    let xxe = r#"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><x>&xxe;</x>"#;
    let lower = r#"<!doctype html><html/>"#;
    let entity_only = r#"<x><!ENTITY a "b"></x>"#;
    for input in [laughs, xxe, lower, entity_only] {
        assert_eq!(parse_sp_metadata(input.as_bytes()).unwrap_err(), SpMetadataError::Dtd, "{input}");
    }
}

#[test]
fn malformed_xml_is_refused_with_its_position() {
    let err = parse_sp_metadata(
        b"<EntityDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\">\n<SPSSODescriptor>\n</EntityDescriptor>",
    )
    .unwrap_err();
    let SpMetadataError::Malformed(message) = &err else { panic!("{err:?}") };
    assert!(message.contains("3:"), "the position helps the admin: {message}");
    let empty = parse_sp_metadata(b"").unwrap_err();
    assert!(matches!(empty, SpMetadataError::Malformed(_)), "{empty:?}");
    assert_eq!(parse_sp_metadata(&[0xff, 0xfe, b'<', 0]).unwrap_err(), SpMetadataError::NotUtf8);
}

#[test]
fn xml_that_is_not_sp_metadata_is_refused_with_a_distinct_reason() {
    let html = parse_sp_metadata(b"<html><body>Login</body></html>").unwrap_err();
    assert_eq!(html, SpMetadataError::NotSamlMetadata("html".into()));

    let wrong_ns = parse_sp_metadata(br#"<EntityDescriptor xmlns="urn:example" entityID="x"/>"#).unwrap_err();
    assert!(matches!(wrong_ns, SpMetadataError::NotSamlMetadata(_)), "{wrong_ns:?}");

    let response =
        parse_sp_metadata(br#"<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"/>"#).unwrap_err();
    assert!(matches!(response, SpMetadataError::NotSamlMetadata(_)), "{response:?}");

    // Our own IdP metadata pasted by mistake.
    let cert = crate::common::signer(gatehouse_saml::KeyAlgorithm::P256).info.pem.clone();
    let idp = idp_metadata("https://idp.example", "https://idp.example/sso", &[&cert], &[]).unwrap();
    let err = parse_sp_metadata(idp.as_bytes()).unwrap_err();
    assert_eq!(err, SpMetadataError::NoSpDescriptor { idp_only: true });
    assert!(err.to_string().contains("identity-provider"), "{err}");

    let no_entity_id =
        parse_sp_metadata(sp("").replace(r#" entityID="https://sp.example/meta""#, "").as_bytes()).unwrap_err();
    assert_eq!(no_entity_id, SpMetadataError::MissingEntityId);

    let artifact_only = sp(
        r#"<AssertionConsumerService index="0" Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact" Location="https://sp.example/a"/>"#,
    );
    assert_eq!(
        parse_sp_metadata(artifact_only.as_bytes()).unwrap_err(),
        SpMetadataError::NoPostAcs(vec!["HTTP-Artifact".into()])
    );

    let saml1 = sp("").replace("urn:oasis:names:tc:SAML:2.0:protocol", "urn:oasis:names:tc:SAML:1.1:protocol");
    assert_eq!(parse_sp_metadata(saml1.as_bytes()).unwrap_err(), SpMetadataError::NotSaml2);

    let two = format!(
        r#"<EntitiesDescriptor xmlns="{MD}">{}{}</EntitiesDescriptor>"#,
        sp("").replace(r#"<?xml version="1.0"?>"#, ""),
        sp("").replace(r#"<?xml version="1.0"?>"#, "")
    );
    assert_eq!(parse_sp_metadata(two.as_bytes()).unwrap_err(), SpMetadataError::Ambiguous(2));

    // Every reason reads differently.
    let reasons: std::collections::HashSet<String> = [
        html,
        SpMetadataError::Dtd,
        SpMetadataError::TooLarge { size: 2 },
        SpMetadataError::Malformed("x".into()),
        err,
        no_entity_id,
    ]
    .iter()
    .map(|e| e.to_string().split(':').next().unwrap().to_owned())
    .collect();
    assert_eq!(reasons.len(), 6);
}
