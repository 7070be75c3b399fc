//! The `gatehouse` binary as a script uses it: exit codes, one-line errors, `--json`, and
//! the same validation and events as the app.

use assert_cmd::Command;

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env { dir: tempfile::tempdir().unwrap() }
    }

    fn data(&self) -> std::path::PathBuf {
        self.dir.path().join("data")
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::cargo_bin("gatehouse").unwrap();
        c.arg("--data-dir").arg(self.data()).args(args).env_remove("GATEHOUSE_CONNECTORS_DIR");
        c
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd(args).output().unwrap();
        assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs a command that must fail; returns its stderr, which must be one line.
    fn fails(&self, args: &[&str]) -> String {
        let out = self.cmd(args).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?} should fail with exit 1");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.starts_with("gatehouse: "), "one-line reason: {err}");
        err
    }

    fn json(&self, args: &[&str]) -> serde_json::Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }
}

#[test]
fn help_lists_the_command_groups() {
    let out = Env::new().ok(&["--help"]);
    for group in ["catalog", "events", "user", "group", "app", "settings", "sample"] {
        assert!(out.contains(group), "--help mentions {group}");
    }
}

#[test]
fn the_catalog_lists_every_connector_and_shows_mappings() {
    let env = Env::new();
    let list = env.json(&["catalog", "list", "--json"]);
    let ids: Vec<&str> = list["connectors"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect();
    for id in ["15five", "alexishr", "hoxhunt", "custom-saml", "custom-scim"] {
        assert!(ids.contains(&id), "catalog has {id}");
    }
    let show = env.ok(&["catalog", "show", "15five"]);
    assert!(show.contains("toScimEmails(jcUser.email)"), "the mapping table is printed:\n{show}");
    assert!(show.contains("YOURDOMAIN"));
    assert!(env.fails(&["catalog", "show", "nope"]).contains("'nope' not found"));
}

#[test]
fn a_broken_connector_file_is_named_and_the_others_still_load() {
    let env = Env::new();
    let dir = env.dir.path().join("connectors");
    let src = std::path::Path::new(
        &std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR when it runs tests"),
    )
    .join("../../../connectors");
    for id in ["15five", "hoxhunt"] {
        std::fs::create_dir_all(dir.join(id)).unwrap();
        for f in ["connector.json", "logo.svg"] {
            std::fs::copy(src.join(id).join(f), dir.join(id).join(f)).unwrap();
        }
    }
    std::fs::write(dir.join("hoxhunt/connector.json"), "{ \"id\": \"hoxhunt\", ").unwrap();
    let out = env.cmd(&["catalog", "list"]).env("GATEHOUSE_CONNECTORS_DIR", &dir).output().unwrap();
    assert!(out.status.success(), "a broken connector does not stop the catalog");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stdout.contains("15five") && !stdout.contains("hoxhunt"), "{stdout}");
    assert!(stderr.contains("hoxhunt/connector.json"), "the warning names the file: {stderr}");
}

#[test]
fn users_groups_and_applications_from_a_script() {
    let env = Env::new();
    env.ok(&["user", "add", "--username", "ada", "--email", "ada@acme.test", "--first", "Ada", "--last", "Lovelace"]);
    let profile = env.dir.path().join("grace.json");
    std::fs::write(
        &profile,
        r#"{"username":"grace","email":"grace@acme.test","jobTitle":"Admiral","costCenter":"N-1",
            "addresses":[{"type":"work","locality":"Arlington"}],"phoneNumbers":[{"type":"mobile","number":"+1 555 0100"}]}"#,
    )
    .unwrap();
    env.ok(&["user", "add", "--from-json", profile.to_str().unwrap()]);
    let grace = env.json(&["user", "show", "GRACE", "--json"]);
    assert_eq!(grace["jobTitle"], "Admiral");
    assert_eq!(grace["addresses"][0]["locality"], "Arlington");
    env.ok(&["user", "set", "grace", "--field", "department=Navy", "--field", "jobTitle=Rear Admiral"]);
    assert_eq!(env.json(&["user", "show", "grace", "--json"])["department"], "Navy");

    env.ok(&["group", "add", "Engineering", "--description", "Builders"]);
    env.ok(&["group", "members", "add", "Engineering", "ada", "grace"]);
    let out = env.ok(&["app", "add", "15five", "--label", "15Five"]);
    assert!(out.contains("/saml2/15five"), "{out}");
    let apps = env.json(&["app", "list", "--json"]);
    let app_id = apps[0]["id"].as_str().unwrap().to_string();
    env.ok(&["app", "bind", &app_id, "Engineering"]);
    let show = env.json(&["app", "show", &app_id, "--json"]);
    let users: Vec<&str> =
        show["effectiveUsers"].as_array().unwrap().iter().map(|u| u["username"].as_str().unwrap()).collect();
    assert_eq!(users, ["ada", "grace"]);
    env.ok(&["user", "suspend", "ada"]);
    assert_eq!(env.json(&["user", "show", "ada", "--json"])["state"], "suspended");

    let events = env.json(&["events", "--json"]);
    let names: Vec<&str> = events.as_array().unwrap().iter().map(|e| e["name"].as_str().unwrap()).collect();
    for n in [
        "user_create",
        "user_update",
        "group_create",
        "group_members_add",
        "application_create",
        "application_group_bind",
        "user_suspend",
    ] {
        assert!(names.contains(&n), "event {n} recorded: {names:?}");
    }
    let app_events = env.json(&["events", "--app", &app_id, "--json"]);
    assert!(app_events.as_array().unwrap().iter().all(|e| e["appId"] == app_id.as_str()));
}

#[test]
fn refused_changes_fail_with_one_line_and_change_nothing() {
    let env = Env::new();
    env.ok(&["user", "add", "--username", "ada", "--email", "ada@acme.test"]);
    let before = env.json(&["events", "--json"]).as_array().unwrap().len();
    assert!(env.fails(&["user", "add", "--username", "ADA", "--email", "x@acme.test"]).contains("already taken"));
    assert!(env.fails(&["user", "add", "--username", "bob", "--email", "bob@"]).contains("not a valid email"));
    let out = env.json(&["app", "list", "--json"]);
    assert_eq!(out.as_array().unwrap().len(), 0);
    env.ok(&["app", "add", "hoxhunt", "--label", "Hoxhunt"]);
    let id = env.json(&["app", "list", "--json"])[0]["id"].as_str().unwrap().to_string();
    assert!(env.fails(&["app", "bind", &id, "Ghosts"]).contains("No user group 'Ghosts'"));
    let csv = env.dir.path().join("users.csv");
    std::fs::write(&csv, "username,email\ncal,cal@acme.test\ndee,not-an-email\n").unwrap();
    let out = env.cmd(&["user", "import-csv", csv.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("users.csv:3:"), "bad row reported with its line number: {err}");
    let users = env.json(&["user", "list", "--json"]);
    assert_eq!(users["total"], 1, "nothing imported");
    let after = env.json(&["events", "--json"]).as_array().unwrap().len();
    assert_eq!(after, before + 1, "only the application_create event was added");
}

#[test]
fn a_database_from_a_newer_version_is_a_clear_error() {
    let env = Env::new();
    env.ok(&["info"]);
    let db = rusqlite_path(&env);
    let conn = rusqlite_open(&db);
    conn.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', 'x')", []).unwrap();
    drop(conn);
    let err = env.fails(&["user", "list"]);
    assert!(err.contains("newer version of Gatehouse"), "{err}");
}

#[test]
fn an_unwritable_data_folder_is_a_clear_error() {
    let env = Env::new();
    let file = env.dir.path().join("file");
    std::fs::write(&file, "x").unwrap();
    let out = Command::cargo_bin("gatehouse")
        .unwrap()
        .args(["--data-dir"])
        .arg(file.join("data"))
        .arg("info")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Cannot use the data folder"), "{err}");
}

#[test]
fn the_sample_organization_loads_from_the_cli() {
    let env = Env::new();
    assert!(env.ok(&["sample", "load"]).contains("users"));
    let users = env.json(&["user", "list", "--json"]);
    assert!(users["total"].as_u64().unwrap() >= 24);
    assert!(env.fails(&["sample", "load"]).contains("empty directory"));
}

fn rusqlite_path(env: &Env) -> std::path::PathBuf {
    env.data().join("gatehouse.sqlite3")
}

fn rusqlite_open(p: &std::path::Path) -> rusqlite::Connection {
    rusqlite::Connection::open(p).unwrap()
}
