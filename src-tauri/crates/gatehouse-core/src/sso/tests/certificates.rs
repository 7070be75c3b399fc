//! Certificates: generation, the rollover states, key handling when a store fails.

use super::*;
use crate::sso::{CertificateStatus, ExpiryLevel, KeyAlgorithm};

fn key_ref(env: &Env, cert_id: &str) -> SecretRef {
    let conn = env.core.store().conn();
    let r: String = conn.query_row("SELECT key_ref FROM certificates WHERE id = ?1", [cert_id], |r| r.get(0)).unwrap();
    SecretRef::new(r).unwrap()
}

#[test]
fn the_first_certificate_is_active_and_its_key_is_only_in_the_secret_store() {
    let env = env();
    let id = fifteen_five(&env);
    let c = env.core.generate_certificate(&id, KeyAlgorithm::P256, 365, false).unwrap();
    assert_eq!(c.status, CertificateStatus::Active);
    assert_eq!(c.info.algorithm, KeyAlgorithm::P256);
    assert_eq!(c.info.subject, "CN=Gatehouse 15Five");
    assert!(c.activated_at.is_some() && c.retired_at.is_none() && c.expiry.is_none());
    let r = key_ref(&env, &c.id);
    assert_eq!(r.as_str(), format!("saml-key:{id}:{}", c.id));
    let key = env.keys.get(&r).unwrap().expect("the key is in the store");
    assert_eq!(env.keys.len(), 1);

    let pem = env.core.certificate_pem(&id).unwrap();
    assert_eq!(pem, c.info.pem);
    assert!(pem.starts_with("-----BEGIN CERTIFICATE-----") && !pem.contains("PRIVATE"));
    let db = std::fs::read(env.core.store().path()).unwrap();
    let der = key.expose();
    assert!(!db.windows(der.len()).any(|w| w == der.as_slice()), "no key byte run in the database");
    assert_eq!(env.events("certificate_generate"), 1);
    assert_eq!(env.core.sso_config(&id).unwrap().certificates, vec![c]);
}

#[test]
fn rollover_publishes_the_next_certificate_then_retires_the_active_one() {
    let env = env();
    let id = fifteen_five(&env);
    let before = env.snapshot();
    let err = env.core.generate_certificate(&id, KeyAlgorithm::P256, 365, true).unwrap_err();
    assert!(err.to_string().contains("no active certificate"), "{err}");
    assert!(env.core.activate_next_certificate(&id).is_err());
    assert_eq!(env.snapshot(), before);
    assert!(env.keys.is_empty(), "a refused generation stores no key");

    let first = env.core.generate_certificate(&id, KeyAlgorithm::Rsa2048, 365, false).unwrap();
    let before = env.snapshot();
    let err = env.core.generate_certificate(&id, KeyAlgorithm::P256, 365, false).unwrap_err();
    assert!(err.to_string().contains("already has an active certificate"), "{err}");
    assert_eq!(field_of(err), "certificates");
    assert_eq!(env.snapshot(), before);

    let next = env.core.generate_certificate(&id, KeyAlgorithm::P256, 730, true).unwrap();
    assert_eq!(next.status, CertificateStatus::Next);
    assert!(next.activated_at.is_none());
    let err = env.core.generate_certificate(&id, KeyAlgorithm::P256, 365, true).unwrap_err();
    assert!(err.to_string().contains("already has a next certificate"), "{err}");
    assert_eq!(env.keys.len(), 2);

    let metadata = env.core.idp_metadata_xml(&id).unwrap();
    assert_eq!(metadata.matches("<md:KeyDescriptor use=\"signing\">").count(), 2);
    let b64 = |pem: &str| pem.lines().filter(|l| !l.starts_with("-----")).collect::<String>();
    let (a, n) = (metadata.find(&b64(&first.info.pem)).unwrap(), metadata.find(&b64(&next.info.pem)).unwrap());
    assert!(a < n, "the active certificate is listed first");
    assert_eq!(env.core.certificate_pem(&id).unwrap(), first.info.pem, "certificate.pem stays the active one");

    let old_key = key_ref(&env, &first.id);
    let activated = env.core.activate_next_certificate(&id).unwrap();
    assert_eq!((activated.id.as_str(), activated.status), (next.id.as_str(), CertificateStatus::Active));
    assert!(activated.activated_at.is_some());
    let list = env.core.certificates(&id).unwrap();
    let statuses: Vec<_> = list.iter().map(|c| (c.id.as_str(), c.status)).collect();
    assert_eq!(
        statuses,
        [(next.id.as_str(), CertificateStatus::Active), (first.id.as_str(), CertificateStatus::Retired)]
    );
    assert!(list[1].retired_at.is_some(), "the retired certificate is kept, with when");
    assert!(env.keys.get(&old_key).unwrap().is_none(), "the retired key is deleted");
    assert_eq!(env.keys.len(), 1);
    assert_eq!(env.core.certificate_pem(&id).unwrap(), next.info.pem);
    let metadata = env.core.idp_metadata_xml(&id).unwrap();
    assert_eq!(metadata.matches("<md:KeyDescriptor").count(), 1);
    assert!(metadata.contains(&b64(&next.info.pem)) && !metadata.contains(&b64(&first.info.pem)));
    assert_eq!(env.events("certificate_activate"), 1);

    let before = env.snapshot();
    assert!(env.core.activate_next_certificate(&id).unwrap_err().to_string().contains("no next certificate"));
    assert_eq!(env.snapshot(), before);

    // A next certificate can also be thrown away before it is activated.
    let spare = env.core.generate_certificate(&id, KeyAlgorithm::P256, 30, true).unwrap();
    let spare_key = key_ref(&env, &spare.id);
    env.core.discard_next_certificate(&id).unwrap();
    assert!(env.keys.get(&spare_key).unwrap().is_none());
    assert_eq!(env.core.certificates(&id).unwrap().len(), 2);
    assert_eq!(env.events("certificate_discard"), 1);
}

#[test]
fn a_keychain_failure_writes_nothing_and_a_database_failure_deletes_the_key() {
    let (_dir, core) = env_with(Arc::new(LockedStore));
    let id = app(&core, "hoxhunt", "Hoxhunt");
    let before = snapshot(&core);
    let err = core.generate_certificate(&id, KeyAlgorithm::P256, 365, false).unwrap_err();
    assert!(err.to_string().contains("keyring is locked") && err.to_string().contains("no certificate was created"));
    assert_eq!(snapshot(&core), before, "no row, no event");

    let env = env();
    let id = env.app("hoxhunt", "Hoxhunt");
    env.core
        .store()
        .conn()
        .execute_batch(
            "CREATE TEMP TRIGGER fail BEFORE INSERT ON certificates BEGIN SELECT RAISE(ABORT, 'disk full'); END;",
        )
        .unwrap();
    let before = env.snapshot();
    let err = env.core.generate_certificate(&id, KeyAlgorithm::P256, 365, false).unwrap_err();
    assert!(err.to_string().contains("disk full"), "{err}");
    assert!(env.keys.is_empty(), "the key stored before the failed insert is deleted again");
    assert_eq!(env.snapshot(), before);
}

#[test]
fn validity_is_checked_and_expiry_shows_on_the_application() {
    let env = env();
    let id = env.app("hoxhunt", "Hoxhunt");
    for days in [0, 3651] {
        assert_eq!(field_of(env.core.generate_certificate(&id, KeyAlgorithm::P256, days, false).unwrap_err()), "days");
    }
    assert!(env.keys.is_empty());
    assert_eq!(env.core.application(&id).unwrap().certificate_expiry, None, "no certificate, no warning");
    env.core.generate_certificate(&id, KeyAlgorithm::P256, 20, false).unwrap();
    assert_eq!(env.core.application(&id).unwrap().certificate_expiry, Some(ExpiryLevel::Days30));
    assert_eq!(env.core.sso_config(&id).unwrap().certificate_expiry, Some(ExpiryLevel::Days30));
    env.core.generate_certificate(&id, KeyAlgorithm::P256, 5, true).unwrap();
    env.core.activate_next_certificate(&id).unwrap();
    let listed = env.core.applications().unwrap();
    assert_eq!(listed.iter().find(|a| a.id == id).unwrap().certificate_expiry, Some(ExpiryLevel::Days7));
    let json = serde_json::to_value(env.core.application(&id).unwrap()).unwrap();
    assert_eq!(json["certificateExpiry"], "days7");

    let other = env.app("15five", "15Five");
    env.core.generate_certificate(&other, KeyAlgorithm::P256, 365, false).unwrap();
    assert_eq!(env.core.application(&other).unwrap().certificate_expiry, None, "a year left: no warning");
}

#[test]
fn deleting_an_application_deletes_its_keys() {
    let env = env();
    let id = env.app("hoxhunt", "Hoxhunt");
    let keep = env.app("15five", "15Five");
    env.core.generate_certificate(&id, KeyAlgorithm::P256, 365, false).unwrap();
    env.core.generate_certificate(&id, KeyAlgorithm::P256, 365, true).unwrap();
    env.core.generate_certificate(&keep, KeyAlgorithm::P256, 365, false).unwrap();
    assert_eq!(env.keys.len(), 3);
    env.core.delete_applications(std::slice::from_ref(&id), "1").unwrap();
    assert_eq!(env.keys.len(), 1, "only the other application's key is left");
    let conn = env.core.store().conn();
    let rows: u32 = conn.query_row("SELECT count(*) FROM certificates", [], |r| r.get(0)).unwrap();
    assert_eq!(rows, 1);
}
