//! SAML figures: generating a signing certificate per key type, signing one IdP-initiated
//! Response (Assertion and Response both signed, RSA-2048), and writing IdP metadata.

use gatehouse_saml::OffsetDateTime;
use gatehouse_saml::{
    build_response, generate, idp_metadata, validity_window, KeyAlgorithm, NameIdFormat, ResponseSpec, SamlSigning,
    AUTHN_CONTEXT_PASSWORD_PROTECTED_TRANSPORT,
};

use crate::report::{median, ms, Goal, Report};

pub fn run(report: &mut Report) -> anyhow::Result<()> {
    for (alg, runs, name, goal) in [
        (KeyAlgorithm::Rsa2048, 15, "saml: generate RSA-2048 certificate (median)", Goal::Below(300.0)),
        (KeyAlgorithm::Rsa4096, 5, "saml: generate RSA-4096 certificate (median)", Goal::None),
        (KeyAlgorithm::P256, 50, "saml: generate P-256 certificate (median)", Goal::None),
    ] {
        let t = median(runs, || {
            std::hint::black_box(generate(alg, 1095, "Gatehouse Bench").expect("generate"));
        });
        report.add(name, ms(t), "ms", goal);
    }

    let (cert, key) = generate(KeyAlgorithm::Rsa2048, 1095, "Gatehouse Bench")?;
    let now = OffsetDateTime::now_utc();
    let (not_before, not_on_or_after) = validity_window(now);
    let spec = ResponseSpec {
        issuer: "https://gatehouse.example/saml2/bench".into(),
        destination: "https://sp.example.com/saml2/acs/".into(),
        audience: "https://sp.example.com/saml2/metadata/".into(),
        name_id: "jane.doe@example.com".into(),
        name_id_format: NameIdFormat::EmailAddress,
        attributes: vec![
            ("email".into(), vec!["jane.doe@example.com".into()]),
            ("firstName".into(), vec!["Jane".into()]),
            ("lastName".into(), vec!["Doe".into()]),
            ("groups".into(), vec!["Engineering".into(), "R&D".into(), "All staff".into()]),
        ],
        session_index: Some("_bench-session".into()),
        issue_instant: now,
        authn_instant: now,
        not_before,
        not_on_or_after,
        authn_context: AUTHN_CONTEXT_PASSWORD_PROTECTED_TRANSPORT.into(),
        signing: SamlSigning::Both,
    };
    build_response(&spec, &key, &cert.pem)?;
    let sign = median(50, || {
        std::hint::black_box(build_response(&spec, &key, &cert.pem).expect("sign"));
    });
    report.add("saml: sign one Response (RSA-2048, both)", ms(sign), "ms", Goal::Below(10.0));

    let (next, _) = generate(KeyAlgorithm::P256, 1095, "Gatehouse Bench next")?;
    let metadata = median(200, || {
        std::hint::black_box(
            idp_metadata(
                "https://gatehouse.example/saml2/bench",
                "https://gatehouse.example/saml2/bench/sso",
                &[&cert.pem, &next.pem],
                &[NameIdFormat::EmailAddress],
            )
            .expect("metadata"),
        );
    });
    report.add("saml: build IdP metadata", ms(metadata), "ms", Goal::None);
    Ok(())
}
