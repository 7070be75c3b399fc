//! The SSO tab: defaults, placeholders, validation per field.

use super::*;
use crate::sso::{AcsUrl, SsoAttribute, SsoConfigInput, SsoConstantAttribute};
use gatehouse_saml::{NameIdFormat, SamlSigning};

#[test]
fn unsaved_applications_show_the_connectors_defaults_with_placeholders_unfilled() {
    let env = env();
    let id = env.app("15five", "15Five");
    let v = env.core.sso_config(&id).unwrap();
    assert!(v.is_default);
    assert_eq!(v.idp_url, "https://sso.example.com/saml2/15five");
    assert_eq!(
        v.config.acs_urls,
        [AcsUrl { url: "https://YOURDOMAIN.15five.com/saml2/acs/".into(), is_default: true }]
    );
    assert_eq!(v.resolved, v.config, "nothing to fill in yet");
    assert_eq!(v.unfilled, ["YOURDOMAIN"]);
    assert_eq!(v.placeholders.len(), 1);
    let p = &v.placeholders[0];
    assert_eq!((p.token.as_str(), p.value.as_str(), p.example.as_deref()), ("YOURDOMAIN", "", Some("acme")));
    assert_eq!(p.used_in, ["idpEntityId", "spEntityId", "acsUrls.0.url", "spLoginUrl"]);
    assert!(v.has_sp_login_url && v.group_attribute_supported);
    assert_eq!(v.config.name_id_field, "email");
    assert_eq!(v.config.signing, SamlSigning::Both);
    assert!(v.certificates.is_empty() && v.certificate_expiry.is_none());

    let alexis = env.core.sso_config(&env.app("alexishr", "AlexisHR")).unwrap();
    assert!(!alexis.has_sp_login_url && !alexis.group_attribute_supported);
    assert_eq!(alexis.unfilled, ["YOUR_CONNECTION_NAME"]);
    let hox = env.core.sso_config(&env.app("hoxhunt", "Hoxhunt")).unwrap();
    assert_eq!(hox.jit_required_attributes, ["user.firstname", "user.lastname"]);

    let scim_only = env.app("custom-scim", "Wiki");
    assert_eq!(field_of(env.core.sso_config(&scim_only).unwrap_err()), "id");
    assert_eq!(env.events("sso_update"), 0, "reading records nothing");
}

#[test]
fn a_placeholder_is_filled_once_and_replaced_everywhere_it_occurs() {
    let env = env();
    let id = env.app("15five", "15Five");
    let mut i = input(&env.core.sso_config(&id).unwrap());
    i.placeholders.insert("YOURDOMAIN".into(), " acme ".into());
    let v = env.core.save_sso_config(&id, &i).unwrap();
    assert!(!v.is_default && v.unfilled.is_empty());
    assert_eq!(v.placeholders[0].value, "acme", "trimmed");
    assert_eq!(v.resolved.idp_entity_id, "https://acme.15five.com");
    assert_eq!(v.resolved.sp_entity_id, "https://acme.15five.com/saml2/metadata/");
    assert_eq!(v.resolved.acs_urls[0].url, "https://acme.15five.com/saml2/acs/");
    assert_eq!(v.resolved.sp_login_url.as_deref(), Some("https://acme.15five.com"));
    assert_eq!(v.config.sp_entity_id, "https://YOURDOMAIN.15five.com/saml2/metadata/", "templates are kept");
    assert_eq!(env.events("sso_update"), 1);

    // Changing the value later changes every field again.
    let mut i = input(&v);
    i.placeholders.insert("YOURDOMAIN".into(), "beta".into());
    let v = env.core.save_sso_config(&id, &i).unwrap();
    assert_eq!(v.resolved.acs_urls[0].url, "https://beta.15five.com/saml2/acs/");
    assert_eq!(v.resolved.idp_entity_id, "https://beta.15five.com");
    let last = env.core.events(&EventQuery { page: 1, page_size: 1, ..Default::default() }).unwrap().items;
    assert_eq!(last[0].name, "sso_update");
    assert_eq!(last[0].detail["changed"], serde_json::json!(["placeholders"]));

    // Saving what is in force writes nothing.
    let before = env.snapshot();
    env.core.save_sso_config(&id, &input(&v)).unwrap();
    assert_eq!(env.snapshot(), before);
    assert_eq!(env.events("sso_update"), 2);
}

#[test]
fn placeholders_must_be_filled_with_url_safe_values() {
    let env = env();
    let id = env.app("15five", "15Five");
    let i = input(&env.core.sso_config(&id).unwrap());
    let before = env.snapshot();
    let err = env.core.save_sso_config(&id, &i).unwrap_err();
    assert!(err.to_string().contains("15Five subdomain"), "{err}");
    assert_eq!(field_of(err), "placeholders.YOURDOMAIN");
    for (token, value) in [("YOURDOMAIN", "acme corp"), ("YOURDOMAIN", "a/b"), ("YOUR_ORG_ID", "x")] {
        let mut bad = i.clone();
        bad.placeholders.insert(token.into(), value.into());
        assert_eq!(field_of(env.core.save_sso_config(&id, &bad).unwrap_err()), format!("placeholders.{token}"));
    }
    // An admin who types the value into every field instead needs no placeholder value.
    let mut literal = i.clone();
    literal.config =
        crate::sso::resolve(&literal.config, &[("YOURDOMAIN".to_string(), "acme".to_string())].into_iter().collect());
    assert_eq!(env.snapshot(), before, "refused saves wrote nothing");
    let v = env.core.save_sso_config(&id, &literal).unwrap();
    assert!(v.unfilled.is_empty() && v.placeholders[0].value.is_empty());
}

/// A valid 15Five input to break one field at a time.
fn valid(env: &Env, id: &str) -> SsoConfigInput {
    let mut i = input(&env.core.sso_config(id).unwrap());
    i.placeholders.insert("YOURDOMAIN".into(), "acme".into());
    i.config.acs_urls.push(AcsUrl { url: "https://acme.15five.com/saml2/acs/2".into(), is_default: false });
    i.config.attributes.push(SsoAttribute { name: "firstName".into(), field: "firstname".into() });
    i.config.constant_attributes.push(SsoConstantAttribute { name: "tier".into(), value: "gold".into() });
    i.config.group_attribute = Some("memberOf".into());
    i
}

#[test]
fn every_field_is_validated_at_its_path_and_refusals_change_nothing() {
    let env = env();
    let id = env.app("15five", "15Five");
    type Edit = fn(&mut SsoConfigInput);
    let cases: Vec<(&str, Edit)> = vec![
        ("idpEntityId", |i| i.config.idp_entity_id = " ".into()),
        ("spEntityId", |i| i.config.sp_entity_id = "has space".into()),
        ("acsUrls", |i| i.config.acs_urls.clear()),
        ("acsUrls.1.url", |i| i.config.acs_urls[1].url = "ftp://acme.15five.com/acs".into()),
        ("acsUrls.1.url", |i| i.config.acs_urls[1].url = "/saml2/acs/".into()),
        ("acsUrls.1.url", |i| i.config.acs_urls[1].url = "https://YOURDOMAIN.15five.com/saml2/acs/".into()),
        ("acsUrls.1.isDefault", |i| i.config.acs_urls[1].is_default = true),
        ("acsUrls", |i| i.config.acs_urls[0].is_default = false),
        ("spLoginUrl", |i| i.config.sp_login_url = Some("javascript:alert(1)".into())),
        ("nameIdField", |i| i.config.name_id_field = "emial".into()),
        ("nameIdField", |i| i.config.name_id_field = "active".into()),
        ("attributes.1.name", |i| i.config.attributes[1].name = "".into()),
        ("attributes.1.name", |i| i.config.attributes[1].name = "EMAIL".into()),
        ("attributes.1.field", |i| i.config.attributes[1].field = "nickname".into()),
        ("constantAttributes.0.name", |i| i.config.constant_attributes[0].name = "firstName".into()),
        ("constantAttributes.0.value", |i| i.config.constant_attributes[0].value = " ".into()),
        ("constantAttributes.0.value", |i| i.config.constant_attributes[0].value = "a\nb".into()),
        ("groupAttribute", |i| i.config.group_attribute = Some("tier".into())),
    ];
    // Saved once, so refusals must leave a saved row (not just "no row") untouched.
    let base = valid(&env, &id);
    env.core.save_sso_config(&id, &base).unwrap();
    let before = env.snapshot();
    for (field, edit) in cases {
        let mut i = base.clone();
        edit(&mut i);
        let err = env.core.save_sso_config(&id, &i).expect_err(field);
        assert_eq!(field_of(err), field);
        assert_eq!(env.snapshot(), before, "refused change at {field} wrote something");
    }
    // The ACS URL marked default need not be the first.
    let mut i = base.clone();
    i.config.acs_urls[0].is_default = false;
    i.config.acs_urls[1].is_default = true;
    i.config.name_id_format = NameIdFormat::Persistent;
    i.config.name_id_field = "customAttributes.employeeNumber".into();
    let v = env.core.save_sso_config(&id, &i).unwrap();
    assert!(v.resolved.acs_urls[1].is_default);
    let last = env.core.events(&EventQuery { page: 1, page_size: 1, ..Default::default() }).unwrap().items;
    assert_eq!(last[0].detail["changed"], serde_json::json!(["acsUrls", "nameIdFormat", "nameIdField"]));
}

#[test]
fn connector_capabilities_limit_the_login_url_and_group_attribute() {
    let env = env();
    let id = env.app("alexishr", "AlexisHR");
    let mut i = input(&env.core.sso_config(&id).unwrap());
    i.placeholders.insert("YOUR_CONNECTION_NAME".into(), "acme-hr".into());
    let mut bad = i.clone();
    bad.config.group_attribute = Some("groups".into());
    assert_eq!(field_of(env.core.save_sso_config(&id, &bad).unwrap_err()), "groupAttribute");
    let mut bad = i.clone();
    bad.config.sp_login_url = Some("https://auth.alexishr.com/".into());
    assert_eq!(field_of(env.core.save_sso_config(&id, &bad).unwrap_err()), "spLoginUrl");
    let v = env.core.save_sso_config(&id, &i).unwrap();
    assert_eq!(v.resolved.sp_entity_id, "urn:auth0:alexishr:acme-hr");
    assert_eq!(v.resolved.acs_urls[0].url, "https://auth.alexishr.com/login/callback?connection=acme-hr");
}
