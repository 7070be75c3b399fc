//! The assertion preview and "Test SSO": who may get a Response, and what it says.

use base64::Engine as _;
use gatehouse_saml::OffsetDateTime;

use super::*;
use crate::directory::model::UserState;
use crate::sso::{AcsUrl, AssertionAttribute, KeyAlgorithm, SsoAttribute, SsoConstantAttribute};

/// 15Five (subdomain acme) with a second, default ACS URL, attributes, a constant and the
/// group attribute; a certificate; `ada` in two bound groups and one unbound one.
fn configured(env: &Env) -> String {
    let id = fifteen_five(env);
    let mut i = input(&env.core.sso_config(&id).unwrap());
    i.config.acs_urls[0].is_default = false;
    i.config.acs_urls.push(AcsUrl { url: "https://acme.15five.com/saml2/acs/eu".into(), is_default: true });
    i.config.attributes.push(SsoAttribute { name: "firstName".into(), field: "firstname".into() });
    i.config.attributes.push(SsoAttribute { name: "department".into(), field: "department".into() });
    i.config.constant_attributes.push(SsoConstantAttribute { name: "tier".into(), value: "gold & co".into() });
    i.config.group_attribute = Some("memberOf".into());
    env.core.save_sso_config(&id, &i).unwrap();
    env.core.generate_certificate(&id, KeyAlgorithm::P256, 365, false).unwrap();
    user(&env.core, "ada", "Engineering", Some(&id));
    env.core.create_group(&GroupDraft { name: "Admins <all>".into(), description: String::new() }).unwrap();
    env.core.add_group_members("Admins <all>", &["ada".to_string()]).unwrap();
    env.core.bind_group(&id, "Admins <all>").unwrap();
    env.core.create_group(&GroupDraft { name: "Unbound".into(), description: String::new() }).unwrap();
    env.core.add_group_members("Unbound", &["ada".to_string()]).unwrap();
    id
}

#[test]
fn the_preview_is_the_signed_response_with_what_it_carries() {
    let env = env();
    let id = configured(&env);
    let now = OffsetDateTime::now_utc();
    let p = env.core.assertion_preview(&id, "ADA", now).unwrap();
    assert_eq!(p.username, "ada");
    assert_eq!(p.issuer, "https://acme.15five.com");
    assert_eq!(p.destination, "https://acme.15five.com/saml2/acs/eu", "the default ACS URL");
    assert_eq!(p.audience, "https://acme.15five.com/saml2/metadata/");
    assert_eq!(p.name_id, "ada@acme.test");
    let attr = |name: &str, values: &[&str]| AssertionAttribute {
        name: name.into(),
        values: values.iter().map(|v| v.to_string()).collect(),
    };
    assert_eq!(
        p.attributes,
        [
            attr("email", &["ada@acme.test"]),
            attr("firstName", &["Ada"]),
            attr("tier", &["gold & co"]),
            attr("memberOf", &["Admins <all>", "Engineering"]),
        ],
        "groups bound to this application only, multi-valued"
    );
    assert_eq!(p.omitted_attributes, ["department"], "no department: left out");
    assert!(p.xml.contains("Destination=\"https://acme.15five.com/saml2/acs/eu\""));
    assert_eq!(p.xml.matches("<ds:SignatureValue>").count(), 2, "15Five signs response and assertion");
    assert!(p.xml.contains("<saml2:AttributeValue>Admins &lt;all&gt;</saml2:AttributeValue>"));
    assert!(p.xml.contains("gold &amp; co"));
    assert!(p.pretty_xml.lines().count() > p.xml.lines().count());
    assert!(p.not_before < p.not_on_or_after);
    assert_eq!(p.certificate_serial, env.core.certificates(&id).unwrap()[0].info.serial_hex);
    assert_eq!(env.events("sso_response_issue"), 1, "a signed sign-in credential is on record");

    let form = env.core.sso_test_form(&id, "ada", now).unwrap();
    assert!(form.contains("action=\"https://acme.15five.com/saml2/acs/eu\""));
    let b64 = form.split("name=\"SAMLResponse\" value=\"").nth(1).unwrap().split('"').next().unwrap();
    let posted = String::from_utf8(base64::engine::general_purpose::STANDARD.decode(b64).unwrap()).unwrap();
    assert!(posted.contains("<saml2:NameID") && posted.contains("ada@acme.test"));
    assert_eq!(env.events("sso_response_issue"), 2);
}

#[test]
fn users_without_access_inactive_users_and_missing_keys_are_refused_with_the_fix() {
    let env = env();
    let id = configured(&env);
    let now = OffsetDateTime::now_utc();
    user(&env.core, "bob", "Outsiders", None);
    let err = env.core.assertion_preview(&id, "bob", now).unwrap_err();
    assert!(err.to_string().contains("no access to 15Five"), "{err}");
    assert_eq!(field_of(err), "user");
    assert_eq!(field_of(env.core.assertion_preview(&id, "nobody", now).unwrap_err()), "user");
    env.core.set_user_state("ada", UserState::Suspended).unwrap();
    assert!(env.core.assertion_preview(&id, "ada", now).unwrap_err().to_string().contains("suspended"));
    env.core.set_user_state("ada", UserState::Active).unwrap();

    let conn = env.core.store().conn();
    let key: String = conn.query_row("SELECT key_ref FROM certificates", [], |r| r.get(0)).unwrap();
    drop(conn);
    env.keys.delete(&SecretRef::new(key).unwrap()).unwrap();
    let err = env.core.assertion_preview(&id, "ada", now).unwrap_err();
    assert!(err.to_string().contains("not in the OS keychain") && err.to_string().contains("next certificate"));
    assert_eq!(env.events("sso_response_issue"), 0, "nothing was issued");

    let other = env.app("hoxhunt", "Hoxhunt");
    let mut i = input(&env.core.sso_config(&other).unwrap());
    i.placeholders.insert("YOUR_ORG_ID".into(), "org1".into());
    env.core.save_sso_config(&other, &i).unwrap();
    env.core.bind_group(&other, "Engineering").unwrap();
    let err = env.core.assertion_preview(&other, "ada", now).unwrap_err();
    assert!(err.to_string().contains("no signing certificate"), "{err}");
    assert!(env.core.idp_metadata_xml(&other).is_err());

    let unfilled = env.app("alexishr", "AlexisHR");
    env.core.bind_group(&unfilled, "Engineering").unwrap();
    env.core.generate_certificate(&unfilled, KeyAlgorithm::P256, 30, false).unwrap();
    let err = env.core.assertion_preview(&unfilled, "ada", now).unwrap_err();
    assert_eq!(field_of(err), "placeholders.YOUR_CONNECTION_NAME");
}

#[test]
fn metadata_needs_the_idp_entity_id_filled_in() {
    let env = env();
    let id = env.app("15five", "15Five");
    env.core.generate_certificate(&id, KeyAlgorithm::P256, 30, false).unwrap();
    assert_eq!(field_of(env.core.idp_metadata_xml(&id).unwrap_err()), "placeholders.YOURDOMAIN");
    // Hoxhunt's IdP entity ID has no placeholder: metadata works before the tab is saved.
    let hox = env.app("hoxhunt", "Hoxhunt");
    env.core.generate_certificate(&hox, KeyAlgorithm::P256, 30, false).unwrap();
    let md = env.core.idp_metadata_xml(&hox).unwrap();
    assert!(md.contains("entityID=\"Gatehouse\"") && md.contains("Location=\"https://sso.example.com/saml2/hoxhunt\""));
    assert!(!md.contains("PRIVATE"));
}

/// Every connector of the catalog that offers SSO can be configured the way its setup says:
/// placeholders filled with the connector's own examples (and, where nothing is prefilled,
/// the SP's entity ID and ACS URL typed in), a certificate, metadata, and a signed Response.
#[test]
fn every_sso_connector_of_the_catalog_can_be_configured_and_signs_a_response() {
    let env = env();
    let connectors: Vec<(String, String)> = env
        .core
        .catalog()
        .connectors
        .iter()
        .filter(|c| c.supports.sso)
        .map(|c| (c.id.clone(), c.name.clone()))
        .collect();
    assert!(connectors.len() >= 4, "15Five, AlexisHR, Hoxhunt and Custom SAML offer SSO");
    for (n, (connector, name)) in connectors.iter().enumerate() {
        let id = env.app(connector, name);
        let view = env.core.sso_config(&id).unwrap();
        let mut i = input(&view);
        for p in &view.placeholders {
            let example = p.example.clone().unwrap_or_else(|| "example".into());
            i.placeholders.insert(p.token.clone(), example);
        }
        if i.config.idp_entity_id.trim().is_empty() {
            i.config.idp_entity_id = view.idp_url.clone();
        }
        if i.config.sp_entity_id.trim().is_empty() {
            i.config.sp_entity_id = format!("https://sp{n}.example.com/metadata");
        }
        if i.config.acs_urls.is_empty() {
            i.config.acs_urls.push(AcsUrl { url: format!("https://sp{n}.example.com/acs"), is_default: true });
        }
        let saved = env.core.save_sso_config(&id, &i).unwrap_or_else(|e| panic!("{connector}: {e}"));
        assert!(saved.unfilled.is_empty(), "{connector}: every placeholder is filled");
        env.core.generate_certificate(&id, KeyAlgorithm::Rsa2048, 30, false).unwrap();
        let metadata = env.core.idp_metadata_xml(&id).unwrap();
        assert!(metadata.contains("IDPSSODescriptor") && metadata.contains(&view.idp_url), "{connector}: metadata");
        user(&env.core, &format!("user{n}"), &format!("Group {n}"), Some(&id));
        let preview = env
            .core
            .assertion_preview(&id, &format!("user{n}"), OffsetDateTime::now_utc())
            .unwrap_or_else(|e| panic!("{connector}: {e}"));
        assert_eq!(preview.destination, saved.resolved.acs_urls.iter().find(|a| a.is_default).unwrap().url);
        assert_eq!(preview.audience, saved.resolved.sp_entity_id, "{connector}");
        assert!(preview.xml.contains("<ds:SignatureValue>"), "{connector}: the Response is signed");
        assert!(!preview.xml.contains("YOUR"), "{connector}: no placeholder reaches the Response");
    }
}
