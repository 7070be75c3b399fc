//! No private key byte leaves the keychain: after generating keys, signing and exporting,
//! each key (read back from the real keychain, test-only) is searched for in the database
//! file (and WAL), the log file, certificate.pem, the metadata, the Response and the
//! commands' JSON output; deleting the application deletes its keys.

use base64::Engine as _;
use gatehouse_secrets::{KeychainStore, SecretRef, SecretStore};

use crate::*;

fn key_refs(env: &Env) -> Vec<String> {
    let db = rusqlite::Connection::open(env.data().join("gatehouse.sqlite3")).unwrap();
    let mut stmt = db.prepare("SELECT key_ref FROM certificates ORDER BY created_at").unwrap();
    let refs = stmt.query_map([], |r| r.get(0)).unwrap().collect::<Result<Vec<String>, _>>().unwrap();
    refs
}

/// Every file under `dir`.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// Byte strings that would betray `der` (a PKCS#8 private key): the DER itself, its
/// base64 (whole and as PEM lines), its hex, and for an EC key the private scalar alone.
fn needles(der: &[u8]) -> Vec<(String, Vec<u8>)> {
    let b64 = base64::engine::general_purpose::STANDARD.encode(der);
    let hex: String = der.iter().map(|b| format!("{b:02x}")).collect();
    let mut out = vec![
        ("DER".to_string(), der.to_vec()),
        ("base64".to_string(), b64.clone().into_bytes()),
        ("first PEM line".to_string(), b64.as_bytes()[..64].to_vec()),
        ("hex".to_string(), hex.clone().into_bytes()),
        ("HEX".to_string(), hex.to_uppercase().into_bytes()),
    ];
    // ECPrivateKey: version 1 (02 01 01), then the 32-byte private key (04 20 …).
    if let Some(at) = der.windows(5).position(|w| w == [0x02, 0x01, 0x01, 0x04, 0x20]) {
        let scalar = &der[at + 5..at + 37];
        out.push(("EC private scalar".to_string(), scalar.to_vec()));
        for skip in 0..3 {
            let enc = base64::engine::general_purpose::STANDARD.encode(&scalar[skip..]);
            out.push((format!("EC scalar base64 (offset {skip})"), enc.as_bytes()[4..36].to_vec()));
        }
    }
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn no_private_key_byte_is_in_the_database_logs_or_exports() {
    let env = Env::with_keychain();
    let app = env.fifteen_five("rsa2048");
    env.ok(&["cert", "generate", "15Five", "--alg", "p256", "--next"]);
    let exports = env.path("exports");
    std::fs::create_dir_all(&exports).unwrap();
    let arg = |name: &str| exports.join(name).to_str().unwrap().to_string();
    env.ok(&["cert", "export", "15Five", "--out", &arg("certificate.pem")]);
    env.ok(&["metadata", "export", "15Five", "--out", &arg("metadata.xml")]);
    env.ok(&["sso", "response", "15Five", "--user", "ada", "--out", &arg("response.xml")]);
    let outputs = [
        env.ok(&["sso", "show", "15Five", "--json"]),
        env.ok(&["cert", "list", "15Five", "--json"]),
        env.ok(&["events", "--json", "--limit", "500"]),
        env.ok(&["sso", "response", "15Five", "--user", "ada"]),
    ];

    let keychain = KeychainStore::new().unwrap();
    let refs = key_refs(&env);
    assert_eq!(refs.len(), 2, "active and next");
    let mut keys = Vec::new();
    for r in &refs {
        let key = keychain.get(&SecretRef::new(r.as_str()).unwrap()).unwrap().expect("the key is in the keychain");
        assert!(key.expose().len() > 100, "a PKCS#8 key");
        keys.push(key);
    }

    let mut searched = files(&env.data());
    searched.extend(files(&exports));
    let names: Vec<String> = searched.iter().map(|p| p.file_name().unwrap().to_string_lossy().into_owned()).collect();
    for must in ["gatehouse.sqlite3", "gatehouse.log", "certificate.pem", "metadata.xml", "response.xml"] {
        assert!(names.iter().any(|n| n == must), "{must} was searched (files: {names:?})");
    }
    let mut haystacks: Vec<(String, Vec<u8>)> =
        searched.iter().map(|p| (p.display().to_string(), std::fs::read(p).unwrap())).collect();
    haystacks.extend(outputs.iter().enumerate().map(|(i, o)| (format!("command output {i}"), o.clone().into_bytes())));
    for (name, bytes) in &haystacks {
        assert!(!contains(bytes, b"PRIVATE KEY"), "{name} contains PRIVATE KEY");
        for key in &keys {
            for (what, needle) in needles(key.expose()) {
                assert!(!contains(bytes, &needle), "{name} contains the private key's {what}");
            }
        }
    }

    env.ok(&["app", "delete", &app, "--yes"]);
    for r in &refs {
        assert!(keychain.get(&SecretRef::new(r.as_str()).unwrap()).unwrap().is_none(), "{r} deleted with the app");
    }
}
