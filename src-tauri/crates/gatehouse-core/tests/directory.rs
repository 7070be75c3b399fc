//! Users, groups, applications and bindings on a real database: what an admin relies on,
//! and that every refused change leaves the database exactly as it was.

use gatehouse_core::applications::{GeneralInfo, NewApplication, PortalImage};
use gatehouse_core::directory::groups::GroupDraft;
use gatehouse_core::directory::model::{Address, PhoneNumber, UserDraft, UserQuery, UserSort, UserState};
use gatehouse_core::{Actor, ErrorCode, EventQuery, Gatehouse};

fn core() -> (tempfile::TempDir, Gatehouse) {
    let dir = tempfile::tempdir().unwrap();
    let core = Gatehouse::open(dir.path(), Actor::App).unwrap();
    (dir, core)
}

fn user(username: &str) -> UserDraft {
    UserDraft {
        username: username.into(),
        email: format!("{username}@acme.test"),
        firstname: "Jane".into(),
        lastname: username.to_uppercase(),
        ..Default::default()
    }
}

/// Everything a refused change must leave alone, as one comparable value.
fn snapshot(core: &Gatehouse) -> String {
    let conn = core.store().conn();
    let mut out = String::new();
    for table in ["users", "groups", "group_members", "applications", "application_groups", "events"] {
        let mut stmt = conn.prepare(&format!("SELECT * FROM {table} ORDER BY 1, 2")).unwrap();
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| Ok((0..n).map(|i| format!("{:?}", r.get_ref(i).unwrap())).collect::<Vec<_>>().join("|")))
            .unwrap();
        for row in rows {
            out.push_str(&format!("{table}: {}\n", row.unwrap()));
        }
    }
    out
}

fn event_names(core: &Gatehouse) -> Vec<String> {
    let page = core.events(&EventQuery { page: 1, page_size: 100, ..Default::default() }).unwrap();
    page.items.iter().rev().map(|e| e.name.clone()).collect()
}

#[test]
fn a_full_profile_round_trips_with_every_field() {
    let (_d, core) = core();
    let mut draft = user("ada");
    draft.job_title = "Principal Engineer".into();
    draft.cost_center = "CC-7".into();
    draft.addresses = vec![Address { kind: "Work".into(), locality: "London".into(), ..Default::default() }];
    draft.phone_numbers = vec![PhoneNumber { kind: "mobile".into(), number: "+44 20 7946 0000".into() }];
    draft.custom_attributes.insert("badge".into(), "42".into());
    let created = core.create_user(&draft).unwrap();
    let read = core.user("ADA").unwrap();
    assert_eq!(read, created, "lookup by username ignores case");
    assert_eq!(read.draft.addresses[0].kind, "work", "address types are canonical");
    assert_eq!(read.draft.custom_attributes["badge"], "42");
    let json = serde_json::to_value(&read).unwrap();
    for key in ["jobTitle", "costCenter", "phoneNumbers", "addresses", "customAttributes", "firstname", "state"] {
        assert!(json.get(key).is_some(), "jcUser field {key} is exposed with its API name");
    }
}

#[test]
fn a_duplicate_username_is_refused_ignoring_case_and_writes_nothing() {
    let (_d, core) = core();
    core.create_user(&user("jane")).unwrap();
    let before = snapshot(&core);
    let err = core.create_user(&user("JANE")).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Conflict);
    assert_eq!(err.field(), Some("username"));
    assert_eq!(snapshot(&core), before);
}

#[test]
fn a_malformed_email_is_refused_at_the_field_and_writes_nothing() {
    let (_d, core) = core();
    core.create_user(&user("jane")).unwrap();
    let before = snapshot(&core);
    let mut bad = user("john");
    bad.email = "john@@acme".into();
    let err = core.create_user(&bad).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert_eq!(err.field(), Some("email"));
    // Editing an existing user to a bad email is refused the same way.
    let jane = core.user("jane").unwrap();
    let mut edit = jane.draft.clone();
    edit.email = "no-at-sign".into();
    assert_eq!(core.update_user(&jane.id, &edit).unwrap_err().field(), Some("email"));
    assert_eq!(snapshot(&core), before);
}

#[test]
fn suspending_and_reactivating_are_recorded_as_such() {
    let (_d, core) = core();
    core.create_user(&user("jane")).unwrap();
    assert_eq!(core.set_user_state("jane", UserState::Suspended).unwrap().draft.state, UserState::Suspended);
    core.set_user_state("jane", UserState::Active).unwrap();
    core.delete_user("jane").unwrap();
    assert_eq!(event_names(&core), ["user_create", "user_suspend", "user_activate", "user_delete"]);
    assert_eq!(core.user("jane").unwrap_err().code(), ErrorCode::NotFound);
}

#[test]
fn the_users_list_searches_sorts_and_pages_in_the_core() {
    let (_d, core) = core();
    for (u, first, last) in
        [("zed", "Zed", "Young"), ("amy", "Amy", "Xu"), ("bob", "Bob", "Wong"), ("cat", "Cat", "Vance")]
    {
        let mut d = user(u);
        d.firstname = first.into();
        d.lastname = last.into();
        core.create_user(&d).unwrap();
    }
    let page = core.users(&UserQuery { sort: UserSort::Name, page: 1, page_size: 2, ..Default::default() }).unwrap();
    assert_eq!(page.total, 4);
    assert_eq!(page.items.iter().map(|u| u.username.as_str()).collect::<Vec<_>>(), ["amy", "bob"]);
    let page2 = core.users(&UserQuery { sort: UserSort::Name, page: 2, page_size: 2, ..Default::default() }).unwrap();
    assert_eq!(page2.items.iter().map(|u| u.username.as_str()).collect::<Vec<_>>(), ["cat", "zed"]);
    let desc = core
        .users(&UserQuery { sort: UserSort::Username, descending: true, page: 1, page_size: 1, ..Default::default() })
        .unwrap();
    assert_eq!(desc.items[0].username, "zed");
    // Substring search (trigram index) over name, username and email, case-insensitive.
    let found =
        core.users(&UserQuery { search: Some("WON".into()), page: 1, page_size: 10, ..Default::default() }).unwrap();
    assert_eq!(found.items.iter().map(|u| u.username.as_str()).collect::<Vec<_>>(), ["bob"]);
    // Short text falls back to a scan but still matches.
    let short =
        core.users(&UserQuery { search: Some("xu".into()), page: 1, page_size: 10, ..Default::default() }).unwrap();
    assert_eq!(short.total, 1);
    // The search index follows renames.
    let bob = core.user("bob").unwrap();
    let mut d = bob.draft.clone();
    d.lastname = "Marley".into();
    core.update_user(&bob.id, &d).unwrap();
    let after =
        core.users(&UserQuery { search: Some("wong".into()), page: 1, page_size: 10, ..Default::default() }).unwrap();
    assert_eq!(after.total, 0);
    let marley =
        core.users(&UserQuery { search: Some("marley".into()), page: 1, page_size: 10, ..Default::default() }).unwrap();
    assert_eq!(marley.total, 1);
}

#[test]
fn groups_members_and_bindings_decide_who_reaches_an_application() {
    let (_d, core) = core();
    for u in ["ann", "ben", "cho"] {
        core.create_user(&user(u)).unwrap();
    }
    let eng = core.create_group(&GroupDraft { name: "Engineering".into(), description: "eng".into() }).unwrap();
    core.create_group(&GroupDraft { name: "Sales".into(), description: String::new() }).unwrap();
    core.add_group_members("engineering", &["ann".into(), "ben".into()]).unwrap();
    core.add_group_members("Sales", &["ben".into(), "cho".into()]).unwrap();
    let app = core
        .create_application(&NewApplication {
            connector_id: "15five".into(),
            general: GeneralInfo { label: "15Five".into(), show_in_portal: true, ..Default::default() },
            idp_url_suffix: String::new(),
        })
        .unwrap();
    assert_eq!(app.idp_url_suffix, "15five", "derived from the label");
    assert!(app.idp_url.ends_with("/saml2/15five"));
    assert_eq!(core.effective_users(&app.id, 1, 100).unwrap().total, 0, "access is denied until a group is bound");
    core.bind_group(&app.id, &eng.id).unwrap();
    core.bind_group(&app.id, "sales").unwrap();
    let eff = core.effective_users(&app.id, 1, 100).unwrap();
    let got: Vec<(String, Vec<String>)> =
        eff.items.iter().map(|u| (u.username.clone(), u.granted_by.clone())).collect();
    assert_eq!(
        got,
        vec![
            ("ann".to_string(), vec!["Engineering".to_string()]),
            ("ben".to_string(), vec!["Engineering".to_string(), "Sales".to_string()]),
            ("cho".to_string(), vec!["Sales".to_string()]),
        ]
    );
    core.unbind_group(&app.id, "Engineering").unwrap();
    let eff = core.effective_users(&app.id, 1, 100).unwrap();
    assert_eq!(
        eff.items.iter().map(|u| u.username.as_str()).collect::<Vec<_>>(),
        ["ben", "cho"],
        "ben keeps access via Sales"
    );
    let group = core.group("sales").unwrap();
    assert_eq!(group.member_count, 2);
    assert_eq!(group.applications.iter().map(|a| a.label.as_str()).collect::<Vec<_>>(), ["15Five"]);
}

#[test]
fn binding_a_missing_group_is_refused_and_writes_nothing() {
    let (_d, core) = core();
    let app = core
        .create_application(&NewApplication {
            connector_id: "hoxhunt".into(),
            general: GeneralInfo { label: "Hoxhunt".into(), ..Default::default() },
            idp_url_suffix: "hoxhunt-sso".into(),
        })
        .unwrap();
    let before = snapshot(&core);
    let err = core.bind_group(&app.id, "No Such Group").unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert_eq!(err.field(), Some("group"));
    assert!(err.to_string().contains("No Such Group"));
    assert_eq!(snapshot(&core), before);
}

#[test]
fn the_idp_url_value_is_unique_validated_and_the_label_is_required() {
    let (_d, core) = core();
    let new = |label: &str, suffix: &str| NewApplication {
        connector_id: "custom-saml".into(),
        general: GeneralInfo { label: label.into(), portal_image: PortalImage::Logo, ..Default::default() },
        idp_url_suffix: suffix.into(),
    };
    core.create_application(&new("Wiki", "wiki")).unwrap();
    let before = snapshot(&core);
    let dup = core.create_application(&new("Wiki 2", "wiki")).unwrap_err();
    assert_eq!((dup.code(), dup.field()), (ErrorCode::Conflict, Some("idpUrlSuffix")));
    assert_eq!(core.create_application(&new("Bad", "Has Spaces")).unwrap_err().field(), Some("idpUrlSuffix"));
    assert_eq!(core.create_application(&new("  ", "x")).unwrap_err().field(), Some("label"));
    let mut unknown = new("X", "x");
    unknown.connector_id = "nope".into();
    assert_eq!(core.create_application(&unknown).unwrap_err().field(), Some("connectorId"));
    assert_eq!(snapshot(&core), before);
    assert_eq!(core.suggest_idp_url_suffix("Wiki").unwrap(), "wiki-2");
}

#[test]
fn deleting_applications_needs_the_typed_count() {
    let (_d, core) = core();
    let a = core
        .create_application(&NewApplication {
            connector_id: "alexishr".into(),
            general: GeneralInfo { label: "AlexisHR".into(), ..Default::default() },
            idp_url_suffix: String::new(),
        })
        .unwrap();
    let err = core.delete_applications(std::slice::from_ref(&a.id), "2").unwrap_err();
    assert_eq!(err.field(), Some("confirmation"));
    assert!(core.application(&a.id).is_ok(), "a wrong count deletes nothing");
    assert_eq!(core.delete_applications(std::slice::from_ref(&a.id), "1").unwrap(), 1);
    assert_eq!(core.application(&a.id).unwrap_err().code(), ErrorCode::NotFound);
}

#[test]
fn a_csv_with_bad_rows_reports_each_line_and_imports_nothing() {
    let (_d, core) = core();
    core.create_user(&user("taken")).unwrap();
    let before = snapshot(&core);
    let csv = "username,email,firstname,jobTitle,phone.work,address.work.locality,custom.badge,state\n\
               ok1,ok1@acme.test,Ok,Engineer,+1 555 0100,Oslo,7,active\n\
               bad1,not-an-email,Bad,,,,,\n\
               ok2,ok2@acme.test,Ok,,,,,suspended\n\
               ok1,dup@acme.test,Dup,,,,,\n\
               bad2,bad2@acme.test,Bad,,,,,sleeping\n";
    let report = core.import_users_csv(csv.as_bytes()).unwrap();
    assert_eq!(report.imported, 0);
    let lines: Vec<(u32, &str)> = report.errors.iter().map(|e| (e.line, e.field.as_str())).collect();
    assert_eq!(lines, vec![(3, "email"), (5, "username"), (6, "state")]);
    assert_eq!(snapshot(&core), before, "all-or-nothing");
    // A row that clashes with an existing user is reported too, and nothing is written.
    let clash = "username,email\nfresh,fresh@acme.test\nTAKEN,t@acme.test\n";
    let report = core.import_users_csv(clash.as_bytes()).unwrap();
    assert_eq!(report.errors.iter().map(|e| e.line).collect::<Vec<_>>(), vec![3]);
    assert_eq!(snapshot(&core), before);
    // A good file imports every row with every column.
    let good = "username,email,firstname,jobTitle,phone.work,address.work.locality,custom.badge,state\n\
                ok1,ok1@acme.test,Ok,Engineer,+1 555 0100,Oslo,7,active\n\
                ok2,ok2@acme.test,Ok,,,,,suspended\n";
    let report = core.import_users_csv(good.as_bytes()).unwrap();
    assert_eq!((report.imported, report.errors.len()), (2, 0));
    let ok1 = core.user("ok1").unwrap();
    assert_eq!(ok1.draft.job_title, "Engineer");
    assert_eq!(ok1.draft.phone_numbers[0].number, "+1 555 0100");
    assert_eq!(ok1.draft.addresses[0].locality, "Oslo");
    assert_eq!(ok1.draft.custom_attributes["badge"], "7");
    assert_eq!(core.user("ok2").unwrap().draft.state, UserState::Suspended);
}

fn search(core: &Gatehouse, text: &str) -> Vec<String> {
    let q = UserQuery { search: Some(text.into()), page: 1, page_size: 50, ..Default::default() };
    core.users(&q).unwrap().items.into_iter().map(|u| u.username).collect()
}

#[test]
fn imported_users_are_searchable_and_later_users_are_indexed_as_before() {
    let (_d, core) = core();
    // A refused file (its second row clashes with the first) changes nothing, index included.
    let refused = "username,email,lastname
zed,zed@acme.test,Quixote
ZED,zed2@acme.test,Other
";
    assert_eq!(core.import_users_csv(refused.as_bytes()).unwrap().imported, 0);
    assert!(search(&core, "quixote").is_empty());
    let good = "username,email,lastname
mia,mia@acme.test,Quixote
noor,noor@acme.test,Zamora
";
    assert_eq!(core.import_users_csv(good.as_bytes()).unwrap().imported, 2);
    assert_eq!(search(&core, "quixote"), vec!["mia"]);
    assert_eq!(search(&core, "amor"), vec!["noor"], "substring search reaches imported users");
    // The index keeps following single changes after a bulk import.
    core.create_user(&user("olwen")).unwrap();
    assert_eq!(search(&core, "olwen"), vec!["olwen"]);
    // Bad rows and usernames already taken are reported together, in line order.
    let mixed = "username,email
olwen,o2@acme.test
bad,not-an-email
";
    let lines: Vec<u32> = core.import_users_csv(mixed.as_bytes()).unwrap().errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, vec![2, 3]);
}

#[test]
fn search_finds_users_by_every_field_even_those_the_index_folds_away() {
    let (_d, core) = core();
    // The index leaves out a username the email starts with, and a display name that is
    // just "first last": neither may become unfindable.
    let folded = UserDraft { displayname: "Jane MIA".into(), ..user("mia") };
    let kept = UserDraft {
        username: "Noor_Z".into(),
        email: "noor.zamora@acme.test".into(),
        displayname: "Countess Noor".into(),
        ..user("x")
    };
    let mia = core.create_user(&folded).unwrap();
    core.create_user(&kept).unwrap();
    for (text, who) in
        [("mia", "mia"), ("Jane MIA", "mia"), ("noor_z", "Noor_Z"), ("countess", "Noor_Z"), ("zamora", "Noor_Z")]
    {
        assert_eq!(search(&core, text), vec![who], "searching {text:?}");
    }
    // Short searches (below the index's three characters) look at the same text.
    assert_eq!(search(&core, "_z"), vec!["Noor_Z"]);
    // Renaming re-indexes.
    core.update_user(&mia.id, &UserDraft { displayname: "Quill".into(), ..folded }).unwrap();
    assert_eq!(search(&core, "quill"), vec!["mia"]);
}

#[test]
fn an_unknown_csv_column_is_reported_on_the_header_line() {
    let (_d, core) = core();
    let report = core.import_users_csv(b"username,email,shoeSize\na,a@acme.test,9\n").unwrap();
    assert_eq!(report.errors.len(), 1);
    assert_eq!((report.errors[0].line, report.errors[0].field.as_str()), (1, "shoeSize"));
}

#[test]
fn the_sample_organization_loads_only_into_an_empty_directory() {
    let (_d, core) = core();
    assert!(core.is_empty().unwrap());
    let (users, groups) = core.load_sample().unwrap();
    assert!(users >= 24 && groups >= 4, "a few dozen users and several groups");
    assert!(!core.is_empty().unwrap());
    let all = core.groups(None).unwrap();
    assert!(all.iter().all(|g| g.member_count > 0), "every sample group has members");
    assert_eq!(core.load_sample().unwrap_err().code(), ErrorCode::Conflict);
}
