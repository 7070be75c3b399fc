//! `gatehouse expr`, `gatehouse mapping` and `gatehouse preview` as a script uses them:
//! JSON on stdout, `line:column: message` for expression errors, exit 1 on failure.

use assert_cmd::Command;
use serde_json::{json, Value};

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env { dir: tempfile::tempdir().unwrap() }
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::cargo_bin("gatehouse").unwrap();
        c.arg("--data-dir").arg(self.dir.path().join("data")).args(args).env_remove("GATEHOUSE_CONNECTORS_DIR");
        c
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd(args).output().unwrap();
        assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }

    fn json(&self, args: &[&str]) -> Value {
        let out = self.ok(args);
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?} printed no JSON ({e}): {out}"))
    }

    /// Runs a command that must fail with exit 1; returns its one-line stderr.
    fn fails(&self, args: &[&str]) -> String {
        let out = self.cmd(args).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?} should fail with exit 1");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
        err
    }

    fn file(&self, name: &str, content: &str) -> String {
        let path = self.dir.path().join(name);
        std::fs::write(&path, content).unwrap();
        path.to_str().unwrap().to_string()
    }
}

#[test]
fn expr_eval_prints_the_result_as_json() {
    let env = Env::new();
    let ctx = env.file(
        "ctx.json",
        r#"{"jcUser": {"firstname": "Ada", "lastname": "", "displayname": "", "email": "ada@acme.test",
            "addresses": [{"type": "home", "locality": "London"}]}, "providerUser": {}}"#,
    );
    let eval = |e: &str| env.json(&["expr", "eval", e, "--context", &ctx]);
    assert_eq!(eval("upper(jcUser.firstname)"), json!("ADA"));
    assert_eq!(
        eval("notNullOrEmpty(jcUser.displayname) ? jcUser.displayname : (notNullOrEmpty(jcUser.lastname) ? jcUser.firstname + ' ' + jcUser.lastname : jcUser.firstname)"),
        json!("Ada")
    );
    assert_eq!(eval("notNullOrEmpty(providerUser.externalId) ? providerUser.externalId : 'none'"), json!("none"));
    assert_eq!(
        eval("toScimEmails(jcUser.email)"),
        json!([{"type": "work", "value": "ada@acme.test", "primary": true}])
    );
    assert_eq!(eval("find(jcUser.addresses, .type == 'work') ?? first(jcUser.addresses)")["locality"], "London");
    assert_eq!(env.json(&["expr", "eval", "1 + 2"]), json!(3), "no context: the mapping variables, empty");
    assert_eq!(env.json(&["expr", "eval", "jcUser.firstname"]), Value::Null);
}

#[test]
fn expr_eval_errors_give_line_and_column() {
    let env = Env::new();
    let err = env.fails(&["expr", "eval", "jcUser.firstname +"]);
    assert!(err.starts_with("gatehouse: 1:"), "{err}");
    let err = env.fails(&["expr", "eval", "jcUser.fristname"]);
    assert!(err.contains("1:8: ") && err.contains("firstname"), "the typo's position and the fix: {err}");
    let err = env.fails(&["expr", "eval", "1 +\n  nope(2)"]);
    assert!(err.contains("2:3: "), "{err}");
    let ctx = env.file("list.json", "[1, 2]");
    assert!(env.fails(&["expr", "eval", "1", "--context", &ctx]).contains("JSON object"));
}

#[test]
fn mappings_list_set_remove_restore() {
    let env = Env::new();
    env.ok(&["app", "add", "15five", "--label", "15Five"]);
    let list = env.json(&["mapping", "list", "15five", "--json"]);
    assert_eq!(list["isDefault"], true);
    assert_eq!(list["mappings"].as_array().unwrap().len(), 16);
    assert_eq!(
        list["mappings"][0],
        json!({"target": "userName", "kind": "direct", "source": "username", "required": true})
    );
    assert!(env.ok(&["mapping", "list", "15Five"]).contains("toScimEmails(jcUser.email)"));

    env.ok(&["mapping", "set", "15Five", "--target", "title", "--expression", "upper(jcUser.jobTitle)"]);
    env.ok(&["mapping", "set", "15Five", "--target", "$enterpriseUser.division", "--constant", "Engines"]);
    env.ok(&["mapping", "set", "15Five", "--target", "nickName", "--direct", "firstname"]);
    env.ok(&["mapping", "remove", "15Five", "--target", "userType"]);
    let list = env.json(&["mapping", "list", "15Five", "--json"]);
    assert_eq!(list["isDefault"], false);
    let targets: Vec<&str> =
        list["mappings"].as_array().unwrap().iter().map(|m| m["target"].as_str().unwrap()).collect();
    assert!(
        targets.contains(&"nickName")
            && targets.contains(&"$enterpriseUser.division")
            && !targets.contains(&"userType")
    );

    let err = env.fails(&["mapping", "set", "15Five", "--target", "emails", "--direct", "email"]);
    assert!(err.contains("multi-valued"), "{err}");
    let err = env.fails(&["mapping", "set", "15Five", "--target", "title", "--expression", "upper(jcUser.jobtitle"]);
    assert!(err.contains("1:"), "{err}");
    let err = env.fails(&["mapping", "remove", "15Five", "--target", "userName"]);
    assert!(err.contains("required"), "{err}");
    let out = env.cmd(&["mapping", "set", "15Five", "--target", "title"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "a source is required (usage error)");

    env.ok(&["mapping", "restore", "15Five"]);
    assert_eq!(env.json(&["mapping", "list", "15Five", "--json"])["isDefault"], true);
    let events = env.json(&["events", "--json"]);
    let names: Vec<&str> = events.as_array().unwrap().iter().map(|e| e["name"].as_str().unwrap()).collect();
    assert!(names.contains(&"mapping_update") && names.contains(&"mapping_restore"), "{names:?}");
}

#[test]
fn preview_prints_the_resource_and_the_failed_mappings() {
    let env = Env::new();
    env.ok(&["app", "add", "15five", "--label", "15Five"]);
    env.ok(&["user", "add", "--username", "ada", "--email", "ada@acme.test", "--first", "Ada", "--last", "Lovelace"]);
    env.ok(&["user", "suspend", "ada"]);

    let p = env.json(&["preview", "15Five", "--user", "ada", "--json"]);
    let keys: Vec<&String> = p.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["errors", "resource"]);
    assert_eq!(p["errors"], json!([]));
    let r = &p["resource"];
    assert_eq!(r["userName"], "ada");
    assert_eq!(r["displayName"], "Ada Lovelace");
    assert_eq!(r["name"], json!({"givenName": "Ada", "familyName": "Lovelace"}));
    assert_eq!(r["active"], false, "a suspended user is inactive");
    assert_eq!(r["schemas"], json!(["urn:ietf:params:scim:schemas:core:2.0:User"]));

    // An expression that fails at run time is saved with a warning; the preview lists it
    // and still shows every other attribute.
    let out = env.ok(&["mapping", "set", "15Five", "--target", "nickName", "--expression", "upper(jcUser.addresses)"]);
    assert!(out.contains("warning: nickName"), "{out}");
    let p = env.json(&["preview", "15Five", "--user", "ada", "--json"]);
    assert_eq!(p["errors"].as_array().unwrap().len(), 1);
    assert_eq!(p["errors"][0]["target"], "nickName");
    assert!(p["errors"][0]["message"].as_str().unwrap().starts_with("1:"), "{}", p["errors"][0]);
    assert_eq!(p["resource"]["userName"], "ada");
    assert!(p["resource"].get("nickName").is_none());

    assert!(env.ok(&["preview", "15Five", "--user", "ada"]).contains("error: nickName"));
    assert!(env.fails(&["preview", "15Five", "--user", "nobody", "--json"]).contains("No user 'nobody'"));
}
