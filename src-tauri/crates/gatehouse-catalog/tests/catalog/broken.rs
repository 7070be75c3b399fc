//! A broken connector file yields an issue naming the file and the field, while every
//! other connector still loads. Nothing a file contains makes the loader panic.

use gatehouse_catalog::{CatalogIssue, CatalogSnapshot};
use serde_json::{json, Value};

use crate::{at, CatalogCopy, Edit};

/// Asserts `id` alone failed, with exactly the issues whose (file suffix, field) are given,
/// and returns those issues.
fn only_broken(snapshot: &CatalogSnapshot, id: &str, expected: &[(&str, &str)]) -> Vec<CatalogIssue> {
    assert!(snapshot.get(id).is_none(), "a broken {id} must not be offered");
    assert_eq!(snapshot.connectors.len(), 4, "the other connectors still load: {:#?}", snapshot.issues);
    let got: Vec<(String, String)> = snapshot.issues.iter().map(|i| (i.file.clone(), i.field.clone())).collect();
    assert_eq!(got.len(), expected.len(), "{:#?}", snapshot.issues);
    for ((file, field), (want_file, want_field)) in got.iter().zip(expected) {
        assert!(file.ends_with(&format!("/{id}/{want_file}")), "file `{file}` should name {id}/{want_file}");
        assert_eq!(field, want_field, "{:#?}", snapshot.issues);
    }
    snapshot.issues.clone()
}

fn break_json(id: &str, edit: impl FnOnce(&mut Value)) -> CatalogSnapshot {
    let copy = CatalogCopy::of_shipped();
    copy.edit(id, edit);
    copy.load()
}

#[test]
fn invalid_json_names_the_file_and_the_position() {
    let copy = CatalogCopy::of_shipped();
    let path = copy.path("hoxhunt", "connector.json");
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, &text[..text.len() / 2]).expect("truncate");
    let issues = only_broken(&copy.load(), "hoxhunt", &[("connector.json", "")]);
    assert!(
        issues[0].message.contains("not valid JSON") && issues[0].message.contains("line"),
        "{}",
        issues[0].message
    );
}

#[test]
fn a_wrong_type_is_reported_at_its_json_pointer() {
    let snapshot = break_json("hoxhunt", |v| *at(v, "/scim/mappings/3/target") = json!(42));
    let issues = only_broken(&snapshot, "hoxhunt", &[("connector.json", "/scim/mappings/3/target")]);
    assert!(issues[0].message.contains("invalid type"), "{}", issues[0].message);

    let snapshot = break_json("15five", |v| *at(v, "/supports/sso") = json!("yes"));
    only_broken(&snapshot, "15five", &[("connector.json", "/supports/sso")]);
}

#[test]
fn a_missing_required_field_is_named() {
    let snapshot = break_json("alexishr", |v| {
        v.as_object_mut().expect("object").remove("name");
    });
    let issues = only_broken(&snapshot, "alexishr", &[("connector.json", "/name")]);
    assert!(issues[0].message.contains("missing field"), "{}", issues[0].message);

    let snapshot = break_json("15five", |v| {
        at(v, "/scim/mappings/2").as_object_mut().expect("object").remove("target");
    });
    only_broken(&snapshot, "15five", &[("connector.json", "/scim/mappings/2/target")]);
}

#[test]
fn an_unknown_field_is_named_so_typos_are_not_ignored() {
    let snapshot = break_json("hoxhunt", |v| at(v, "/sso")["nameIDFormat"] = json!("x"));
    only_broken(&snapshot, "hoxhunt", &[("connector.json", "/sso/nameIDFormat")]);
    // The logo comes from logo.svg only.
    let snapshot = break_json("hoxhunt", |v| v["logoDataUrl"] = json!("data:,"));
    only_broken(&snapshot, "hoxhunt", &[("connector.json", "/logoDataUrl")]);
}

#[test]
fn an_unknown_enum_value_is_reported_at_its_field() {
    let snapshot = break_json("15five", |v| *at(v, "/scim/mappings/0/kind") = json!("lookup"));
    let issues = only_broken(&snapshot, "15five", &[("connector.json", "/scim/mappings/0/kind")]);
    assert!(issues[0].message.contains("lookup"), "{}", issues[0].message);
}

#[test]
fn an_undeclared_placeholder_in_a_template_is_reported() {
    let snapshot = break_json("hoxhunt", |v| {
        *at(v, "/sso/acsUrlTemplates/0") = json!("https://app.hoxhunt.com/saml/consume/YOUR_TENANT");
    });
    // YOUR_TENANT is unknown, and YOUR_ORG_ID is still used by the SP entity ID.
    let issues = only_broken(&snapshot, "hoxhunt", &[("connector.json", "/sso/acsUrlTemplates/0")]);
    assert!(issues[0].message.contains("YOUR_TENANT"), "{}", issues[0].message);
}

#[test]
fn a_declared_placeholder_no_template_uses_is_reported() {
    let snapshot = break_json("alexishr", |v| {
        at(v, "/sso/placeholders").as_array_mut().expect("array").push(json!({
            "token": "YOUR_REGION", "label": "Region", "help": "Your AlexisHR region.", "example": null
        }));
    });
    let issues = only_broken(&snapshot, "alexishr", &[("connector.json", "/sso/placeholders/1")]);
    assert!(issues[0].message.contains("YOUR_REGION"), "{}", issues[0].message);
}

#[test]
fn semantic_checks_point_at_the_offending_field() {
    let cases: Vec<(&str, Edit, &str)> = vec![
        ("hoxhunt", Box::new(|v| v["id"] = json!("hox")), "/id"),
        ("15five", Box::new(|v| *at(v, "/scim/mappings/0/required") = json!(false)), "/scim/mappings"),
        ("15five", Box::new(|v| *at(v, "/scim/mappings/1/target") = json!("userName")), "/scim/mappings/1/target"),
        (
            "alexishr",
            Box::new(|v| *at(v, "/scim/mappings/2/target") = json!("Company Email")),
            "/scim/mappings/2/target",
        ),
        (
            "15five",
            Box::new(|v| *at(v, "/scim/rules/0/targets/1") = json!("emails[type eq \"work\"].value")),
            "/scim/rules/0/targets/1",
        ),
        (
            "hoxhunt",
            Box::new(|v| {
                at(v, "/scim/mappings/0")
                    .as_object_mut()
                    .expect("object")
                    .remove("directoryField")
                    .map(drop)
                    .unwrap_or(())
            }),
            "/scim/rules/0",
        ),
        (
            "custom-scim",
            Box::new(|v| *at(v, "/scim/baseUrl") = json!({"kind": "fixed", "url": "http://x"})),
            "/scim/baseUrl/url",
        ),
        ("custom-saml", Box::new(|v| *at(v, "/supports/sso") = json!(false)), "/sso"),
        ("hoxhunt", Box::new(|v| *at(v, "/name") = json!("  ")), "/name"),
    ];
    for (id, edit, field) in cases {
        let snapshot = break_json(id, edit);
        assert!(snapshot.get(id).is_none(), "{id} with a broken {field:?} must not load");
        assert_eq!(snapshot.connectors.len(), 4, "{:#?}", snapshot.issues);
        let fields: Vec<&str> = snapshot.issues.iter().map(|i| i.field.as_str()).collect();
        assert!(fields.contains(&field), "{id}: expected an issue at {field}, got {:#?}", snapshot.issues);
    }
}

#[test]
fn logo_problems_name_the_logo_file() {
    let copy = CatalogCopy::of_shipped();
    std::fs::remove_file(copy.path("15five", "logo.svg")).expect("remove logo");
    let issues = only_broken(&copy.load(), "15five", &[("logo.svg", "")]);
    assert!(issues[0].message.contains("missing"), "{}", issues[0].message);

    let copy = CatalogCopy::of_shipped();
    std::fs::write(copy.path("15five", "logo.svg"), [0x89, b'P', b'N', b'G', 0xff]).expect("write");
    only_broken(&copy.load(), "15five", &[("logo.svg", "")]);
}

#[test]
fn a_folder_without_connector_json_is_reported_not_skipped() {
    let copy = CatalogCopy::of_shipped();
    std::fs::remove_file(copy.path("custom-scim", "connector.json")).expect("remove");
    let issues = only_broken(&copy.load(), "custom-scim", &[("connector.json", "")]);
    assert!(issues[0].message.contains("missing"), "{}", issues[0].message);
}

#[test]
fn problems_in_json_and_logo_are_reported_together() {
    let copy = CatalogCopy::of_shipped();
    copy.edit("alexishr", |v| v["id"] = json!("alexis"));
    std::fs::remove_file(copy.path("alexishr", "logo.svg")).expect("remove logo");
    only_broken(&copy.load(), "alexishr", &[("connector.json", "/id"), ("logo.svg", "")]);
}

#[test]
fn hostile_input_never_panics() {
    let contents: [&[u8]; 8] = [
        b"",
        b"null",
        b"[1, 2, 3]",
        b"{\"$schema\": 5}",
        &[0xff, 0xfe, 0x00, 0x7b],
        b"{\"id\": \"hoxhunt\", \"sso\": {\"placeholders\": [{\"token\": \"YOUR\\u0000\"}]}}",
        b"{\"scim\": {\"baseUrl\": {\"kind\": \"somewhere\"}}}",
        b"{\"id\": {\"id\": {\"id\": [[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]}}}",
    ];
    for content in contents {
        let copy = CatalogCopy::of_shipped();
        std::fs::write(copy.path("hoxhunt", "connector.json"), content).expect("write");
        let snapshot = copy.load();
        assert_eq!(snapshot.connectors.len(), 4, "{content:?}");
        assert!(!snapshot.issues.is_empty(), "{content:?}");
        assert!(snapshot.issues.iter().all(|i| i.file.ends_with("/hoxhunt/connector.json")), "{:#?}", snapshot.issues);
    }
}

#[test]
fn an_unreadable_directory_is_one_issue() {
    let snapshot = gatehouse_catalog::Catalog::load_dir("/nonexistent/gatehouse-connectors");
    assert!(snapshot.connectors.is_empty());
    assert_eq!(snapshot.issues.len(), 1);
    assert_eq!(snapshot.issues[0].file, "/nonexistent/gatehouse-connectors");
}
