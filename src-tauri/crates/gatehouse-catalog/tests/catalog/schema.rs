//! `connectors/connector.schema.json` accepts every shipped file, and rejects what the
//! loader rejects: the schema an editor shows and the loader the app runs must agree.

use gatehouse_catalog::Catalog;
use serde_json::{json, Value};

use crate::{at, connectors_dir, CatalogCopy, Edit, SHIPPED};

fn schema() -> Value {
    let text = std::fs::read_to_string(connectors_dir().join("connector.schema.json")).expect("schema file");
    serde_json::from_str(&text).expect("the schema is JSON")
}

fn validator() -> jsonschema::Validator {
    jsonschema::draft202012::new(&schema()).expect("the schema compiles as draft 2020-12")
}

#[test]
fn the_schema_is_a_valid_draft_2020_12_schema_and_is_embedded() {
    let schema = schema();
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    jsonschema::meta::validate(&schema).expect("valid against the 2020-12 meta-schema");
    let embedded: Value = serde_json::from_str(Catalog::schema_json()).expect("embedded schema is JSON");
    assert_eq!(embedded, schema, "the binary carries the current schema");
}

#[test]
fn every_shipped_connector_validates_against_the_schema() {
    let validator = validator();
    for id in SHIPPED {
        let copy_of_file: Value = CatalogCopy::of_shipped().json(id);
        let errors: Vec<String> =
            validator.iter_errors(&copy_of_file).map(|e| format!("{} {e}", e.instance_path())).collect();
        assert!(errors.is_empty(), "{id}: {errors:#?}");
    }
}

#[test]
fn schema_and_loader_reject_the_same_mistakes() {
    let validator = validator();
    let cases: Vec<(&str, &str, Edit)> = vec![
        ("wrong type", "hoxhunt", Box::new(|v| *at(v, "/supports/sso") = json!("yes"))),
        ("missing field", "alexishr", Box::new(|v| drop(v.as_object_mut().expect("object").remove("setup")))),
        ("unknown field", "15five", Box::new(|v| v["logo"] = json!("x.svg"))),
        ("bad enum", "15five", Box::new(|v| *at(v, "/scim/mappings/0/appliedOn") = json!("create and update"))),
        ("bad id", "hoxhunt", Box::new(|v| v["id"] = json!("Hox Hunt"))),
        ("empty name", "hoxhunt", Box::new(|v| v["name"] = json!(""))),
        ("bad token", "15five", Box::new(|v| *at(v, "/sso/placeholders/0/token") = json!("yourdomain"))),
        ("bad SCIM path", "alexishr", Box::new(|v| *at(v, "/scim/mappings/1/target") = json!("emails: value"))),
        ("http base URL", "alexishr", Box::new(|v| *at(v, "/scim/baseUrl/url") = json!("http://api.alexishr.com"))),
        ("unknown base URL kind", "hoxhunt", Box::new(|v| *at(v, "/scim/baseUrl/kind") = json!("discovered"))),
        ("extra base URL field", "hoxhunt", Box::new(|v| at(v, "/scim/baseUrl")["url"] = json!("https://x"))),
        (
            "one rule target",
            "hoxhunt",
            Box::new(|v| drop(at(v, "/scim/rules/0/targets").as_array_mut().expect("array").pop())),
        ),
        ("bad NameID format", "custom-saml", Box::new(|v| *at(v, "/sso/nameIdFormat") = json!("email"))),
        ("empty expression", "15five", Box::new(|v| *at(v, "/scim/mappings/10/source") = json!(" "))),
        ("bad deprovision", "15five", Box::new(|v| *at(v, "/supports/deprovision") = json!("archive"))),
        ("non-string $schema", "15five", Box::new(|v| v["$schema"] = json!(1))),
    ];
    for (what, id, edit) in cases {
        let copy = CatalogCopy::of_shipped();
        let mut value = copy.json(id);
        edit(&mut value);
        assert!(!validator.is_valid(&value), "schema accepts {what}");
        copy.write_json(id, &value);
        let snapshot = copy.load();
        assert!(snapshot.get(id).is_none(), "loader accepts {what}");
        assert_eq!(snapshot.connectors.len(), 4, "{what}: {:#?}", snapshot.issues);
    }
}
