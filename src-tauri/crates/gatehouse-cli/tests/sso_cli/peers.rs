//! Add 15Five, fill the subdomain, generate a certificate, export it and the metadata, and
//! have independent SPs configured from that metadata judge `sso response` for each key
//! type and signing choice, good and tampered.

use crate::*;

fn signed_elements(signing: &str) -> &'static [&'static str] {
    match signing {
        "assertion" => &["Assertion"],
        "response" => &["Response"],
        _ => &["Response", "Assertion"],
    }
}

fn exported_responses_are_accepted_and_tampered_ones_refused(alg: &str, key_text: &str) {
    let env = Env::with_keychain();
    env.fifteen_five(alg);
    let dir = env.path("peers");
    std::fs::create_dir_all(&dir).unwrap();

    let cert = dir.join("certificate.pem");
    env.ok(&["cert", "export", "15Five", "--out", cert.to_str().unwrap()]);
    let parsed = openssl_text(&cert);
    assert!(parsed.contains(key_text), "{alg}: openssl shows {key_text}:\n{parsed}");
    assert!(parsed.contains("Subject: CN=Gatehouse 15Five") || parsed.contains("Subject: CN = Gatehouse 15Five"));
    let pem = std::fs::read_to_string(&cert).unwrap();
    assert_eq!(pem.matches("-----BEGIN").count(), 1, "certificate.pem holds the certificate only");

    let metadata = dir.join("idp-metadata.xml");
    env.ok(&["metadata", "export", "15Five", "--out", metadata.to_str().unwrap()]);
    let md = std::fs::read_to_string(&metadata).unwrap();
    assert_eq!(md.matches("<md:KeyDescriptor use=\"signing\">").count(), 1);
    assert!(md.contains("Location=\"https://sso.example.com/saml2/15five\""), "the SSO endpoint is the IdP URL");

    let mut cases = Vec::new();
    for signing in ["assertion", "response", "both"] {
        env.ok(&["sso", "set", "15Five", "--sign", signing]);
        let file = dir.join(format!("{signing}-sent.xml"));
        env.ok(&["sso", "response", "15Five", "--user", "ada", "--out", file.to_str().unwrap()]);
        let xml = std::fs::read_to_string(&file).unwrap();
        // The hostile display name is one text value: six values in all, no injected one.
        assert_eq!(xml.matches("<saml2:AttributeValue>").count(), 6, "{signing}: {xml}");
        assert!(!xml.contains("<saml2:AttributeValue>admin"), "{signing}: markup in a name stayed text");
        assert_eq!(xml.matches("<ds:SignatureValue>").count(), signed_elements(signing).len());

        for signed in signed_elements(signing) {
            let tag = if *signed == "Response" { "saml2p:Response" } else { "saml2:Assertion" };
            let id = id_of(&xml, tag);
            assert!(xmlsec1_verifies(&file, &cert, &id), "{alg} {signing}: xmlsec1 rejects the {signed} signature");
        }
        add_case(&dir, &mut cases, &format!("{signing}-good"), &xml, signing, "accept", true);
        for tamper in TAMPERS {
            let bad = tamper.apply(&xml);
            let bad_file = dir.join(format!("{signing}-{tamper:?}.xml"));
            std::fs::write(&bad_file, &bad).unwrap();
            for signed in signed_elements(signing).iter().filter(|s| tamper.covered_by(s)) {
                let tag = if *signed == "Response" { "saml2p:Response" } else { "saml2:Assertion" };
                assert!(
                    !xmlsec1_verifies(&bad_file, &cert, &id_of(&bad, tag)),
                    "{alg} {signing}: xmlsec1 accepts the {signed} signature after {tamper:?}"
                );
            }
            let covered = signed_elements(signing).iter().any(|s| tamper.covered_by(s));
            add_case(&dir, &mut cases, &format!("{signing}-tampered-{tamper:?}"), &bad, signing, "reject", covered);
        }
    }
    write_cases(&dir, cases, 1);
    peers_agree(&dir);
}

#[test]
fn rsa_signed_responses_pass_every_peer_and_tampered_ones_fail() {
    exported_responses_are_accepted_and_tampered_ones_refused("rsa2048", "rsaEncryption");
}

#[test]
fn p256_signed_responses_pass_every_peer_and_tampered_ones_fail() {
    exported_responses_are_accepted_and_tampered_ones_refused("p256", "id-ecPublicKey");
}
