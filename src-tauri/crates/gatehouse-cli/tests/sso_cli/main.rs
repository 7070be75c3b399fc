//! `gatehouse sso`, `cert` and `metadata` end to end: the real binary, a real SQLite file,
//! the real OS keychain, and our exports judged by tools no one here wrote (openssl,
//! xmlsec1, pysaml2, python3-saml, signxml through `tests/saml-peers/check.py`).
//!
//! Run inside `scripts/with-keychain` (private D-Bus session with an unlocked
//! gnome-keyring); without a Secret Service these tests fail on purpose, as do missing
//! peers: a skipped check would prove nothing. The Python interpreter is `$GATEHOUSE_PY`,
//! else `~/.cache/gatehouse/venv/bin/python` when it exists, else `python3`.

mod commands;
mod peers;
mod rollover;
mod secrets;

use std::path::{Path, PathBuf};
use std::process::{Command as Process, Output};

use assert_cmd::Command;
use gatehouse_secrets::KeychainStore;
use serde_json::Value;

/// A display name that would add a signed `admin` value if it were not escaped.
pub const HOSTILE: &str = "Tom & Jerry </saml2:AttributeValue><saml2:AttributeValue>admin <b>";
pub const IDP_ENTITY_ID: &str = "https://acme.15five.com";
pub const SP_ENTITY_ID: &str = "https://acme.15five.com/saml2/metadata/";
pub const ACS_URL: &str = "https://acme.15five.com/saml2/acs/";

pub struct Env {
    pub dir: tempfile::TempDir,
}

impl Env {
    pub fn with_keychain() -> Env {
        if let Err(e) = KeychainStore::new() {
            panic!(
                "no usable OS keychain: {e}\nRun as: scripts/with-keychain cargo test -p gatehouse-cli --test sso_cli"
            );
        }
        Env { dir: tempfile::tempdir().unwrap() }
    }

    pub fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::cargo_bin("gatehouse").unwrap();
        c.arg("--data-dir").arg(self.data()).args(args).env_remove("GATEHOUSE_CONNECTORS_DIR");
        c
    }

    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd(args).output().unwrap();
        assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }

    pub fn json(&self, args: &[&str]) -> Value {
        let out = self.ok(args);
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?} printed no JSON ({e}): {out}"))
    }

    /// Runs a command that must fail with exit 1; returns its one-line reason.
    pub fn fails(&self, args: &[&str]) -> String {
        let out = self.cmd(args).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?} should fail with exit 1");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.starts_with("gatehouse: "), "{err}");
        assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
        err
    }

    pub fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.path(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
    }

    /// 15Five configured for the peers: subdomain acme, attributes (one hostile), a
    /// constant, the group attribute; `ada` in two bound groups and one unbound; a
    /// certificate of `alg`. Returns the application id.
    pub fn fifteen_five(&self, alg: &str) -> String {
        self.ok(&["app", "add", "15five", "--label", "15Five"]);
        let id = self.json(&["app", "list", "--json"])[0]["id"].as_str().unwrap().to_string();
        let ada = ["--username", "ada", "--email", "ada@acme.test", "--first", "Ada", "--display", HOSTILE];
        self.ok(&[&["user", "add"][..], &ada].concat());
        self.ok(&["user", "add", "--username", "bob", "--email", "bob@acme.test", "--first", "Bob"]);
        for g in ["Engineering", "R&D <lab>", "Unbound"] {
            self.ok(&["group", "add", g]);
            self.ok(&["group", "members", "add", g, "ada"]);
        }
        self.ok(&["app", "bind", &id, "Engineering"]);
        self.ok(&["app", "bind", &id, "R&D <lab>"]);
        self.ok(&[
            "sso",
            "set",
            "15Five",
            "--placeholder",
            "acme",
            "--attribute",
            "email=email",
            "--attribute",
            "firstName=firstname",
            "--attribute",
            "displayName=displayname",
            "--constant",
            "tier=gold",
            "--group-attribute",
            "memberOf",
        ]);
        self.ok(&["cert", "generate", "15Five", "--alg", alg, "--days", "30"]);
        id
    }
}

/// The attributes `fifteen_five` makes ada's Response carry, as the peers must read them.
pub fn expected_attributes() -> Value {
    serde_json::json!({
        "email": ["ada@acme.test"],
        "firstName": ["Ada"],
        "displayName": [HOSTILE],
        "tier": ["gold"],
        "memberOf": ["Engineering", "R&D <lab>"],
    })
}

pub fn run(program: &str, args: &[&str]) -> Output {
    Process::new(program).args(args).output().unwrap_or_else(|e| panic!("cannot run {program} (is it installed?): {e}"))
}

pub fn text(out: &Output) -> String {
    format!(
        "status {:?}\nstdout:\n{}\nstderr:\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// `openssl x509 -noout -text` of a PEM file: must parse; returns the text.
pub fn openssl_text(pem: &Path) -> String {
    let out = run("openssl", &["x509", "-noout", "-text", "-in", pem.to_str().unwrap()]);
    assert!(out.status.success(), "openssl cannot read {}:\n{}", pem.display(), text(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The value of the `ID` attribute of the first `<tag ` element.
pub fn id_of(xml: &str, tag: &str) -> String {
    let start = xml.find(&format!("<{tag} ")).unwrap_or_else(|| panic!("no <{tag}>"));
    let rest = &xml[start..];
    let end = rest.find('>').unwrap();
    let attrs = &rest[..end];
    let at = attrs.find(" ID=\"").unwrap_or_else(|| panic!("<{tag}> has no ID")) + 5;
    attrs[at..].split('"').next().unwrap().to_string()
}

/// `xmlsec1 --verify` of the signature inside the element with `node_id`, with `cert`.
pub fn xmlsec1_verifies(xml_file: &Path, cert: &Path, node_id: &str) -> bool {
    let out = run(
        "xmlsec1",
        &[
            "--verify",
            "--pubkey-cert-pem",
            cert.to_str().unwrap(),
            "--id-attr:ID",
            "urn:oasis:names:tc:SAML:2.0:protocol:Response",
            "--id-attr:ID",
            "urn:oasis:names:tc:SAML:2.0:assertion:Assertion",
            "--node-id",
            node_id,
            xml_file.to_str().unwrap(),
        ],
    );
    out.status.success()
}

pub fn repo_root() -> PathBuf {
    Path::new(&std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR when it runs tests"))
        .ancestors()
        .nth(3)
        .expect("crate sits at src-tauri/crates/<name>")
        .into()
}

fn interpreter() -> PathBuf {
    if let Some(py) = std::env::var_os("GATEHOUSE_PY") {
        return py.into();
    }
    if let Some(home) = std::env::var_os("HOME") {
        let venv = PathBuf::from(home).join(".cache/gatehouse/venv/bin/python");
        if venv.exists() {
            return venv;
        }
    }
    "python3".into()
}

/// Runs `tests/saml-peers/check.py` on `dir` (idp-metadata.xml, cases.json, Responses) and
/// checks every case's verdict from every peer; signxml judges signatures only.
pub fn peers_agree(dir: &Path) {
    let py = interpreter();
    let out = Process::new(&py)
        .arg(repo_root().join("tests/saml-peers/check.py"))
        .arg(dir)
        .output()
        .unwrap_or_else(|e| panic!("cannot start {}: {e} (set GATEHOUSE_PY or create the venv)", py.display()));
    println!("{}", String::from_utf8_lossy(&out.stdout));
    match out.status.code() {
        Some(0) => {}
        Some(2) => panic!("the SAML peer check cannot run with {}:\n{}", py.display(), text(&out)),
        _ => panic!("an independent SP disagreed with us:\n{}", text(&out)),
    }
    let spec: Value = serde_json::from_slice(&std::fs::read(dir.join("cases.json")).unwrap()).unwrap();
    let report: Value = serde_json::from_slice(&std::fs::read(dir.join("report.json")).unwrap()).unwrap();
    for case in spec["cases"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        for peer in ["pysaml2", "python3-saml", "signxml"] {
            let signature_only = peer == "signxml" && case["signaturesCover"] == false;
            let want = if case["expect"] == "reject" && !signature_only { "rejected" } else { "accepted" };
            assert_eq!(report[name][peer]["verdict"], want, "{name} {peer}: {}", report[name][peer]);
        }
    }
    assert_eq!(report.as_object().unwrap().len(), spec["cases"].as_array().unwrap().len());
}

/// A change an attacker might make to a signed Response, and whether the signature of
/// `signed` ("Response" or "Assertion") covers it.
#[derive(Clone, Copy, Debug)]
pub enum Tamper {
    NameId,
    AttributeValue,
    Destination,
}

pub const TAMPERS: [Tamper; 3] = [Tamper::NameId, Tamper::AttributeValue, Tamper::Destination];

impl Tamper {
    pub fn apply(self, xml: &str) -> String {
        let (from, to) = match self {
            Tamper::NameId => (">ada@acme.test</saml2:NameID>", ">bob@acme.test</saml2:NameID>"),
            Tamper::AttributeValue => (
                "<saml2:AttributeValue>gold</saml2:AttributeValue>",
                "<saml2:AttributeValue>platinum</saml2:AttributeValue>",
            ),
            Tamper::Destination => {
                ("Destination=\"https://acme.15five.com/saml2/acs/\"", "Destination=\"https://evil.test/acs/\"")
            }
        };
        assert_eq!(xml.matches(from).count(), 1, "{self:?}: {from} must occur once in\n{xml}");
        xml.replace(from, to)
    }

    pub fn covered_by(self, signed: &str) -> bool {
        signed == "Response" || !matches!(self, Tamper::Destination)
    }
}

/// Writes one peer case (Response file + its entry) into `cases`.
pub fn add_case(dir: &Path, cases: &mut Vec<Value>, name: &str, xml: &str, signing: &str, expect: &str, covered: bool) {
    std::fs::write(dir.join(format!("{name}.xml")), xml).unwrap();
    cases.push(serde_json::json!({
        "name": name, "file": format!("{name}.xml"), "signing": signing, "expect": expect,
        "signaturesCover": covered, "nameId": "ada@acme.test", "attributes": expected_attributes(),
    }));
}

pub fn write_cases(dir: &Path, cases: Vec<Value>, signing_certificates: usize) {
    let spec = serde_json::json!({
        "idpEntityId": IDP_ENTITY_ID, "spEntityId": SP_ENTITY_ID, "acsUrl": ACS_URL,
        "signingCertificates": signing_certificates, "cases": cases,
    });
    std::fs::write(dir.join("cases.json"), serde_json::to_vec_pretty(&spec).unwrap()).unwrap();
}
