//! Filling SSO templates with the admin's values: the step between picking a connector
//! and exporting a working SAML configuration.

use std::collections::HashMap;

use gatehouse_catalog::{fill_placeholders, find_placeholders, Catalog};

fn values(pairs: &[(&str, &str)]) -> HashMap<String, String> {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
}

#[test]
fn filling_fifteen_five_templates_gives_the_real_urls() {
    let connector = Catalog::embedded().get("15five").cloned().expect("15five");
    let sso = connector.sso.expect("SSO");
    let acme = values(&[("YOURDOMAIN", "acme")]);
    assert_eq!(fill_placeholders(&sso.acs_url_templates[0], &acme), "https://acme.15five.com/saml2/acs/");
    assert_eq!(fill_placeholders(&sso.sp_entity_id_template, &acme), "https://acme.15five.com/saml2/metadata/");
    assert_eq!(fill_placeholders(&sso.idp_entity_id_template, &acme), "https://acme.15five.com");
}

#[test]
fn every_template_of_every_connector_is_complete_once_its_placeholders_are_filled() {
    for connector in Catalog::embedded().connectors {
        let Some(sso) = &connector.sso else { continue };
        let filled: HashMap<String, String> =
            connector.placeholders().iter().map(|p| (p.token.clone(), "value".to_owned())).collect();
        let mut templates = vec![sso.idp_entity_id_template.clone(), sso.sp_entity_id_template.clone()];
        templates.extend(sso.acs_url_templates.iter().cloned());
        templates.extend(sso.sp_login_url_template.iter().cloned());
        for template in templates {
            let result = fill_placeholders(&template, &filled);
            assert!(find_placeholders(&result).is_empty(), "{}: `{result}` still has a placeholder", connector.id);
        }
    }
}

#[test]
fn every_occurrence_is_replaced() {
    let filled =
        fill_placeholders("urn:YOUR_ORG_ID:x?org=YOUR_ORG_ID&again=YOUR_ORG_ID", &values(&[("YOUR_ORG_ID", "o-42")]));
    assert_eq!(filled, "urn:o-42:x?org=o-42&again=o-42");
}

#[test]
fn only_whole_placeholders_are_replaced_and_values_are_inserted_once() {
    let map = values(&[("YOUR_ORG", "short"), ("YOUR_ORG_ID", "YOUR_ORG")]);
    // YOUR_ORG inside YOUR_ORG_ID is not a match, and the inserted "YOUR_ORG" is not
    // replaced again: the admin's value arrives exactly as typed.
    assert_eq!(fill_placeholders("a/YOUR_ORG_ID/YOUR_ORG/b", &map), "a/YOUR_ORG/short/b");
}

#[test]
fn unknown_placeholders_stay_visible() {
    let filled = fill_placeholders("https://YOURDOMAIN.example/YOUR_TENANT", &values(&[("YOURDOMAIN", "acme")]));
    assert_eq!(filled, "https://acme.example/YOUR_TENANT");
    assert_eq!(find_placeholders(&filled), ["YOUR_TENANT"], "the app can tell the admin what is left");
}

#[test]
fn templates_without_placeholders_are_unchanged() {
    let text = "https://game.hoxhunt.com/";
    assert_eq!(fill_placeholders(text, &values(&[("YOUR_ORG_ID", "x")])), text);
    assert_eq!(fill_placeholders("", &HashMap::new()), "");
}

#[test]
fn placeholders_carry_a_label_and_help_for_the_admin() {
    for connector in Catalog::embedded().connectors {
        for p in connector.placeholders() {
            assert!(!p.label.trim().is_empty() && !p.help.trim().is_empty(), "{}: {}", connector.id, p.token);
        }
    }
    let fifteen = Catalog::embedded().get("15five").cloned().expect("15five");
    assert_eq!(fifteen.placeholders()[0].label, "15Five subdomain");
}
