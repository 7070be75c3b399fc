//! Tests only: the SSO tab of a 15Five application as the core returns it (connector
//! defaults with YOURDOMAIN unfilled, or saved), certificates and a built preview.

import type { AssertionPreview } from '../../bindings/AssertionPreview';
import type { CertificateRecord } from '../../bindings/CertificateRecord';
import type { SsoConfig } from '../../bindings/SsoConfig';
import type { SsoView } from '../../bindings/SsoView';

export const APP_ID = 'app_15five';

const TEMPLATE: SsoConfig = {
  idpEntityId: 'https://YOURDOMAIN.15five.com',
  spEntityId: 'https://YOURDOMAIN.15five.com/saml2/metadata/',
  acsUrls: [{ url: 'https://YOURDOMAIN.15five.com/saml2/acs/', isDefault: true }],
  spLoginUrl: 'https://YOURDOMAIN.15five.com',
  nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
  nameIdField: 'email',
  signing: 'both',
  attributes: [{ name: 'email', field: 'email' }],
  constantAttributes: [],
  groupAttribute: null,
};

function fill(c: SsoConfig, domain: string): SsoConfig {
  const r = (s: string) => (domain ? s.replaceAll('YOURDOMAIN', domain) : s);
  return {
    ...c,
    idpEntityId: r(c.idpEntityId),
    spEntityId: r(c.spEntityId),
    acsUrls: c.acsUrls.map((a) => ({ ...a, url: r(a.url) })),
    spLoginUrl: c.spLoginUrl && r(c.spLoginUrl),
  };
}

export function certificate(over: Partial<CertificateRecord> = {}): CertificateRecord {
  return {
    id: 'cert_1',
    status: 'active',
    expiry: null,
    createdAt: '2026-11-26T09:00:00Z',
    activatedAt: '2026-11-26T09:00:00Z',
    retiredAt: null,
    pem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
    subject: 'CN=Gatehouse 15Five',
    serialHex: '5F3A9C0B1D2E4F6071829304A5B6C7D8',
    notBefore: '2026-11-26T08:55:00Z',
    notAfter: '2029-11-25T08:55:00Z',
    sha1Fingerprint: 'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01',
    sha256Fingerprint:
      '01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF',
    algorithm: 'rsa2048',
    ...over,
  };
}

/** The 15Five SSO tab: `domain` "" = defaults, nothing saved. */
export function ssoView(domain = '', over: Partial<SsoView> = {}, config: Partial<SsoConfig> = {}): SsoView {
  const c = { ...TEMPLATE, ...config };
  const resolved = fill(c, domain);
  return {
    appId: APP_ID,
    appLabel: '15Five',
    connectorId: '15five',
    connectorName: '15Five',
    idpUrl: 'https://sso.acme.example/saml2/15five',
    isDefault: !domain,
    config: c,
    resolved,
    placeholders: [
      {
        token: 'YOURDOMAIN',
        label: '15Five subdomain',
        help: "Your company's subdomain in 15Five.",
        example: 'acme',
        value: domain,
        usedIn: ['idpEntityId', 'spEntityId', 'acsUrls.0.url', 'spLoginUrl'],
      },
    ],
    unfilled: domain ? [] : ['YOURDOMAIN'],
    hasSpLoginUrl: true,
    idpInitiated: true,
    spInitiated: true,
    groupAttributeSupported: true,
    groupAttributeSuggestion: 'memberOf',
    jitRequiredAttributes: [],
    certificates: [],
    certificateExpiry: null,
    ...over,
  };
}

export function assertionPreview(over: Partial<AssertionPreview> = {}): AssertionPreview {
  return {
    userId: 'usr_ada',
    username: 'ada',
    xml: '<samlp:Response ID="_r1"><saml2:Assertion ID="_a1"/></samlp:Response>',
    prettyXml: '<samlp:Response ID="_r1">\n  <saml2:Assertion ID="_a1"/>\n</samlp:Response>',
    issuer: 'https://acme.15five.com',
    destination: 'https://acme.15five.com/saml2/acs/',
    audience: 'https://acme.15five.com/saml2/metadata/',
    nameId: 'ada@northwind.example',
    nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
    attributes: [
      { name: 'email', values: ['ada@northwind.example'] },
      { name: 'memberOf', values: ['Engineering', 'Everyone'] },
    ],
    omittedAttributes: [],
    notBefore: '2026-11-26T09:00:00Z',
    notOnOrAfter: '2026-11-26T09:05:00Z',
    signing: 'both',
    certificateSerial: '5F3A9C0B1D2E4F6071829304A5B6C7D8',
    ...over,
  };
}
