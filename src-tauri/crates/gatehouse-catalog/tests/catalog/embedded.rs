//! The catalog compiled into the binary: complete, clean, identical to the files.

use std::path::Path;

use base64::Engine as _;
use gatehouse_catalog::{Catalog, MappingKind, RuleSeverity};

use crate::{connectors_dir, SHIPPED};

#[test]
fn all_five_connectors_are_embedded_and_load_without_issues() {
    let snapshot = Catalog::embedded();
    assert!(snapshot.issues.is_empty(), "a shipped connector must load cleanly: {:#?}", snapshot.issues);
    let mut ids: Vec<&str> = snapshot.connectors.iter().map(|c| c.id.as_str()).collect();
    ids.sort_unstable();
    assert_eq!(ids, SHIPPED, "the app must offer exactly the shipped connectors on a machine without the repo");
}

#[test]
fn embedded_catalog_matches_the_files_on_disk() {
    // The build script embeds connectors/; a stale embedding would ship old defaults.
    let from_disk = Catalog::load_dir(connectors_dir());
    assert!(from_disk.issues.is_empty(), "{:#?}", from_disk.issues);
    assert_eq!(Catalog::embedded().connectors, from_disk.connectors);
}

#[test]
fn connectors_are_listed_by_name() {
    let names: Vec<String> = Catalog::embedded().connectors.into_iter().map(|c| c.name).collect();
    assert_eq!(names, ["15Five", "AlexisHR", "Custom SAML app", "Custom SCIM app", "Hoxhunt"]);
}

#[test]
fn logos_travel_as_data_urls_of_the_svg_files() {
    for connector in Catalog::embedded().connectors {
        let encoded = connector
            .logo_data_url
            .strip_prefix("data:image/svg+xml;base64,")
            .unwrap_or_else(|| panic!("{}: the UI renders the logo from an SVG data URL", connector.id));
        let decoded = base64::engine::general_purpose::STANDARD.decode(encoded).expect("valid base64");
        let file = std::fs::read(connectors_dir().join(&connector.id).join("logo.svg")).expect("logo.svg");
        assert_eq!(decoded, file, "{}", connector.id);
    }
}

#[test]
fn logos_are_small_square_svgs() {
    for id in SHIPPED {
        let svg = std::fs::read_to_string(connectors_dir().join(id).join("logo.svg")).expect("logo.svg");
        assert!(svg.len() < 2048, "{id}: logo is {} bytes; keep it under 2 KB", svg.len());
        assert!(svg.contains(r#"viewBox="0 0 64 64""#), "{id}: logos share one 64x64 viewBox");
    }
}

#[test]
fn get_finds_connectors_by_id() {
    let snapshot = Catalog::embedded();
    assert_eq!(snapshot.get("hoxhunt").map(|c| c.name.as_str()), Some("Hoxhunt"));
    assert!(snapshot.get("slack").is_none());
    if std::env::var_os(gatehouse_catalog::CONNECTORS_DIR_ENV).is_none() {
        assert_eq!(Catalog::get("15five").map(|c| c.name.as_str()), Some("15Five"));
    }
}

#[test]
fn override_directory_replaces_the_embedded_catalog() {
    let copy = crate::CatalogCopy::of_shipped();
    std::fs::remove_dir_all(copy.dir.path().join("custom-saml")).expect("remove one connector");
    let snapshot = Catalog::from_dir_or_embedded(Some(copy.dir.path()));
    assert!(snapshot.issues.is_empty(), "{:#?}", snapshot.issues);
    assert!(snapshot.get("custom-saml").is_none(), "the override directory is the whole catalog");
    assert_eq!(snapshot.connectors.len(), 4);
}

#[test]
fn a_missing_override_directory_falls_back_to_the_embedded_catalog_and_says_so() {
    let missing = Path::new("/nonexistent/gatehouse-connectors");
    let snapshot = Catalog::from_dir_or_embedded(Some(missing));
    assert_eq!(snapshot.connectors, Catalog::embedded().connectors);
    assert_eq!(snapshot.issues.len(), 1);
    assert_eq!(snapshot.issues[0].file, missing.display().to_string());
    assert!(snapshot.issues[0].message.contains("not a directory"), "{}", snapshot.issues[0].message);
}

#[test]
fn capabilities_match_the_references() {
    let snapshot = Catalog::embedded();
    let supports = |id: &str| snapshot.get(id).expect(id).supports.clone();
    // Hoxhunt: "Groups are not supported"; 15Five: "Groups are supported".
    assert!(!supports("hoxhunt").groups);
    assert!(supports("15five").groups);
    // 15Five deletes through SCIM; the others only deactivate.
    assert_eq!(supports("15five").deprovision, Some(gatehouse_catalog::Deprovision::Delete));
    assert_eq!(supports("hoxhunt").deprovision, Some(gatehouse_catalog::Deprovision::Deactivate));
    assert_eq!(supports("alexishr").deprovision, Some(gatehouse_catalog::Deprovision::Deactivate));
    // Hoxhunt documents JIT provisioning; AlexisHR supports IdP-initiated SSO only.
    assert!(supports("hoxhunt").jit);
    let alexis = snapshot.get("alexishr").and_then(|c| c.sso.as_ref()).expect("AlexisHR SSO");
    assert!(alexis.idp_initiated && !alexis.sp_initiated && alexis.sp_login_url_template.is_none());
    // The custom apps do one thing each.
    let saml = supports("custom-saml");
    assert!(saml.sso && !saml.provisioning && saml.deprovision.is_none());
    let scim = supports("custom-scim");
    assert!(!scim.sso && scim.provisioning);
}

#[test]
fn shipped_defaults_satisfy_their_own_rules() {
    for connector in Catalog::embedded().connectors {
        let Some(scim) = &connector.scim else {
            continue;
        };
        for rule in &scim.rules {
            assert_ne!(
                rule.same_source_holds(&scim.mappings),
                Some(false),
                "{}: a fresh application must not start out breaking `{}`",
                connector.id,
                rule.message
            );
        }
    }
}

/// The directory's API names (PRODUCT.md "Directory user"); `active` is the derived status.
const DIRECTORY_FIELDS: &[&str] = &[
    "id",
    "username",
    "email",
    "firstname",
    "middlename",
    "lastname",
    "displayname",
    "jobTitle",
    "employeeIdentifier",
    "employeeType",
    "department",
    "costCenter",
    "company",
    "manager",
    "location",
    "description",
    "locale",
    "preferredLanguage",
    "active",
    "addresses.type",
    "addresses.streetAddress",
    "addresses.poBox",
    "addresses.locality",
    "addresses.region",
    "addresses.postalCode",
    "addresses.country",
    "phoneNumbers.type",
    "phoneNumbers.number",
];

#[test]
fn direct_mappings_read_real_directory_fields() {
    for connector in Catalog::embedded().connectors {
        let Some(scim) = &connector.scim else {
            continue;
        };
        for m in scim.mappings.iter().filter(|m| m.kind == MappingKind::Direct) {
            let field = m.directory_source().expect("direct mappings have a directory source");
            assert!(
                DIRECTORY_FIELDS.contains(&field),
                "{}: `{}` → {} reads `{field}`, which the directory does not have; set directoryField",
                connector.id,
                m.source,
                m.target
            );
        }
        if let Some(sso) = &connector.sso {
            assert!(DIRECTORY_FIELDS.contains(&sso.name_id_source.as_str()), "{}", connector.id);
            for attr in &sso.user_attributes {
                assert!(DIRECTORY_FIELDS.contains(&attr.source.as_str()), "{}: {}", connector.id, attr.source);
            }
        }
    }
}

#[test]
fn the_ui_receives_camel_case_json_with_the_logo() {
    let connector = Catalog::embedded().get("hoxhunt").cloned().expect("hoxhunt");
    let json = serde_json::to_value(&connector).expect("serialize");
    assert!(json["logoDataUrl"].as_str().is_some_and(|s| s.starts_with("data:image/svg+xml;base64,")));
    assert_eq!(json["scim"]["baseUrl"]["kind"], "adminSupplied");
    assert_eq!(json["scim"]["rules"][0]["kind"], "sameSource");
    assert_eq!(json["scim"]["rules"][0]["severity"], "error");
    assert_eq!(json["sso"]["nameIdFormat"], "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress");
    assert_eq!(json["supports"]["manualImport"], true);
    let back: gatehouse_catalog::Connector = serde_json::from_value(json).expect("the IPC form reads back");
    assert_eq!(back, connector);
    assert!(matches!(connector.scim.as_ref().map(|s| s.rules[0].severity), Some(RuleSeverity::Error)));
}
