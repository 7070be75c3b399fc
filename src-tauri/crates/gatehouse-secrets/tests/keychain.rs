//! The real OS keychain: a random secret goes in, comes back byte for byte, and is gone
//! after delete. Run inside `scripts/with-keychain` (private D-Bus session, unlocked
//! gnome-keyring). Without a reachable Secret Service this test fails, on purpose: a
//! skipped keychain test would hide that Gatehouse cannot store private keys.

use gatehouse_secrets::{KeychainStore, SecretRef, SecretStore, Sensitive, KEYCHAIN_SERVICE};

fn store() -> KeychainStore {
    KeychainStore::new().unwrap_or_else(|e| {
        panic!(
            "no usable OS keychain: {e}\n\
             Run this test as: scripts/with-keychain env CARGO_TARGET_DIR=... cargo test -p gatehouse-secrets"
        )
    })
}

fn random_bytes(n: usize) -> Vec<u8> {
    std::iter::repeat_with(|| uuid::Uuid::new_v4().into_bytes()).flatten().take(n).collect()
}

#[test]
fn put_get_delete_round_trip_in_the_real_keychain() {
    let store = store();
    assert_eq!(store.service(), KEYCHAIN_SERVICE);
    let key =
        SecretRef::saml_key(&format!("test-app-{}", uuid::Uuid::new_v4()), &uuid::Uuid::new_v4().to_string()).unwrap();
    // Binary, with zero bytes and invalid UTF-8: a PKCS#8 key is not text.
    let mut secret = random_bytes(1200);
    secret.extend_from_slice(&[0, 0xff, 0xfe, 0]);
    let secret = Sensitive::new(secret);

    assert!(store.get(&key).unwrap().is_none(), "a fresh reference must not have a value yet");
    store.put(&key, &secret).unwrap();
    let back = store.get(&key).unwrap().expect("the secret just stored");
    assert_eq!(back.expose(), secret.expose(), "the keychain must return the exact bytes");

    let replacement = Sensitive::new(random_bytes(64));
    store.put(&key, &replacement).unwrap();
    assert_eq!(
        store.get(&key).unwrap().unwrap().expose(),
        replacement.expose(),
        "put must replace, not add a second entry"
    );

    store.delete(&key).unwrap();
    assert!(store.get(&key).unwrap().is_none(), "deleted secrets must be gone");
    store.delete(&key).expect("deleting twice is allowed so clean-ups can be repeated");
}

#[test]
fn each_reference_holds_its_own_secret() {
    let store = store();
    let app = format!("test-app-{}", uuid::Uuid::new_v4());
    let a = SecretRef::saml_key(&app, "active").unwrap();
    let b = SecretRef::saml_key(&app, "next").unwrap();
    store.put(&a, &Sensitive::new(b"key-a".to_vec())).unwrap();
    store.put(&b, &Sensitive::new(b"key-b".to_vec())).unwrap();
    assert_eq!(store.get(&a).unwrap().unwrap().expose(), b"key-a");
    store.delete(&b).unwrap();
    assert_eq!(
        store.get(&a).unwrap().unwrap().expose(),
        b"key-a",
        "deleting one certificate's key must not touch another's"
    );
    store.delete(&a).unwrap();
}
