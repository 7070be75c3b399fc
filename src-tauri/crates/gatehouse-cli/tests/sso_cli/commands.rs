//! The commands as a script uses them: JSON on reads, one-line reasons on refusals,
//! placeholders by value or TOKEN=VALUE, SP metadata import, and the events recorded.

use crate::*;

const SP_METADATA: &str = r#"<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://acme.15five.com/sp">
  <md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>
    <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://acme.15five.com/saml2/acs/sp" index="0"/>
  </md:SPSSODescriptor>
</md:EntityDescriptor>"#;

#[test]
fn sso_set_show_import_and_refusals() {
    let env = Env::with_keychain();
    env.ok(&["app", "add", "15five", "--label", "15Five"]);
    let show = env.json(&["sso", "show", "15Five", "--json"]);
    assert_eq!(show["isDefault"], true);
    assert_eq!(show["unfilled"], serde_json::json!(["YOURDOMAIN"]));
    assert_eq!(show["idpUrl"], "https://sso.example.com/saml2/15five");

    assert!(env.fails(&["sso", "set", "15Five", "--sign", "assertion"]).contains("Fill in 15Five subdomain"));
    assert!(env.fails(&["sso", "set", "15Five", "--placeholder", "acme", "--acs-url", "ftp://x"]).contains("ACS URL"));
    assert!(env
        .fails(&["sso", "set", "15Five", "--placeholder", "acme", "--attribute", "mail"])
        .contains("NAME=VALUE"));
    assert!(env.fails(&["sso", "set", "15Five", "--placeholder", "acme", "--nameid-field", "emial"]).contains("email"));
    assert!(env.fails(&["sso", "set", "15Five", "--placeholder", "acme", "--nameid-format", "x"]).contains("unknown"));
    assert_eq!(env.json(&["sso", "show", "15Five", "--json"])["isDefault"], true, "refusals saved nothing");

    env.ok(&[
        "sso",
        "set",
        "15Five",
        "--placeholder",
        "acme",
        "--acs-url",
        "https://acme.15five.com/a",
        "--acs-url",
        "https://acme.15five.com/b",
        "--nameid-format",
        "persistent",
        "--nameid-field",
        "username",
    ]);
    let show = env.json(&["sso", "show", "15Five", "--json"]);
    let r = &show["resolved"];
    assert_eq!(r["idpEntityId"], "https://acme.15five.com");
    assert_eq!(
        r["acsUrls"],
        serde_json::json!([
            {"url": "https://acme.15five.com/a", "isDefault": true},
            {"url": "https://acme.15five.com/b", "isDefault": false}
        ])
    );
    assert_eq!(r["nameIdFormat"], "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent");
    assert!(env.ok(&["sso", "show", "15Five"]).contains("https://acme.15five.com/a (default)"));

    let dtd = env.path("dtd.xml");
    std::fs::write(&dtd, format!("<!DOCTYPE x>{SP_METADATA}")).unwrap();
    assert!(env.fails(&["sso", "import-sp-metadata", "15Five", dtd.to_str().unwrap()]).contains("DOCTYPE"));
    let missing = env.path("missing.xml");
    assert!(env
        .fails(&["sso", "import-sp-metadata", "15Five", missing.to_str().unwrap()])
        .contains("cannot be opened"));
    let good = env.path("sp.xml");
    std::fs::write(&good, SP_METADATA).unwrap();
    let out = env.ok(&["sso", "import-sp-metadata", "15Five", good.to_str().unwrap()]);
    assert!(
        out.contains("SP entity ID: https://acme.15five.com/saml2/metadata/ -> https://acme.15five.com/sp"),
        "{out}"
    );
    let r = env.json(&["sso", "show", "15Five", "--json"])["resolved"].clone();
    assert_eq!(r["spEntityId"], "https://acme.15five.com/sp");
    assert_eq!(r["acsUrls"][0]["url"], "https://acme.15five.com/saml2/acs/sp");
    assert!(env.ok(&["sso", "import-sp-metadata", "15Five", good.to_str().unwrap()]).contains("nothing to change"));

    // Certificates and Responses refuse with the fix.
    assert!(env
        .fails(&["cert", "export", "15Five", "--out", env.path("c.pem").to_str().unwrap()])
        .contains("no signing certificate"));
    assert!(env.fails(&["cert", "generate", "15Five", "--next"]).contains("no active certificate"));
    assert!(env.fails(&["cert", "generate", "15Five", "--days", "0"]).contains("1 to 3650"));
    assert!(env.fails(&["cert", "activate-next", "15Five"]).contains("no next certificate"));
    env.ok(&["cert", "generate", "15Five", "--alg", "p256"]);
    env.ok(&["user", "add", "--username", "bob", "--email", "bob@acme.test"]);
    assert!(env.fails(&["sso", "response", "15Five", "--user", "bob"]).contains("no access to 15Five"));
    assert!(env.fails(&["sso", "response", "15Five", "--user", "nobody"]).contains("No user 'nobody'"));
    let out = env.cmd(&["cert", "generate", "15Five", "--alg", "dsa"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "an unknown algorithm is a usage error");

    let events = env.json(&["events", "--json"]);
    let names: Vec<&str> = events.as_array().unwrap().iter().map(|e| e["name"].as_str().unwrap()).collect();
    for name in ["sso_update", "sso_sp_metadata_import", "certificate_generate"] {
        assert!(names.contains(&name), "{name} recorded: {names:?}");
    }
}

#[test]
fn several_connectors_take_their_own_placeholder() {
    let env = Env::with_keychain();
    env.ok(&["app", "add", "hoxhunt", "--label", "Hoxhunt"]);
    env.ok(&["app", "add", "alexishr", "--label", "AlexisHR"]);
    env.ok(&["app", "add", "custom-saml", "--label", "Wiki"]);
    env.ok(&["sso", "set", "Hoxhunt", "--placeholder", "YOUR_ORG_ID=org42"]);
    env.ok(&["sso", "set", "AlexisHR", "--placeholder", "acme-hr"]);
    let hox = env.json(&["sso", "show", "Hoxhunt", "--json"]);
    assert_eq!(hox["resolved"]["acsUrls"][0]["url"], "https://app.hoxhunt.com/saml/consume/org42");
    let alexis = env.json(&["sso", "show", "AlexisHR", "--json"]);
    assert_eq!(alexis["resolved"]["spEntityId"], "urn:auth0:alexishr:acme-hr");
    assert!(env.fails(&["sso", "set", "Wiki", "--placeholder", "x"]).contains("no placeholder"));
    let err = env.fails(&["sso", "set", "Wiki", "--sp-entity-id", "https://wiki.test/sp"]);
    assert!(err.contains("IdP entity ID"), "a custom app needs every field: {err}");
    env.ok(&[
        "sso",
        "set",
        "Wiki",
        "--idp-entity-id",
        "https://sso.example.com/wiki",
        "--sp-entity-id",
        "https://wiki.test/sp",
        "--acs-url",
        "https://wiki.test/acs",
        "--group-attribute",
        "groups",
    ]);
    assert_eq!(env.json(&["sso", "show", "Wiki", "--json"])["resolved"]["groupAttribute"], "groups");
    env.ok(&["sso", "set", "Wiki", "--group-attribute", ""]);
    assert_eq!(env.json(&["sso", "show", "Wiki", "--json"])["resolved"]["groupAttribute"], serde_json::Value::Null);
}
