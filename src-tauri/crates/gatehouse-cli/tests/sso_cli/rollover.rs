//! Zero-downtime rollover: a next certificate is published beside the active one; an SP
//! that loaded that metadata accepts Responses signed before and after the switch.

use crate::*;

#[test]
fn rollover_publishes_both_keys_then_signs_with_the_new_one() {
    let env = Env::with_keychain();
    env.fifteen_five("rsa2048");
    let before = env.path("before");
    let after = env.path("after");
    for d in [&before, &after] {
        std::fs::create_dir_all(d).unwrap();
    }
    let old_pem = env.path("old.pem");
    env.ok(&["cert", "export", "15Five", "--out", old_pem.to_str().unwrap()]);
    let r_old = env.path("old-response.xml");
    env.ok(&["sso", "response", "15Five", "--user", "ada", "--out", r_old.to_str().unwrap()]);
    let r_old = std::fs::read_to_string(&r_old).unwrap();

    env.ok(&["cert", "generate", "15Five", "--alg", "p256", "--next"]);
    assert!(env.fails(&["cert", "generate", "15Five", "--next"]).contains("already has a next certificate"));
    let both = before.join("idp-metadata.xml");
    env.ok(&["metadata", "export", "15Five", "--out", both.to_str().unwrap()]);
    let md = std::fs::read_to_string(&both).unwrap();
    assert_eq!(md.matches("<md:KeyDescriptor use=\"signing\">").count(), 2, "active and next are published");
    let exported_before = env.path("still-old.pem");
    env.ok(&["cert", "export", "15Five", "--out", exported_before.to_str().unwrap()]);
    assert_eq!(std::fs::read(&exported_before).unwrap(), std::fs::read(&old_pem).unwrap(), "still the active one");

    env.ok(&["cert", "activate-next", "15Five"]);
    let list = env.json(&["cert", "list", "15Five", "--json"]);
    let statuses: Vec<&str> = list.as_array().unwrap().iter().map(|c| c["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["active", "retired"]);
    assert_eq!(list[0]["algorithm"], "p256");
    assert!(env.fails(&["cert", "activate-next", "15Five"]).contains("no next certificate"));

    let new_pem = env.path("new.pem");
    env.ok(&["cert", "export", "15Five", "--out", new_pem.to_str().unwrap()]);
    assert_ne!(std::fs::read(&new_pem).unwrap(), std::fs::read(&old_pem).unwrap());
    assert!(openssl_text(&new_pem).contains("id-ecPublicKey"));
    let r_new_file = env.path("new-response.xml");
    env.ok(&["sso", "response", "15Five", "--user", "ada", "--out", r_new_file.to_str().unwrap()]);
    let r_new = std::fs::read_to_string(&r_new_file).unwrap();
    let id = id_of(&r_new, "saml2p:Response");
    assert!(xmlsec1_verifies(&r_new_file, &new_pem, &id), "signed with the new key");
    assert!(!xmlsec1_verifies(&r_new_file, &old_pem, &id), "no longer with the retired one");

    // An SP that loaded the two-key metadata needs no change at the switch.
    let mut cases = Vec::new();
    add_case(&before, &mut cases, "old-key", &r_old, "both", "accept", true);
    add_case(&before, &mut cases, "new-key", &r_new, "both", "accept", true);
    add_case(&before, &mut cases, "new-key-tampered", &Tamper::NameId.apply(&r_new), "both", "reject", true);
    write_cases(&before, cases, 2);
    peers_agree(&before);

    // The metadata exported after the switch publishes the new certificate only.
    let one = after.join("idp-metadata.xml");
    env.ok(&["metadata", "export", "15Five", "--out", one.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(&one).unwrap().matches("<md:KeyDescriptor").count(), 1);
    let mut cases = Vec::new();
    add_case(&after, &mut cases, "new-key", &r_new, "both", "accept", true);
    add_case(&after, &mut cases, "retired-key", &r_old, "both", "reject", true);
    write_cases(&after, cases, 1);
    peers_agree(&after);
}
