//! Attribute mappings on a real database: the connectors' default mappings produce exactly
//! what the reference tables describe, the preview is the exact SCIM resource, one broken
//! mapping never hides the others, and invalid lists are refused at the right field.

use gatehouse_catalog::{MappingKind, RuleSeverity};
use gatehouse_core::applications::{GeneralInfo, NewApplication};
use gatehouse_core::directory::model::{Address, PhoneNumber, UserDraft, UserState};
use gatehouse_core::mappings::scim::ENTERPRISE_URN;
use gatehouse_core::mappings::{CompiledMappings, Mapping, Preview};
use gatehouse_core::{Actor, CoreError, ErrorCode, EventQuery, Gatehouse};
use serde_json::{json, Value};

const CORE_URN: &str = "urn:ietf:params:scim:schemas:core:2.0:User";

fn core() -> (tempfile::TempDir, Gatehouse) {
    let dir = tempfile::tempdir().unwrap();
    let core = Gatehouse::open(dir.path(), Actor::App).unwrap();
    (dir, core)
}

fn app(core: &Gatehouse, connector: &str) -> String {
    let new = NewApplication {
        connector_id: connector.into(),
        general: GeneralInfo { label: format!("{connector} app"), show_in_portal: true, ..Default::default() },
        idp_url_suffix: String::new(),
    };
    core.create_application(&new).unwrap().id
}

fn user(core: &Gatehouse, username: &str, edit: impl FnOnce(&mut UserDraft)) -> String {
    let mut d = UserDraft {
        username: username.into(),
        email: format!("{username}@acme.test"),
        firstname: "Ada".into(),
        lastname: "Lovelace".into(),
        ..Default::default()
    };
    edit(&mut d);
    core.create_user(&d).unwrap().id
}

fn address(kind: &str, city: &str) -> Address {
    Address {
        kind: kind.into(),
        street_address: "1 Main St".into(),
        locality: city.into(),
        postal_code: "8000".into(),
        country: "CH".into(),
        ..Default::default()
    }
}

fn phone(kind: &str, number: &str) -> PhoneNumber {
    PhoneNumber { kind: kind.into(), number: number.into() }
}

fn preview(core: &Gatehouse, app: &str, user: &str) -> Preview {
    let p = core.preview(app, user, None).unwrap();
    assert!(p.errors.is_empty(), "the defaults evaluate cleanly: {:?}", p.errors);
    p
}

fn invalid(r: Result<impl std::fmt::Debug, CoreError>) -> (String, String) {
    match r {
        Err(e) => {
            assert_eq!(e.code(), ErrorCode::InvalidInput, "{e}");
            (e.field().unwrap_or_default().to_string(), e.to_string())
        }
        Ok(v) => panic!("expected invalid_input, got {v:?}"),
    }
}

fn events(core: &Gatehouse) -> Vec<(String, Value)> {
    let page = core.events(&EventQuery { page: 1, page_size: 100, ..Default::default() }).unwrap();
    page.items.into_iter().rev().filter(|e| e.name.starts_with("mapping_")).map(|e| (e.name, e.detail)).collect()
}

fn set(list: &mut [Mapping], target: &str, kind: MappingKind, source: &str) {
    let m = list.iter_mut().find(|m| m.target == target).unwrap_or_else(|| panic!("no {target}"));
    m.kind = kind;
    m.source = source.into();
}

#[test]
fn fifteen_five_starts_from_the_reference_table() {
    let (_d, core) = core();
    let app = app(&core, "15five");
    let set = core.mappings(&app).unwrap();
    assert!(set.is_default, "nothing saved yet: the connector's defaults");
    assert!(set.issues.is_empty(), "the defaults are valid: {:?}", set.issues);
    assert_eq!(set.mappings.len(), 16, "the reference's 16 rows");
    let user_name = &set.mappings[0];
    assert_eq!(
        (user_name.target.as_str(), user_name.source.as_str(), user_name.required),
        ("userName", "username", true)
    );
    assert!(set.mappings[1..].iter().all(|m| !m.required), "every other row is optional");
    let title = set.mappings.iter().find(|m| m.target == "title").unwrap();
    assert_eq!(title.source, "jobTitle", "the directory field Gatehouse reads, not the reference's spelling");
}

#[test]
fn display_name_follows_the_reference_expression() {
    let (_d, core) = core();
    let app = app(&core, "15five");
    let with = user(&core, "with", |d| d.displayname = "Countess Ada".into());
    let without = user(&core, "without", |_| {});
    let first_only = user(&core, "first", |d| d.lastname.clear());
    assert_eq!(preview(&core, &app, &with).resource["displayName"], "Countess Ada");
    assert_eq!(preview(&core, &app, &without).resource["displayName"], "Ada Lovelace");
    assert_eq!(preview(&core, &app, &first_only).resource["displayName"], "Ada");
}

#[test]
fn external_id_and_locale_prefer_the_application_account() {
    let (_d, core) = core();
    let app = app(&core, "15five");
    let id = user(&core, "ada", |_| {});
    let fresh = preview(&core, &app, "ada").resource;
    assert_eq!(fresh["externalId"], json!(id), "before the account exists: the directory id");
    assert_eq!(fresh["locale"], "en-US");
    assert_eq!(fresh["preferredLanguage"], "en-US");
    let account = json!({"externalId": "x", "locale": "de-CH"});
    let existing = core.preview_with_provider(&app, "ada", None, &account).unwrap().resource;
    assert_eq!(existing["externalId"], "x", "the account's own externalId is kept");
    assert_eq!(existing["locale"], "de-CH");
    assert_eq!(existing["preferredLanguage"], "en-US");
}

#[test]
fn addresses_take_the_work_address_else_the_first_else_none() {
    let (_d, core) = core();
    let app = app(&core, "15five");
    user(&core, "both", |d| d.addresses = vec![address("home", "Bern"), address("work", "Zurich")]);
    user(&core, "home", |d| d.addresses = vec![address("home", "Bern")]);
    user(&core, "none", |_| {});
    assert_eq!(
        preview(&core, &app, "both").resource["addresses"],
        json!([{"type": "work", "streetAddress": "1 Main St", "locality": "Zurich", "postalCode": "8000",
                "country": "CH", "formatted": "1 Main St\nZurich, 8000\nCH", "primary": true}])
    );
    let home = preview(&core, &app, "home").resource;
    assert_eq!(home["addresses"][0]["type"], "home");
    assert_eq!(home["addresses"][0]["locality"], "Bern");
    assert_eq!(home["addresses"].as_array().unwrap().len(), 1);
    let none = preview(&core, &app, "none").resource;
    assert!(none.get("addresses").is_none(), "no address: the attribute is left out, not sent empty");
}

#[test]
fn phone_numbers_take_the_work_number_else_the_first_else_none() {
    let (_d, core) = core();
    let app = app(&core, "15five");
    user(&core, "both", |d| {
        d.phone_numbers = vec![phone("mobile", "+41 79 000 00 00"), phone("work", "+41 44 000 00 00")]
    });
    user(&core, "mobile", |d| d.phone_numbers = vec![phone("mobile", "+41 79 000 00 00")]);
    user(&core, "none", |_| {});
    assert_eq!(
        preview(&core, &app, "both").resource["phoneNumbers"],
        json!([{"type": "work", "value": "+41 44 000 00 00", "primary": true}])
    );
    assert_eq!(
        preview(&core, &app, "mobile").resource["phoneNumbers"],
        json!([{"type": "mobile", "value": "+41 79 000 00 00", "primary": true}])
    );
    assert!(preview(&core, &app, "none").resource.get("phoneNumbers").is_none());
}

#[test]
fn the_whole_resource_is_exact() {
    let (_d, core) = core();
    let app = app(&core, "15five");
    let id = user(&core, "ada", |d| {
        d.company = "Analytical Engines".into();
        d.cost_center = "CC-7".into();
        d.department = "R&D".into();
        d.employee_identifier = "E-1815".into();
        d.employee_type = "full-time".into();
        d.job_title = "Analyst".into();
    });
    assert_eq!(
        preview(&core, &app, "ada").resource,
        json!({
            "schemas": [CORE_URN, ENTERPRISE_URN],
            "userName": "ada",
            "active": true,
            "externalId": id,
            "displayName": "Ada Lovelace",
            "name": {"givenName": "Ada", "familyName": "Lovelace"},
            "title": "Analyst",
            "userType": "full-time",
            "locale": "en-US",
            "preferredLanguage": "en-US",
            "emails": [{"type": "work", "value": "ada@acme.test", "primary": true}],
            ENTERPRISE_URN: {
                "organization": "Analytical Engines",
                "costCenter": "CC-7",
                "department": "R&D",
                "employeeNumber": "E-1815"
            }
        })
    );
}

#[test]
fn the_enterprise_schema_is_listed_only_when_used() {
    let (_d, core) = core();
    let app = app(&core, "15five");
    user(&core, "plain", |_| {});
    let r = preview(&core, &app, "plain").resource;
    assert_eq!(r["schemas"], json!([CORE_URN]));
    assert!(r.get(ENTERPRISE_URN).is_none());
}

#[test]
fn suspended_and_password_expired_users_are_inactive() {
    let (_d, core) = core();
    let app = app(&core, "15five");
    user(&core, "on", |_| {});
    user(&core, "off", |d| d.state = UserState::Suspended);
    user(&core, "expired", |d| d.state = UserState::PasswordExpired);
    assert_eq!(preview(&core, &app, "on").resource["active"], true);
    assert_eq!(preview(&core, &app, "off").resource["active"], false);
    assert_eq!(preview(&core, &app, "expired").resource["active"], false);
    let hoxhunt = self::app(&core, "hoxhunt");
    let p = core.preview(&hoxhunt, "off", None).unwrap();
    assert_eq!(p.resource["active"], false, "Hoxhunt's explicit active mapping agrees");
}

#[test]
fn a_broken_expression_is_listed_and_every_other_attribute_still_appears() {
    let (_d, core) = core();
    let app = app(&core, "15five");
    user(&core, "ada", |_| {});
    let mut draft = core.mappings(&app).unwrap().mappings;
    set(&mut draft, "displayName", MappingKind::Expression, "jcUser.firstname +");
    set(&mut draft, "locale", MappingKind::Expression, "upper(jcUser.addresses)");
    let p = core.preview(&app, "ada", Some(draft)).unwrap();

    let display = p.values.iter().find(|v| v.target == "displayName").unwrap();
    let err = display.error.as_ref().expect("the syntax error is the value's error");
    assert_eq!((err.line, err.column.is_some()), (Some(1), true));
    let locale = p.values.iter().find(|v| v.target == "locale").unwrap();
    assert!(locale.error.is_some(), "a run-time error too");
    let failed: Vec<&str> = p.errors.iter().map(|e| e.target.as_str()).collect();
    assert_eq!(failed, ["displayName", "locale"]);
    assert!(p.errors[0].message.starts_with("1:"), "the position leads the message: {}", p.errors[0].message);

    for key in ["userName", "name", "emails", "externalId", "preferredLanguage", "active", "schemas"] {
        assert!(p.resource.get(key).is_some(), "{key} is still in the resource: {}", p.resource);
    }
    assert!(p.resource.get("displayName").is_none() && p.resource.get("locale").is_none());
    let issue = p.issues.iter().find(|i| i.target == "displayName").expect("the draft's issues name it");
    assert_eq!(issue.field, "mappings[9].source");
    assert_eq!(issue.severity, RuleSeverity::Error);
}

#[test]
fn the_draft_is_previewed_without_being_saved() {
    let (_d, core) = core();
    let app = app(&core, "15five");
    user(&core, "ada", |_| {});
    let mut draft = core.mappings(&app).unwrap().mappings;
    draft.push(Mapping {
        target: "$enterpriseUser.division".into(),
        kind: MappingKind::Constant,
        source: "Engines".into(),
        required: false,
    });
    draft.push(Mapping {
        target: "emails[type eq \"home\"].value".into(),
        kind: MappingKind::Expression,
        source: "lower(jcUser.username) + '@home.test'".into(),
        required: false,
    });
    let p = core.preview(&app, "", Some(draft)).unwrap();
    assert_eq!(p.username, "ada", "no user chosen: the first one");
    assert_eq!(p.resource[ENTERPRISE_URN]["division"], "Engines");
    assert_eq!(
        p.resource["emails"],
        json!([{"type": "work", "value": "ada@acme.test", "primary": true}, {"type": "home", "value": "ada@home.test"}])
    );
    assert!(core.mappings(&app).unwrap().is_default, "a preview writes nothing");
    assert!(events(&core).is_empty());
}

#[test]
fn fifteen_fives_username_and_email_should_match() {
    let (_d, core) = core();
    let app = app(&core, "15five");
    user(&core, "ada", |_| {});
    user(&core, "grace@acme.test", |d| d.email = "Grace@acme.test".into());
    let p = core.preview(&app, "ada", None).unwrap();
    let warning = p.issues.iter().find(|i| i.severity == RuleSeverity::Warning).expect("a sameValue warning");
    assert_eq!(warning.target, "emails");
    assert!(warning.message.contains("should match"), "{}", warning.message);
    let p = core.preview(&app, "grace@acme.test", None).unwrap();
    assert!(p.issues.is_empty(), "same value, ignoring case: {:?}", p.issues);
}

#[test]
fn invalid_lists_are_refused_at_the_field_to_fix() {
    let (_d, core) = core();
    let app = app(&core, "15five");
    let defaults = core.mappings(&app).unwrap().mappings;
    let with = |f: &dyn Fn(&mut Vec<Mapping>)| {
        let mut l = defaults.clone();
        f(&mut l);
        l
    };
    let before = events(&core);

    let (field, msg) = invalid(core.save_mappings(&app, with(&|l| l[5].target = "displayNme".into())));
    assert_eq!(field, "mappings[5].target");
    assert!(msg.contains("Did you mean displayName?"), "{msg}");

    // A single value into a multi-valued attribute, and the reverse.
    let (field, msg) = invalid(core.save_mappings(&app, with(&|l| set(l, "emails", MappingKind::Direct, "email"))));
    assert_eq!(field, "mappings[14].source");
    assert!(msg.contains("multi-valued"), "{msg}");
    let (field, msg) =
        invalid(core.save_mappings(
            &app,
            with(&|l| set(l, "displayName", MappingKind::Expression, "toScimEmails(jcUser.email)")),
        ));
    assert_eq!(field, "mappings[9].source");
    assert!(msg.contains("single value"), "{msg}");
    let (field, _) = invalid(core.save_mappings(&app, with(&|l| l[14].target = "emails.value".into())));
    assert_eq!(field, "mappings[14].target");
    let (field, _) =
        invalid(core.save_mappings(&app, with(&|l| set(l, "addresses", MappingKind::Constant, "Main St"))));
    assert_eq!(field, "mappings[13].source");

    // An expression that does not compile: its position.
    let (field, msg) =
        invalid(core.save_mappings(&app, with(&|l| set(l, "locale", MappingKind::Expression, "jcUser.fristname"))));
    assert_eq!(field, "mappings[11].source");
    assert!(msg.starts_with("1:8: ") && msg.contains("firstname"), "{msg}");

    // Duplicates, and the required userName.
    let (field, _) = invalid(core.save_mappings(&app, with(&|l| l[2].target = "$enterpriseUser.organization".into())));
    assert_eq!(field, "mappings[2].target");
    let (field, msg) = invalid(core.save_mappings(
        &app,
        with(&|l| {
            l.remove(0);
        }),
    ));
    assert_eq!(field, "mappings");
    assert!(msg.contains("userName is required"), "{msg}");

    assert_eq!(events(&core), before, "nothing refused was recorded");
    assert!(core.mappings(&app).unwrap().is_default, "nothing refused was saved");
}

#[test]
fn required_mappings_cannot_be_removed() {
    let (_d, core) = core();
    let app = app(&core, "hoxhunt");
    let (field, msg) = invalid(core.remove_mapping(&app, "userName"));
    assert_eq!(field, "target");
    assert!(msg.contains("required by Hoxhunt"), "{msg}");
    let (field, _) = invalid(core.remove_mapping(&app, "emails[type eq \"work\"].value"));
    assert_eq!(field, "target");
    let (field, _) = invalid(core.remove_mapping(&app, "nickName"));
    assert_eq!(field, "target", "nothing to remove");
    let set = core.remove_mapping(&app, "name.familyName").unwrap();
    assert!(!set.is_default && set.mappings.iter().all(|m| m.target != "name.familyName"));
}

#[test]
fn hoxhunt_user_name_and_work_email_must_share_a_source() {
    let (_d, core) = core();
    let app = app(&core, "hoxhunt");
    let mut list = core.mappings(&app).unwrap().mappings;
    set(&mut list, "userName", MappingKind::Direct, "username");
    let (field, msg) = invalid(core.save_mappings(&app, list.clone()));
    assert_eq!(field, "mappings[6].source", "the work email, which differs from userName");
    assert!(msg.contains("same source"), "{msg}");
    set(&mut list, "emails[type eq \"work\"].value", MappingKind::Direct, "username");
    let saved = core.save_mappings(&app, list).unwrap();
    assert!(!saved.is_default);
}

#[test]
fn unsupported_attributes_are_refused() {
    let (_d, core) = core();
    let app = app(&core, "hoxhunt");
    let (field, msg) = invalid(core.set_mapping(
        &app,
        Mapping {
            target: "$enterpriseUser.division".into(),
            kind: MappingKind::Constant,
            source: "x".into(),
            required: false,
        },
    ));
    assert_eq!(field, "mappings[10].target");
    assert!(msg.contains("Hoxhunt cannot receive division"), "{msg}");
}

#[test]
fn hoxhunt_direct_fields_fill_the_work_elements() {
    let (_d, core) = core();
    let app = app(&core, "hoxhunt");
    user(&core, "ada", |d| {
        d.addresses = vec![address("home", "Bern"), address("work", "Zurich")];
        d.employee_identifier = "E-1".into();
        d.department = "R&D".into();
    });
    let p = core.preview(&app, "ada", None).unwrap();
    assert!(p.errors.is_empty() && p.issues.is_empty(), "{:?} {:?}", p.errors, p.issues);
    assert_eq!(
        p.resource,
        json!({
            "schemas": [CORE_URN, ENTERPRISE_URN],
            "userName": "ada@acme.test",
            "active": true,
            "name": {"givenName": "Ada", "familyName": "Lovelace"},
            "emails": [{"type": "work", "value": "ada@acme.test", "primary": true}],
            "addresses": [{"type": "work", "locality": "Zurich", "country": "CH", "primary": true}],
            "externalId": "E-1",
            ENTERPRISE_URN: {"department": "R&D"}
        })
    );
}

#[test]
fn save_list_restore_and_their_events() {
    let (_d, core) = core();
    let app = app(&core, "15five");
    let mut list = core.mappings(&app).unwrap().mappings;
    list.retain(|m| m.target != "userType");
    set(&mut list, "title", MappingKind::Expression, "upper(jcUser.jobTitle)");
    list.push(Mapping {
        target: "nickname".into(),
        kind: MappingKind::Direct,
        source: " firstname ".into(),
        required: true,
    });

    let saved = core.save_mappings(&app, list).unwrap();
    assert!(!saved.is_default);
    let nick = saved.mappings.last().unwrap();
    assert_eq!(
        (nick.target.as_str(), nick.source.as_str(), nick.required),
        ("nickName", "firstname", false),
        "targets in the schema's spelling, direct fields trimmed, required from the connector"
    );
    assert_eq!(core.mappings(&app).unwrap(), saved, "listed as saved");
    let again = core.save_mappings(&app, saved.mappings.clone()).unwrap();
    assert_eq!(again.mappings, saved.mappings);

    let restored = core.restore_default_mappings(&app).unwrap();
    assert!(restored.is_default);
    assert_eq!(restored.mappings.len(), 16);
    core.restore_default_mappings(&app).unwrap();

    assert_eq!(
        events(&core),
        [
            (
                "mapping_update".to_string(),
                json!({"added": ["nickName"], "removed": ["userType"], "changed": ["title"], "reordered": false})
            ),
            (
                "mapping_restore".to_string(),
                json!({"added": ["userType"], "removed": ["nickName"], "changed": ["title"]})
            ),
        ],
        "saving the same list again and restoring defaults twice record nothing more"
    );
}

#[test]
fn cli_style_set_adds_or_replaces_one_target() {
    let (_d, core) = core();
    let app = app(&core, "custom-scim");
    let m = |target: &str, kind, source: &str| Mapping {
        target: target.into(),
        kind,
        source: source.into(),
        required: false,
    };
    let set = core.set_mapping(&app, m("title", MappingKind::Constant, "Member")).unwrap();
    assert_eq!(set.mappings.last().unwrap().target, "title");
    let set = core.set_mapping(&app, m("Title", MappingKind::Direct, "jobTitle")).unwrap();
    let titles: Vec<&Mapping> = set.mappings.iter().filter(|m| m.target == "title").collect();
    assert_eq!(titles.len(), 1, "replaced, not added");
    assert_eq!(titles[0].kind, MappingKind::Direct);
}

#[test]
fn applications_without_scim_have_no_mappings() {
    let (_d, core) = core();
    let app = app(&core, "custom-saml");
    let (field, msg) = invalid(core.mappings(&app));
    assert_eq!(field, "id");
    assert!(msg.contains("no SCIM provisioning"), "{msg}");
    invalid(core.preview(&app, "", None));
    assert_eq!(core.mappings("nope").unwrap_err().code(), ErrorCode::NotFound);
}

#[test]
fn deleting_an_application_deletes_its_mappings() {
    let (_d, core) = core();
    let app = app(&core, "15five");
    core.remove_mapping(&app, "userType").unwrap();
    core.delete_applications(std::slice::from_ref(&app), "1").unwrap();
    let n: i64 = core.store().conn().query_row("SELECT count(*) FROM application_mappings", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 0);
}

#[test]
fn a_batch_builds_the_same_resources_as_the_preview() {
    let (_d, core) = core();
    let app = app(&core, "15five");
    let names = ["a", "b", "c", "d"];
    for (i, name) in names.iter().enumerate() {
        user(&core, name, |d| match i {
            0 => d.addresses = vec![address("home", "Bern \"Old\" Town"), address("work", "Zürich")],
            1 => {
                d.displayname = "B".into();
                d.state = UserState::Suspended;
                d.phone_numbers = vec![phone("mobile", "+41 79 000 00 00")];
            }
            2 => d.department = "R&D".into(),
            _ => {
                d.custom_attributes.insert("badge".into(), "7".into());
            }
        });
    }
    let mut draft = core.mappings(&app).unwrap().mappings;
    draft.push(Mapping {
        target: "nickName".into(),
        kind: MappingKind::Direct,
        source: "badge".into(),
        required: false,
    });
    draft.push(Mapping {
        target: "addresses[type eq \"work\"].region".into(),
        kind: MappingKind::Constant,
        source: "ZH".into(),
        required: false,
    });
    core.save_mappings(&app, draft).unwrap();
    let compiled: CompiledMappings = core.compiled_mappings(&app).unwrap();
    let users: Vec<Value> = names.iter().map(|u| serde_json::to_value(core.user(u).unwrap()).unwrap()).collect();
    let trees = compiled.build_many(&users, &json!({}));
    let texts = compiled.build_many_json(&users, &json!({}));
    for ((u, tree), text) in names.iter().zip(&trees).zip(&texts) {
        assert_eq!(tree.resource, preview(&core, &app, u).resource, "batch and preview agree for {u}");
        assert!(tree.errors.is_empty() && text.errors.is_empty());
        assert_eq!(text.json, serde_json::to_string(&tree.resource).unwrap(), "the request body is the same JSON");
    }
    assert_eq!(trees[3].resource["nickName"], "7", "a custom attribute by its name");
    assert_eq!(trees[0].resource["addresses"][0]["region"], "ZH", "a constant refines the work address");
    assert_eq!(trees[0].resource["addresses"][0]["locality"], "Zürich");
}
