//! Signed Responses checked by the `xmlsec1` binary, an implementation we do not call
//! from Rust: every signature verifies for both key types and every signing choice,
//! tampering inside a signed element breaks the signature covering it, and hostile text
//! stays text.

use crate::common::*;
use gatehouse_saml::{build_response, generate, post_form_html, pretty, KeyAlgorithm, ResponseError, SamlSigning};
use roxmltree::{Document, Node};
use std::path::Path;

const ASSERTION_NS: &str = "urn:oasis:names:tc:SAML:2.0:assertion";
const PROTOCOL_NS: &str = "urn:oasis:names:tc:SAML:2.0:protocol";
const DSIG_NS: &str = "http://www.w3.org/2000/09/xmldsig#";

fn response(alg: KeyAlgorithm, signing: SamlSigning) -> String {
    let s = signer(alg);
    build_response(&spec(signing), &s.key, &s.info.pem).unwrap_or_else(|e| panic!("{alg:?} {signing:?}: {e}"))
}

/// `xmlsec1 --verify` as the brief's SPs run it; with `node_id`, the signature inside the
/// element with that ID is checked, otherwise the first one in the document.
fn xmlsec1_verify(dir: &Path, xml: &str, alg: KeyAlgorithm, node_id: Option<&str>) -> std::process::Output {
    let cert = write(dir, "cert.pem", &signer(alg).info.pem);
    let file = write(dir, "response.xml", xml);
    let mut args = vec![
        "--verify",
        "--pubkey-cert-pem",
        cert.to_str().unwrap(),
        "--id-attr:ID",
        "urn:oasis:names:tc:SAML:2.0:protocol:Response",
        "--id-attr:ID",
        "urn:oasis:names:tc:SAML:2.0:assertion:Assertion",
    ];
    if let Some(id) = node_id {
        args.extend(["--node-id", id]);
    }
    args.push(file.to_str().unwrap());
    run("xmlsec1", &args)
}

fn el<'a, 'i>(node: Node<'a, 'i>, ns: &str, name: &str) -> Node<'a, 'i> {
    node.children()
        .find(|n| n.has_tag_name((ns, name)))
        .unwrap_or_else(|| panic!("<{name}> missing under <{}>", node.tag_name().name()))
}

fn assertion<'a, 'i>(doc: &'a Document<'i>) -> Node<'a, 'i> {
    el(doc.root_element(), ASSERTION_NS, "Assertion")
}

/// IDs of the elements that carry their own signature, as `("Response"|"Assertion", ID)`.
fn signed_elements(xml: &str) -> Vec<(String, String)> {
    let doc = Document::parse(xml).unwrap();
    let root = doc.root_element();
    [root, assertion(&doc)]
        .into_iter()
        .filter(|n| n.children().any(|c| c.has_tag_name((DSIG_NS, "Signature"))))
        .map(|n| (n.tag_name().name().to_owned(), n.attribute("ID").unwrap().to_owned()))
        .collect()
}

#[test]
fn xmlsec1_accepts_every_signature_for_each_key_and_signing_choice() {
    let dir = tempfile::tempdir().unwrap();
    for alg in KEYS {
        for signing in SIGNINGS {
            let xml = response(alg, signing);
            let signed: Vec<String> = signed_elements(&xml).into_iter().map(|(n, _)| n).collect();
            let expected: &[&str] = match signing {
                SamlSigning::Assertion => &["Assertion"],
                SamlSigning::Response => &["Response"],
                SamlSigning::Both => &["Response", "Assertion"],
            };
            assert_eq!(signed, expected, "{alg:?} {signing:?}: which elements are signed");

            let out = xmlsec1_verify(dir.path(), &xml, alg, None);
            assert!(out.status.success(), "{alg:?} {signing:?}: xmlsec1 rejected\n{}\n{xml}", text(&out));
            for (name, id) in signed_elements(&xml) {
                let out = xmlsec1_verify(dir.path(), &xml, alg, Some(&id));
                assert!(out.status.success(), "{alg:?} {signing:?}: {name} signature rejected\n{}", text(&out));
            }
        }
    }
}

#[test]
fn xmlsec1_rejects_tampering_inside_a_signed_element() {
    let dir = tempfile::tempdir().unwrap();
    for alg in KEYS {
        for signing in SIGNINGS {
            let xml = response(alg, signing);
            for tamper in TAMPERS {
                let tampered = tamper.apply(&xml);
                let (covering, not_covering): (Vec<_>, Vec<_>) =
                    signed_elements(&xml).into_iter().partition(|(name, _)| tamper.covered_by(name));
                // A signature that does not cover the change still verifies: this proves
                // `--node-id` picks the signature we mean, and that the Assertion's
                // signature stands on its own inside the Response.
                for (name, id) in not_covering {
                    let out = xmlsec1_verify(dir.path(), &tampered, alg, Some(&id));
                    assert!(
                        out.status.success(),
                        "{alg:?} {signing:?}: {tamper:?} is outside the {name}\n{}",
                        text(&out)
                    );
                }
                if covering.is_empty() {
                    // Only Destination under assertion-only signing: no signature covers
                    // it, and SPs check it against their own ACS URL instead.
                    assert_eq!((tamper, signing), (Tamper::Destination, SamlSigning::Assertion));
                    continue;
                }
                for (name, id) in covering {
                    let good = xmlsec1_verify(dir.path(), &xml, alg, Some(&id));
                    assert!(good.status.success(), "{}", text(&good));
                    let bad = xmlsec1_verify(dir.path(), &tampered, alg, Some(&id));
                    assert!(
                        !bad.status.success(),
                        "{alg:?} {signing:?}: {tamper:?} must break the {name} signature\n{}",
                        text(&bad)
                    );
                }
            }
        }
    }
}

#[test]
fn hostile_text_stays_text_and_adds_no_elements() {
    let dir = tempfile::tempdir().unwrap();
    let xml = response(KeyAlgorithm::Rsa2048, SamlSigning::Both);
    let doc = Document::parse(&xml).unwrap();
    let a = assertion(&doc);
    let values: Vec<Node> = a.descendants().filter(|n| n.has_tag_name((ASSERTION_NS, "AttributeValue"))).collect();
    assert_eq!(values.len(), ATTRIBUTE_VALUES, "an injected </AttributeValue> must not add values");
    let by_name = |name: &str| -> Vec<String> {
        a.descendants()
            .filter(|n| n.has_tag_name((ASSERTION_NS, "Attribute")) && n.attribute("Name") == Some(name))
            .flat_map(|n| n.children().filter(|c| c.is_element()).map(|c| c.text().unwrap_or("").to_owned()))
            .collect()
    };
    assert_eq!(by_name("role"), [INJECTION], "the injection is one literal value");
    assert_eq!(by_name("displayName"), [DISPLAY_NAME]);
    assert_eq!(by_name("groups"), ["Admins", "R&D <lab>", "\"quoted\" 'group'"]);
    let subject = el(a, ASSERTION_NS, "Subject");
    assert_eq!(el(subject, ASSERTION_NS, "NameID").text(), Some(NAME_ID));
    assert_eq!(el(doc.root_element(), ASSERTION_NS, "Issuer").text(), Some(IDP_ENTITY_ID));
    assert_eq!(el(a, ASSERTION_NS, "Issuer").text(), Some(IDP_ENTITY_ID));
    // And the escaped document still verifies.
    let out = xmlsec1_verify(dir.path(), &xml, KeyAlgorithm::Rsa2048, None);
    assert!(out.status.success(), "{}", text(&out));
}

#[test]
fn response_has_the_idp_initiated_shape() {
    for alg in KEYS {
        let xml = response(alg, SamlSigning::Both);
        assert!(!xml.contains("InResponseTo"), "IdP-initiated: no InResponseTo anywhere");
        let doc = Document::parse(&xml).unwrap();
        let root = doc.root_element();
        assert!(root.has_tag_name((PROTOCOL_NS, "Response")));
        assert_eq!(root.attribute("Destination"), Some(ACS_URL));
        assert_eq!(root.attribute("Version"), Some("2.0"));
        let status = el(el(root, PROTOCOL_NS, "Status"), PROTOCOL_NS, "StatusCode");
        assert_eq!(status.attribute("Value"), Some("urn:oasis:names:tc:SAML:2.0:status:Success"));

        // Schema order: Issuer, then Signature, in both Response and Assertion.
        let a = assertion(&doc);
        for parent in [root, a] {
            let names: Vec<&str> =
                parent.children().filter(|n| n.is_element()).map(|n| n.tag_name().name()).take(2).collect();
            assert_eq!(names, ["Issuer", "Signature"]);
        }
        let subject = el(a, ASSERTION_NS, "Subject");
        assert_eq!(
            el(subject, ASSERTION_NS, "NameID").attribute("Format"),
            Some("urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress")
        );
        let confirmation = el(subject, ASSERTION_NS, "SubjectConfirmation");
        assert_eq!(confirmation.attribute("Method"), Some("urn:oasis:names:tc:SAML:2.0:cm:bearer"));
        let data = el(confirmation, ASSERTION_NS, "SubjectConfirmationData");
        assert_eq!(data.attribute("Recipient"), Some(ACS_URL));
        let conditions = el(a, ASSERTION_NS, "Conditions");
        assert_eq!(data.attribute("NotOnOrAfter"), conditions.attribute("NotOnOrAfter"));
        assert!(conditions.attribute("NotBefore").unwrap() < conditions.attribute("NotOnOrAfter").unwrap());
        assert!(conditions.attribute("NotBefore").unwrap().ends_with('Z'), "UTC times");
        let audience = el(el(conditions, ASSERTION_NS, "AudienceRestriction"), ASSERTION_NS, "Audience");
        assert_eq!(audience.text(), Some(SP_ENTITY_ID));
        let authn = el(a, ASSERTION_NS, "AuthnStatement");
        assert_eq!(authn.attribute("SessionIndex"), Some("_session-1"));
        assert!(authn.attribute("AuthnInstant").is_some());

        let method = match alg {
            KeyAlgorithm::P256 => "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256",
            _ => "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
        };
        let digest = "http://www.w3.org/2001/04/xmlenc#sha256";
        for node in doc.descendants().filter(|n| n.has_tag_name((DSIG_NS, "SignatureMethod"))) {
            assert_eq!(node.attribute("Algorithm"), Some(method), "{alg:?}");
        }
        for node in doc.descendants().filter(|n| n.has_tag_name((DSIG_NS, "DigestMethod"))) {
            assert_eq!(node.attribute("Algorithm"), Some(digest), "SHA-256, never SHA-1");
        }
    }
}

#[test]
fn a_key_that_is_not_the_certificates_is_refused() {
    let (_, other_key) = generate(KeyAlgorithm::Rsa2048, 30, "Someone else").unwrap();
    let cert = &signer(KeyAlgorithm::Rsa2048).info.pem;
    for signing in SIGNINGS {
        assert_eq!(
            build_response(&spec(signing), &other_key, cert).unwrap_err(),
            ResponseError::KeyMismatch,
            "{signing:?}"
        );
    }
    let p256 = signer(KeyAlgorithm::P256);
    let err = build_response(&spec(SamlSigning::Assertion), &p256.key, cert).unwrap_err();
    assert!(matches!(err, ResponseError::Signing(_) | ResponseError::KeyMismatch), "{err:?}");
}

#[test]
fn values_xml_cannot_carry_and_empty_fields_are_refused() {
    let s = signer(KeyAlgorithm::P256);
    let mut bad = spec(SamlSigning::Assertion);
    bad.attributes.push(("department".into(), vec!["R\u{1b}D".into()]));
    let err = build_response(&bad, &s.key, &s.info.pem).unwrap_err();
    assert!(matches!(&err, ResponseError::InvalidText(t) if t.code == 0x1b), "{err:?}");
    assert!(err.to_string().contains("department"), "{err}");

    let mut empty = spec(SamlSigning::Assertion);
    empty.audience = " ".into();
    assert!(matches!(build_response(&empty, &s.key, &s.info.pem), Err(ResponseError::EmptyField(_))));

    let mut window = spec(SamlSigning::Assertion);
    window.not_on_or_after = window.not_before;
    assert_eq!(build_response(&window, &s.key, &s.info.pem).unwrap_err(), ResponseError::InvalidWindow);

    assert!(matches!(
        build_response(&spec(SamlSigning::Both), &s.key, "not a certificate"),
        Err(ResponseError::Certificate(_))
    ));
}

#[test]
fn attributes_without_values_are_left_out() {
    let s = signer(KeyAlgorithm::P256);
    let mut sp = spec(SamlSigning::Assertion);
    sp.attributes = vec![("empty".into(), vec![])];
    let xml = build_response(&sp, &s.key, &s.info.pem).unwrap();
    assert!(!xml.contains("AttributeStatement"), "an empty AttributeStatement breaks the schema");
}

#[test]
fn the_post_form_carries_the_response_and_pretty_keeps_its_content() {
    use base64::Engine as _;
    let xml = response(KeyAlgorithm::P256, SamlSigning::Both);
    let b64 = base64::engine::general_purpose::STANDARD.encode(&xml);
    let page = post_form_html(ACS_URL, &b64, Some("/dashboard?tab=1&x=2"));
    assert!(page.contains(&format!(r#"name="SAMLResponse" value="{b64}""#)));
    assert!(page.contains(r#"action="https://hr.example.com/saml2/acs/""#));
    assert!(page.contains(r#"value="/dashboard?tab=1&amp;x=2""#));

    let shown = pretty(&xml);
    assert!(shown.lines().count() > 30, "indented, one element per line");
    let doc = Document::parse(&shown).unwrap();
    let values = doc.descendants().filter(|n| n.has_tag_name((ASSERTION_NS, "AttributeValue"))).count();
    assert_eq!(values, ATTRIBUTE_VALUES);
}
