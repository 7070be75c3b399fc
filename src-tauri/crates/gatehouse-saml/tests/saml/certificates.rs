//! Every key type we generate makes a certificate OpenSSL reads, with the subject,
//! serial, fingerprint and key we report, and a private key that belongs to it.

use crate::common::{run, text, write};
use gatehouse_saml::{generate, info_from_pem, KeyAlgorithm};

fn openssl(args: &[&str]) -> String {
    let out = run("openssl", args);
    assert!(out.status.success(), "openssl {args:?} failed:\n{}", text(&out));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn openssl_reads_every_generated_certificate_as_we_describe_it() {
    let dir = tempfile::tempdir().unwrap();
    for (alg, key_text, sig_text) in [
        (KeyAlgorithm::Rsa2048, "Public-Key: (2048 bit)", "sha256WithRSAEncryption"),
        (KeyAlgorithm::Rsa3072, "Public-Key: (3072 bit)", "sha256WithRSAEncryption"),
        (KeyAlgorithm::Rsa4096, "Public-Key: (4096 bit)", "sha256WithRSAEncryption"),
        (KeyAlgorithm::P256, "ASN1 OID: prime256v1", "ecdsa-with-SHA256"),
    ] {
        let (info, key) = generate(alg, 365, "Gatehouse & Co").unwrap();
        assert_eq!(info.algorithm, alg);
        let cert = write(dir.path(), "cert.pem", &info.pem);
        let cert = cert.to_str().unwrap();

        let dump = openssl(&["x509", "-noout", "-text", "-in", cert]);
        assert!(dump.contains(key_text), "{alg:?}: expected {key_text:?} in\n{dump}");
        assert!(dump.contains(sig_text), "{alg:?}: expected {sig_text:?} in\n{dump}");
        assert!(dump.contains("Digital Signature"), "a signing certificate says so");

        let subject = openssl(&["x509", "-noout", "-subject", "-nameopt", "RFC2253", "-in", cert]);
        assert_eq!(subject.trim(), "subject=CN=Gatehouse & Co");
        assert_eq!(info.subject, "CN=Gatehouse & Co");

        let serial = openssl(&["x509", "-noout", "-serial", "-in", cert]);
        assert_eq!(serial.trim(), format!("serial={}", info.serial_hex));

        // "sha256 Fingerprint=AB:CD:..." (the label's case differs between OpenSSL versions).
        let fingerprint = |digest: &str| {
            let out = openssl(&["x509", "-noout", "-fingerprint", digest, "-in", cert]);
            out.trim().split_once('=').expect("label=value").1.to_owned()
        };
        assert_eq!(fingerprint("-sha256"), info.sha256_fingerprint);
        assert_eq!(fingerprint("-sha1"), info.sha1_fingerprint);

        // The private key is PKCS#8 DER and its public half is the certificate's.
        let key_file = write(dir.path(), "key.der", key.expose());
        let from_key = openssl(&["pkey", "-inform", "DER", "-in", key_file.to_str().unwrap(), "-pubout"]);
        let from_cert = openssl(&["x509", "-noout", "-pubkey", "-in", cert]);
        assert_eq!(from_key, from_cert, "{alg:?}: private key must match the certificate");

        assert_eq!(info_from_pem(&info.pem).unwrap(), info);
    }
}

#[test]
fn validity_is_the_requested_number_of_days() {
    let (info, _) = generate(KeyAlgorithm::P256, 1095, "Gatehouse").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let cert = write(dir.path(), "cert.pem", &info.pem);
    // openssl -checkend: succeeds if the certificate is still valid after N seconds.
    let day = 86_400;
    let valid_1094 =
        run("openssl", &["x509", "-noout", "-checkend", &(1094 * day).to_string(), "-in", cert.to_str().unwrap()]);
    assert!(valid_1094.status.success(), "{}", text(&valid_1094));
    let valid_1096 =
        run("openssl", &["x509", "-noout", "-checkend", &(1096 * day).to_string(), "-in", cert.to_str().unwrap()]);
    assert!(!valid_1096.status.success(), "must expire after 1095 days");
}

#[test]
fn certificates_from_elsewhere_are_described_too() {
    let pem = std::fs::read_to_string(crate::common::repo_root().join("tests/fixtures/saml/sp-metadata-two-acs.xml"))
        .unwrap();
    // The fixture embeds its certificate as base64; wrap it back into PEM.
    let b64: String = pem
        .split("<ds:X509Certificate>")
        .nth(1)
        .and_then(|s| s.split("</ds:X509Certificate>").next())
        .unwrap()
        .split_whitespace()
        .collect();
    let pem = format!("-----BEGIN CERTIFICATE-----\n{b64}\n-----END CERTIFICATE-----\n");
    let info = info_from_pem(&pem).unwrap();
    assert_eq!(info.subject, "CN=hr.example.com");
    assert_eq!(info.algorithm, KeyAlgorithm::Rsa2048);
}
