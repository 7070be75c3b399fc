//! Independent SAML service providers (pysaml2 and python3-saml, through
//! `tests/saml-peers/check.py`) accept our Responses for both key types and every signing
//! choice, read exactly the NameID and attribute values we meant, and reject tampered
//! copies; signxml, which shares no code with libxmlsec1, checks the signatures alone.
//! The interpreter is `$GATEHOUSE_PY`, else `~/.cache/gatehouse/venv/bin/python` when that
//! venv exists, else `python3`. Missing Python packages fail this test: a skipped peer
//! check would prove nothing.

mod common;

use common::*;
use gatehouse_saml::{build_response, idp_metadata, KeyAlgorithm, NameIdFormat, SamlSigning};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::process::Command;

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

fn signing_name(s: SamlSigning) -> &'static str {
    match s {
        SamlSigning::Assertion => "assertion",
        SamlSigning::Response => "response",
        SamlSigning::Both => "both",
    }
}

fn expected_attributes() -> Value {
    attributes().into_iter().map(|(k, v)| (k, json!(v))).collect::<serde_json::Map<_, _>>().into()
}

fn check_with_peers(alg: KeyAlgorithm) {
    let dir = tempfile::tempdir().unwrap();
    let s = signer(alg);
    write(dir.path(), "cert.pem", &s.info.pem);
    let metadata = idp_metadata(
        IDP_ENTITY_ID,
        "https://gatehouse.example/saml2/sso",
        &[&s.info.pem],
        &[NameIdFormat::EmailAddress],
    )
    .unwrap();
    write(dir.path(), "idp-metadata.xml", metadata);

    let mut cases = Vec::new();
    for signing in SIGNINGS {
        let xml = build_response(&spec(signing), &s.key, &s.info.pem).unwrap();
        let signed = match signing {
            SamlSigning::Assertion => &["Assertion"][..],
            SamlSigning::Response => &["Response"][..],
            SamlSigning::Both => &["Response", "Assertion"][..],
        };
        let mut add = |name: String, xml: &str, expect: &str, covered: bool| {
            let file = format!("{name}.xml");
            write(dir.path(), &file, xml);
            cases.push(json!({
                "name": name, "file": file, "signing": signing_name(signing), "expect": expect,
                "signaturesCover": covered, "nameId": NAME_ID, "attributes": expected_attributes(),
            }));
        };
        add(format!("{}-good", signing_name(signing)), &xml, "accept", true);
        for tamper in TAMPERS {
            let covered = signed.iter().any(|element| tamper.covered_by(element));
            add(format!("{}-tampered-{tamper:?}", signing_name(signing)), &tamper.apply(&xml), "reject", covered);
        }
    }
    let spec = json!({ "idpEntityId": IDP_ENTITY_ID, "spEntityId": SP_ENTITY_ID, "acsUrl": ACS_URL, "cases": cases });
    write(dir.path(), "cases.json", serde_json::to_vec_pretty(&spec).unwrap());

    let py = interpreter();
    let script = repo_root().join("tests/saml-peers/check.py");
    let out = Command::new(&py)
        .arg(&script)
        .arg(dir.path())
        .output()
        .unwrap_or_else(|e| panic!("cannot start the Python interpreter {}: {e}. Set GATEHOUSE_PY or create ~/.cache/gatehouse/venv (see tests/saml-peers/requirements.txt)", py.display()));
    // The per-case table; visible with --nocapture, and in the log when the test fails.
    println!("{alg:?}:\n{}", String::from_utf8_lossy(&out.stdout));
    match out.status.code() {
        Some(0) => {}
        Some(2) => panic!(
            "the SAML peer check cannot run with {}:\n{}\nCreate the venv: python3 -m venv ~/.cache/gatehouse/venv && ~/.cache/gatehouse/venv/bin/pip install -r tests/saml-peers/requirements.txt",
            py.display(),
            text(&out)
        ),
        _ => panic!("{alg:?}: an independent SP disagreed with us:\n{}", text(&out)),
    }

    // Do not only trust the exit code: every case, every peer, the expected verdict.
    let report: Value = serde_json::from_slice(&std::fs::read(dir.path().join("report.json")).unwrap()).unwrap();
    for case in spec["cases"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let reject = case["expect"] == "reject";
        for peer in ["pysaml2", "python3-saml", "signxml"] {
            // signxml checks signatures only: a change no signature covers passes it.
            let signature_only = peer == "signxml" && case["signaturesCover"] == false;
            let want = if reject && !signature_only { "rejected" } else { "accepted" };
            assert_eq!(report[name][peer]["verdict"], want, "{alg:?} {name} {peer}: {}", report[name][peer]);
        }
    }
    assert_eq!(report.as_object().unwrap().len(), 12, "3 signing choices x (1 good + 3 tampered)");
}

#[test]
fn independent_sps_accept_rsa_signed_responses_and_reject_tampered_ones() {
    check_with_peers(KeyAlgorithm::Rsa2048);
}

#[test]
fn independent_sps_accept_p256_signed_responses_and_reject_tampered_ones() {
    check_with_peers(KeyAlgorithm::P256);
}
