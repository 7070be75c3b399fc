//! SP metadata import: the changes are shown first, applied like a save, bad files refused.

use super::*;
use gatehouse_saml::{NameIdFormat, SamlSigning};

const SP_METADATA: &str = r#"<?xml version="1.0"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://sp.acme.test/metadata">
  <md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol" WantAssertionsSigned="true">
    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>
    <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact" Location="https://sp.acme.test/art" index="0"/>
    <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://sp.acme.test/acs/b" index="2"/>
    <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://sp.acme.test/acs/a" index="1" isDefault="true"/>
  </md:SPSSODescriptor>
</md:EntityDescriptor>"#;

#[test]
fn the_changes_are_listed_before_anything_is_written_then_applied() {
    let env = env();
    let id = fifteen_five(&env);
    // Sign the response only, so the SP's WantAssertionsSigned has something to change.
    let mut i = input(&env.core.sso_config(&id).unwrap());
    i.config.signing = SamlSigning::Response;
    env.core.save_sso_config(&id, &i).unwrap();

    let before = env.snapshot();
    let preview = env.core.preview_sp_metadata(&id, SP_METADATA).unwrap();
    assert_eq!(env.snapshot(), before, "a preview writes nothing");
    assert_eq!(preview.metadata.entity_id, "https://sp.acme.test/metadata");
    let fields: Vec<&str> = preview.changes.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(fields, ["spEntityId", "acsUrls", "nameIdFormat", "signing"]);
    let acs = &preview.changes[1];
    assert_eq!(acs.before, ["https://acme.15five.com/saml2/acs/"], "before shows the filled-in value");
    assert_eq!(acs.after, ["https://sp.acme.test/acs/a", "https://sp.acme.test/acs/b"], "POST only, default first");
    assert_eq!(preview.changes[3].after, ["both"]);

    let v = env.core.apply_sp_metadata(&id, SP_METADATA.as_bytes()).unwrap();
    assert_eq!(v.resolved.sp_entity_id, "https://sp.acme.test/metadata");
    assert_eq!(v.resolved.acs_urls.iter().filter(|a| a.is_default).count(), 1);
    assert_eq!(v.resolved.acs_urls[0].url, "https://sp.acme.test/acs/a");
    assert!(v.resolved.acs_urls[0].is_default);
    assert_eq!(v.resolved.name_id_format, NameIdFormat::Persistent);
    assert_eq!(v.resolved.signing, SamlSigning::Both);
    assert_eq!(v.resolved.idp_entity_id, "https://acme.15five.com", "the placeholder still fills the rest");
    assert_eq!(env.events("sso_sp_metadata_import"), 1);

    // Importing the same file again changes nothing and records nothing.
    assert!(env.core.preview_sp_metadata(&id, SP_METADATA).unwrap().changes.is_empty());
    env.core.apply_sp_metadata(&id, SP_METADATA).unwrap();
    assert_eq!(env.events("sso_sp_metadata_import"), 1);
}

#[test]
fn bad_files_are_refused_at_the_file_field_and_change_nothing() {
    let env = env();
    let id = fifteen_five(&env);
    let before = env.snapshot();
    let dtd = format!("<!DOCTYPE x [<!ENTITY a \"b\">]>{SP_METADATA}");
    let huge = format!("{SP_METADATA}<!--{}-->", "x".repeat(1024 * 1024));
    let cases: [(&[u8], &str); 5] = [
        (dtd.as_bytes(), "DOCTYPE"),
        (huge.as_bytes(), "1 MiB"),
        (b"<md:EntityDescriptor", "well-formed"),
        (b"<html><body>hi</body></html>", "not SAML metadata"),
        (b"\xff\xfe<x/>", "UTF-8"),
    ];
    for (file, why) in cases {
        for result in
            [env.core.preview_sp_metadata(&id, file).map(|_| ()), env.core.apply_sp_metadata(&id, file).map(|_| ())]
        {
            let err = result.unwrap_err();
            assert!(err.to_string().contains(why), "{why}: {err}");
            assert_eq!(field_of(err), "file");
        }
    }
    assert_eq!(env.snapshot(), before);
}

#[test]
fn an_import_into_an_unfilled_configuration_still_asks_for_the_placeholder() {
    let env = env();
    let id = env.app("15five", "15Five");
    let before = env.snapshot();
    let err = env.core.apply_sp_metadata(&id, SP_METADATA).unwrap_err();
    assert_eq!(field_of(err), "placeholders.YOURDOMAIN", "the IdP entity ID still holds YOURDOMAIN");
    assert_eq!(env.snapshot(), before);
}

#[test]
fn metadata_files_over_one_mebibyte_are_refused_unread() {
    use crate::sso::read_sp_metadata_file;
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.xml");
    std::fs::write(&big, vec![b' '; gatehouse_saml::MAX_SP_METADATA_BYTES + 1]).unwrap();
    let err = read_sp_metadata_file(&big).unwrap_err();
    assert!(err.to_string().contains("1 MiB"), "{err}");
    assert_eq!(field_of(err), "file");
    let ok = dir.path().join("sp.xml");
    std::fs::write(&ok, b"<x/>").unwrap();
    assert_eq!(read_sp_metadata_file(&ok).unwrap(), b"<x/>");
    assert_eq!(field_of(read_sp_metadata_file(dir.path()).unwrap_err()), "file", "a folder is not a file");
    assert_eq!(field_of(read_sp_metadata_file(&dir.path().join("missing.xml")).unwrap_err()), "file");
}
