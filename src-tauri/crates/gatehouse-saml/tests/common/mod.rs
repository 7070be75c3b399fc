//! Shared by the integration tests: one key pair per algorithm (generated once per test
//! binary), a Response specification full of hostile text, and small process helpers.
#![allow(dead_code)] // each test binary uses its own subset

use gatehouse_saml::{
    generate, validity_window, CertificateInfo, KeyAlgorithm, NameIdFormat, ResponseSpec, SamlSigning,
    AUTHN_CONTEXT_PASSWORD_PROTECTED_TRANSPORT,
};
use gatehouse_secrets::Sensitive;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;
use time::OffsetDateTime;

pub const IDP_ENTITY_ID: &str = "https://gatehouse.example/saml2/hr?tenant=a&b";
pub const SP_ENTITY_ID: &str = "https://hr.example.com/saml2/metadata/";
pub const ACS_URL: &str = "https://hr.example.com/saml2/acs/";
pub const NAME_ID: &str = "tom&jerry@example.com";
pub const DISPLAY_NAME: &str = "Tom & Jerry";
/// A value that would close its AttributeValue and add a signed `admin` one if it were
/// written without escaping.
pub const INJECTION: &str = "</saml2:AttributeValue><saml2:AttributeValue>admin";

pub struct Signer {
    pub info: CertificateInfo,
    pub key: Sensitive<Vec<u8>>,
}

pub fn signer(alg: KeyAlgorithm) -> &'static Signer {
    static RSA: OnceLock<Signer> = OnceLock::new();
    static EC: OnceLock<Signer> = OnceLock::new();
    let cell = match alg {
        KeyAlgorithm::P256 => &EC,
        KeyAlgorithm::Rsa2048 => &RSA,
        other => panic!("tests sign with RSA-2048 or P-256, not {other:?}"),
    };
    cell.get_or_init(|| {
        let (info, key) = generate(alg, 30, "Gatehouse Test IdP").expect("key generation");
        Signer { info, key }
    })
}

/// The attributes every test Response carries: hostile text and a multi-valued one.
pub fn attributes() -> Vec<(String, Vec<String>)> {
    vec![
        ("email".into(), vec![NAME_ID.into()]),
        ("displayName".into(), vec![DISPLAY_NAME.into()]),
        ("role".into(), vec![INJECTION.into()]),
        ("groups".into(), vec!["Admins".into(), "R&D <lab>".into(), "\"quoted\" 'group'".into()]),
    ]
}

/// How many AttributeValue elements `attributes()` must produce.
pub const ATTRIBUTE_VALUES: usize = 6;

pub fn spec(signing: SamlSigning) -> ResponseSpec {
    let now = OffsetDateTime::now_utc();
    let (not_before, not_on_or_after) = validity_window(now);
    ResponseSpec {
        issuer: IDP_ENTITY_ID.into(),
        destination: ACS_URL.into(),
        audience: SP_ENTITY_ID.into(),
        name_id: NAME_ID.into(),
        name_id_format: NameIdFormat::EmailAddress,
        attributes: attributes(),
        session_index: Some("_session-1".into()),
        issue_instant: now,
        authn_instant: now,
        not_before,
        not_on_or_after,
        authn_context: AUTHN_CONTEXT_PASSWORD_PROTECTED_TRANSPORT.into(),
        signing,
    }
}

pub const SIGNINGS: [SamlSigning; 3] = [SamlSigning::Assertion, SamlSigning::Response, SamlSigning::Both];
pub const KEYS: [KeyAlgorithm; 2] = [KeyAlgorithm::Rsa2048, KeyAlgorithm::P256];

/// A change an attacker might make to a signed Response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tamper {
    NameId,
    AttributeValue,
    Destination,
}

pub const TAMPERS: [Tamper; 3] = [Tamper::NameId, Tamper::AttributeValue, Tamper::Destination];

impl Tamper {
    /// The Response with one value changed, exactly once.
    pub fn apply(self, xml: &str) -> String {
        let (from, to) = match self {
            // NameID text, as libxml serialized it (escaped).
            Tamper::NameId => (">tom&amp;jerry@example.com</saml2:NameID>", ">mallory@example.com</saml2:NameID>"),
            Tamper::AttributeValue => (
                "<saml2:AttributeValue>Admins</saml2:AttributeValue>",
                "<saml2:AttributeValue>Owners</saml2:AttributeValue>",
            ),
            Tamper::Destination => (
                "Destination=\"https://hr.example.com/saml2/acs/\"",
                "Destination=\"https://evil.example.com/saml2/acs/\"",
            ),
        };
        assert_eq!(xml.matches(from).count(), 1, "{self:?}: {from} must occur once in\n{xml}");
        xml.replace(from, to)
    }

    /// Whether the element signed under `signing` covers this change: the Assertion's
    /// signature covers NameID and attributes, the Response's covers everything.
    pub fn covered_by(self, signed_element: &str) -> bool {
        signed_element == "Response" || self != Tamper::Destination
    }
}

pub fn write(dir: &Path, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
    path
}

/// Runs a program, failing the test with a clear message if it cannot be started.
pub fn run(program: &str, args: &[&str]) -> Output {
    Command::new(program).args(args).output().unwrap_or_else(|e| panic!("cannot run {program} (is it installed?): {e}"))
}

pub fn text(out: &Output) -> String {
    format!(
        "status {:?}\nstdout:\n{}\nstderr:\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// The repository root (for fixtures and the peer script).
pub fn repo_root() -> PathBuf {
    Path::new(&std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR when it runs tests"))
        .ancestors()
        .nth(3)
        .expect("crate sits at src-tauri/crates/<name>")
        .to_path_buf()
}
