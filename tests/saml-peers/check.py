#!/usr/bin/env python3
"""Independent SAML service providers judge Gatehouse's IdP-initiated Responses.

Usage: check.py <dir>

<dir> holds what Gatehouse exported for one application, and the cases to judge:
  idp-metadata.xml   Gatehouse's IdP metadata (the peers learn the signing certificate here)
  cases.json         {"idpEntityId", "spEntityId", "acsUrl", "signingCertificates" (optional: how
                      many signing certificates the metadata must publish),
                      "cases": [{"name", "file", "signing": "assertion|response|both",
                                 "expect": "accept|reject", "signaturesCover": bool,
                                 "nameId", "attributes": {name: [values]}}]}
  <file>             each case's Response XML

Two SPs judge every case:
  pysaml2      (Saml2Client, allow_unsolicited, verifies with the xmlsec1 binary)
  python3-saml (OneLogin_Saml2_Auth, strict=True, schema-validates, python-xmlsec)
An accepted Response must also carry exactly the expected NameID and attribute values:
that proves escaping survived a round trip through two unrelated XML stacks.
A third judge, signxml, checks the signatures alone without libxmlsec1 (Gatehouse signs
with libxmlsec1, so this rules out a fault shared by signer and verifiers). It rejects a
tampered case only when `signaturesCover` says a signature covers the change.

Writes <dir>/report.json ({case: {peer: {"verdict": "accepted|rejected", "detail"}}}),
prints a table, and exits 0 when every case met its expectation with both peers, 1 when
any did not, 2 when the check cannot run (missing packages, xmlsec1, bad input).
"""

import base64
import json
import logging
import shutil
import sys
import traceback
from pathlib import Path
from urllib.parse import urlsplit

CANNOT_RUN = 2


def fail_setup(message):
    print(f"saml-peers: cannot run: {message}", file=sys.stderr)
    sys.exit(CANNOT_RUN)


try:
    from saml2 import BINDING_HTTP_POST
    from saml2.client import Saml2Client
    from saml2.config import SPConfig
    from onelogin.saml2.auth import OneLogin_Saml2_Auth
    from onelogin.saml2.idp_metadata_parser import OneLogin_Saml2_IdPMetadataParser
    from onelogin.saml2.xml_utils import OneLogin_Saml2_XML
    from signxml import XMLVerifier
    from signxml.verifier import SignatureConfiguration
except ImportError as e:  # pragma: no cover - the message is the point
    fail_setup(
        f"{e}. Install the peers: python3 -m venv ~/.cache/gatehouse/venv && "
        "~/.cache/gatehouse/venv/bin/pip install -r tests/saml-peers/requirements.txt"
    )

BINDING_POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"


def signed_parts(signing):
    return signing in ("assertion", "both"), signing in ("response", "both")


def content_mismatch(case, name_id, attributes):
    """None when the peer saw exactly what Gatehouse meant to say, else a description."""
    if name_id != case["nameId"]:
        return f"NameID {name_id!r}, expected {case['nameId']!r}"
    expected = {k: list(v) for k, v in case["attributes"].items()}
    if attributes != expected:
        return f"attributes {attributes!r}, expected {expected!r}"
    return None


class _ErrorList(logging.Handler):
    def emit(self, record):
        PYSAML2_ERRORS.append(record.getMessage())


PYSAML2_ERRORS = []
logging.getLogger("saml2").addHandler(_ErrorList(level=logging.ERROR))
logging.getLogger("saml2").propagate = False


def pysaml2_judge(ctx, case, b64):
    want_assertion, want_response = signed_parts(case["signing"])
    config = SPConfig()
    config.load(
        {
            "entityid": ctx["spEntityId"],
            "xmlsec_binary": ctx["xmlsec1"],
            "metadata": {"local": [str(ctx["metadata_path"])]},
            "service": {
                "sp": {
                    "endpoints": {
                        "assertion_consumer_service": [(ctx["acsUrl"], BINDING_HTTP_POST)]
                    },
                    "allow_unsolicited": True,
                    "want_assertions_signed": want_assertion,
                    "want_response_signed": want_response,
                    "want_assertions_or_response_signed": True,
                }
            },
        }
    )
    client = Saml2Client(config=config)
    PYSAML2_ERRORS.clear()
    response = client.parse_authn_request_response(b64, BINDING_HTTP_POST)
    # pysaml2 signals some refusals (e.g. a Destination that is not one of its ACS URLs)
    # by logging an error and returning a Response without a verified assertion.
    if response is None or response.assertion is None:
        return "rejected", "no verified assertion: " + "; ".join(PYSAML2_ERRORS)
    assertion = response.assertion
    attributes = {}
    for statement in assertion.attribute_statement:
        for attribute in statement.attribute:
            attributes[attribute.name] = [v.text or "" for v in attribute.attribute_value]
    return "accepted", content_mismatch(case, assertion.subject.name_id.text, attributes)


def onelogin_judge(ctx, case, b64):
    want_assertion, want_response = signed_parts(case["signing"])
    acs = urlsplit(ctx["acsUrl"])
    settings = {
        "strict": True,
        "debug": False,
        "sp": {
            "entityId": ctx["spEntityId"],
            "assertionConsumerService": {"url": ctx["acsUrl"], "binding": BINDING_POST},
        },
        "idp": ctx["onelogin_idp"],
        "security": {
            "wantAssertionsSigned": want_assertion,
            "wantMessagesSigned": want_response,
            "wantNameId": True,
            "rejectDeprecatedAlgorithm": True,
        },
    }
    request = {
        "https": "on" if acs.scheme == "https" else "off",
        "http_host": acs.netloc,
        "script_name": acs.path,
        "get_data": {},
        "post_data": {"SAMLResponse": b64},
    }
    auth = OneLogin_Saml2_Auth(request, settings)
    auth.process_response()
    errors = auth.get_errors()
    if errors or not auth.is_authenticated():
        return "rejected", f"{errors}: {auth.get_last_error_reason()}"
    attributes = {k: list(v) for k, v in auth.get_attributes().items()}
    return "accepted", content_mismatch(case, auth.get_nameid(), attributes)


def signxml_judge(ctx, case, b64):
    """Signatures only, with no libxmlsec1 at all (lxml C14N + cryptography). With several
    signing certificates in the metadata (a rollover), a signature made with any of them
    is accepted, as an SP that trusts the metadata would."""
    xml = base64.b64decode(b64)
    want_assertion, want_response = signed_parts(case["signing"])
    locations = []
    if want_response:
        locations.append(("Response", "./"))
    if want_assertion:
        locations.append(("Assertion", "./{urn:oasis:names:tc:SAML:2.0:assertion}Assertion/"))
    for name, location in locations:
        failures = []
        for cert_pem in ctx["cert_pems"]:
            try:
                XMLVerifier().verify(
                    xml,
                    x509_cert=cert_pem,
                    expect_config=SignatureConfiguration(location=location),
                )
                break
            except Exception as e:
                failures.append(f"{type(e).__name__}: {e}")
        else:
            return "rejected", f"{name} signature: " + "; ".join(failures)
    return "accepted", None


PEERS = {"pysaml2": pysaml2_judge, "python3-saml": onelogin_judge, "signxml": signxml_judge}


def expected_verdict(case, peer):
    """SPs must reject every tampered case. signxml judges signatures only, so it rejects a
    tampered case only where a signature covers the change (`signaturesCover`)."""
    if case["expect"] == "accept":
        return "accepted"
    if peer == "signxml" and not case.get("signaturesCover", True):
        return "accepted"
    return "rejected"


def load_context(folder):
    try:
        spec = json.loads((folder / "cases.json").read_text())
        metadata_path = folder / "idp-metadata.xml"
        metadata = metadata_path.read_text()
    except (OSError, ValueError) as e:
        fail_setup(f"cannot read the case files in {folder}: {e}")
    xmlsec1 = shutil.which("xmlsec1")
    if not xmlsec1:
        fail_setup("the xmlsec1 binary is not on PATH (Debian: apt-get install xmlsec1)")
    # The exported metadata must be schema-valid and readable by a second SP stack.
    schema_check = OneLogin_Saml2_XML.validate_xml(metadata, "saml-schema-metadata-2.0.xsd")
    if not hasattr(schema_check, "tag"):
        print(f"idp-metadata.xml is not schema-valid: {schema_check}")
        sys.exit(1)
    parsed = OneLogin_Saml2_IdPMetadataParser.parse(metadata)
    idp = parsed.get("idp", {})
    if idp.get("entityId") != spec["idpEntityId"]:
        print(f"idp-metadata.xml names entity {idp.get('entityId')!r}, expected {spec['idpEntityId']!r}")
        sys.exit(1)
    # One signing certificate: `x509cert`; several (a rollover publishes two): `x509certMulti`.
    certs_b64 = idp.get("x509certMulti", {}).get("signing") or [idp.get("x509cert") or ""]
    if "signingCertificates" in spec and len(certs_b64) != spec["signingCertificates"]:
        print(f"idp-metadata.xml has {len(certs_b64)} signing certificates, expected {spec['signingCertificates']}")
        sys.exit(1)
    return {
        **spec,
        "cert_pems": [f"-----BEGIN CERTIFICATE-----\n{b}\n-----END CERTIFICATE-----\n" for b in certs_b64],
        "metadata_path": metadata_path,
        "xmlsec1": xmlsec1,
        "onelogin_idp": idp,
    }


def main():
    if len(sys.argv) != 2:
        fail_setup("usage: check.py <dir>")
    folder = Path(sys.argv[1])
    ctx = load_context(folder)
    report, all_met = {}, True
    for case in ctx["cases"]:
        xml = (folder / case["file"]).read_bytes()
        b64 = base64.b64encode(xml).decode("ascii")
        report[case["name"]] = {}
        for peer, judge in PEERS.items():
            try:
                verdict, detail = judge(ctx, case, b64)
            except Exception as e:  # a peer refusing by exception is a rejection
                verdict, detail = "rejected", f"{type(e).__name__}: {e}"
                if case["expect"] == "accept":
                    detail += "\n" + traceback.format_exc()
            if verdict == "accepted" and detail:
                verdict = "accepted-wrong-content"
            met = verdict == expected_verdict(case, peer)
            all_met &= met
            report[case["name"]][peer] = {"verdict": verdict, "detail": detail or ""}
            mark = "ok " if met else "BAD"
            print(f"{mark} {case['name']:<40} {peer:<13} {verdict:<22} {(detail or '')[:160]}")
    (folder / "report.json").write_text(json.dumps(report, indent=2))
    sys.exit(0 if all_met else 1)


if __name__ == "__main__":
    main()
