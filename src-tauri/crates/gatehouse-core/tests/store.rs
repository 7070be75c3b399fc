//! The store on real SQLite files in temporary folders: opening, migrations, refusal of
//! newer databases, unusable folders, transactions, settings and the activity log.

use gatehouse_core::events::{self, NewEvent};
use gatehouse_core::store::{migrate, Store, DB_FILE};
use gatehouse_core::{Actor, CoreError, ErrorCode, EventQuery, Gatehouse, Outcome, Settings};

fn open(dir: &std::path::Path) -> Gatehouse {
    Gatehouse::open(dir, Actor::Cli).expect("store opens")
}

#[test]
fn a_fresh_folder_gets_a_migrated_database_with_wal_and_foreign_keys() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("nested/data");
    let store = Store::open(&data).unwrap();
    assert!(data.join(DB_FILE).exists(), "the database file is created in the data folder");
    assert_eq!(store.schema_version(), migrate::latest_version());
    let conn = store.conn();
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal", "WAL lets the CLI read while the app writes");
    let fk: i64 = conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap();
    assert_eq!(fk, 1, "foreign keys must be enforced");
}

#[test]
fn reopening_keeps_data_and_does_not_reapply_migrations() {
    let dir = tempfile::tempdir().unwrap();
    {
        let core = open(dir.path());
        core.update_settings(&Settings {
            organization_name: "Acme".into(),
            idp_base_url: "https://sso.acme.test".into(),
        })
        .unwrap();
    }
    let core = open(dir.path());
    assert_eq!(core.settings().unwrap().organization_name, "Acme");
    let applied: i64 =
        core.store().conn().query_row("SELECT count(*) FROM schema_migrations", [], |r| r.get(0)).unwrap();
    assert_eq!(applied as usize, migrate::MIGRATIONS.len());
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open(dir.path()).unwrap();
        store
            .conn()
            .execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'x')", [])
            .unwrap();
    }
    let err = Store::open(dir.path()).err().expect("a newer database must be refused");
    assert!(matches!(err, CoreError::StoreTooNew { found: 999, .. }), "{err:?}");
    assert_eq!(err.code(), ErrorCode::StoreTooNew);
    assert!(err.to_string().contains("newer version of Gatehouse"), "message says what happened: {err}");
    // Untouched: the future row is still there and nothing was downgraded.
    let conn = rusqlite::Connection::open(dir.path().join(DB_FILE)).unwrap();
    let max: i64 = conn.query_row("SELECT max(version) FROM schema_migrations", [], |r| r.get(0)).unwrap();
    assert_eq!(max, 999);
}

#[test]
fn an_unwritable_data_folder_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    // A data folder below a regular file can be neither created nor written (even as root).
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, b"x").unwrap();
    let err = Store::open(&file.join("data")).err().expect("must fail");
    assert_eq!(err.code(), ErrorCode::StoreUnavailable);
    let msg = err.to_string();
    assert!(msg.contains("not-a-folder"), "names the folder: {msg}");
    assert!(msg.contains("cannot create the data folder"), "says why: {msg}");
}

#[test]
fn a_file_that_is_not_a_database_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(DB_FILE), vec![0x42u8; 8192]).unwrap();
    let err = Store::open(dir.path()).err().expect("must fail");
    assert_eq!(err.code(), ErrorCode::StoreUnavailable);
    assert!(err.to_string().contains("not a Gatehouse database"), "{err}");
}

#[test]
fn with_tx_rolls_back_everything_when_the_closure_fails() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let res: Result<(), CoreError> = store.with_tx(|tx| {
        events::record(tx, Actor::Cli, &NewEvent::success("first_write"))?;
        Err(CoreError::invalid("x", "second step failed"))
    });
    assert!(res.is_err());
    let n: i64 = store.conn().query_row("SELECT count(*) FROM events", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 0, "the first step of a failed multi-step write must not persist");
}

#[test]
fn invalid_settings_are_refused_at_the_field_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let core = open(dir.path());
    let before = core.settings().unwrap();
    for (bad, field) in [
        (Settings { organization_name: "  ".into(), idp_base_url: "https://sso.acme.test".into() }, "organizationName"),
        (Settings { organization_name: "Acme".into(), idp_base_url: "sso.acme.test".into() }, "idpBaseUrl"),
        (Settings { organization_name: "Acme".into(), idp_base_url: "http://sso.acme.test".into() }, "idpBaseUrl"),
    ] {
        let err = core.update_settings(&bad).unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidInput);
        assert_eq!(err.field(), Some(field));
    }
    assert_eq!(core.settings().unwrap(), before);
    assert_eq!(core.events(&EventQuery { page: 1, page_size: 10, ..Default::default() }).unwrap().total, 0);
}

#[test]
fn saving_settings_records_one_event_naming_the_changed_fields() {
    let dir = tempfile::tempdir().unwrap();
    let core = open(dir.path());
    let saved = core
        .update_settings(&Settings {
            organization_name: " Acme ".into(),
            idp_base_url: "https://sso.acme.test/".into(),
        })
        .unwrap();
    assert_eq!(saved.organization_name, "Acme", "trimmed");
    assert_eq!(saved.idp_base_url, "https://sso.acme.test", "no trailing slash");
    assert_eq!(saved.idp_url("15five"), "https://sso.acme.test/saml2/15five");
    // Saving the same values again changes nothing and records nothing.
    core.update_settings(&saved).unwrap();
    let page = core.events(&EventQuery { page: 1, page_size: 10, ..Default::default() }).unwrap();
    assert_eq!(page.total, 1);
    let ev = &page.items[0];
    assert_eq!(ev.name, "settings_update");
    assert_eq!(ev.actor, Actor::Cli);
    assert_eq!(ev.detail["changed"], serde_json::json!(["organizationName", "idpBaseUrl"]));
}

#[test]
fn the_activity_log_filters_and_pages_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    store
        .with_tx(|tx| -> Result<(), CoreError> {
            for i in 0..30 {
                let mut ev = NewEvent::success(if i % 3 == 0 { "user_create" } else { "group_create" })
                    .app(if i % 2 == 0 { "app-a" } else { "app-b" }, "A")
                    .detail(serde_json::json!({ "i": i }));
                if i % 5 == 0 {
                    ev = ev.failed();
                }
                events::record(tx, Actor::App, &ev)?;
            }
            Ok(())
        })
        .unwrap();
    let conn = store.conn();
    let all = events::list(&conn, &EventQuery { page: 1, page_size: 7, ..Default::default() }).unwrap();
    assert_eq!(all.total, 30);
    assert_eq!(all.items.len(), 7);
    assert_eq!(all.items[0].detail["i"], 29, "newest first");
    let page5 = events::list(&conn, &EventQuery { page: 5, page_size: 7, ..Default::default() }).unwrap();
    assert_eq!(page5.items.len(), 2, "the last page holds the remainder");
    let q = EventQuery {
        app_id: Some("app-a".into()),
        name: Some("user_create".into()),
        outcome: Some(Outcome::Failure),
        page: 1,
        page_size: 50,
    };
    let filtered = events::list(&conn, &q).unwrap();
    let expected: Vec<i64> = (0..30).rev().filter(|i| i % 2 == 0 && i % 3 == 0 && i % 5 == 0).collect();
    let got: Vec<i64> = filtered.items.iter().map(|e| e.detail["i"].as_i64().unwrap()).collect();
    assert_eq!(got, expected);
    assert_eq!(events::names(&conn).unwrap(), vec!["group_create", "user_create"]);
}
