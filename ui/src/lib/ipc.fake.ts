//! Dev-only stand-in for the Rust core, so the UI can be previewed in a plain browser
//! (`VITE_FAKE_IPC=1 npm run dev`). ipc.ts reaches it only as `virtual:gatehouse-fake-ipc`,
//! which vite.config.ts resolves to `null` in builds and tests. `?fake=store_too_new` (or
//! `store_unavailable`) in the page URL previews the start-up error screen.

import type { ApiError } from '../bindings/ApiError';
import type { AppInfo } from '../bindings/AppInfo';
import type { CatalogSnapshot } from '../bindings/CatalogSnapshot';
import type { Connector } from '../bindings/Connector';
import type { Event } from '../bindings/Event';
import type { EventPage } from '../bindings/EventPage';
import type { EventQuery } from '../bindings/EventQuery';
import type { MappingDefault } from '../bindings/MappingDefault';
import type { Settings } from '../bindings/Settings';

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

function logo(letter: string, bg: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><rect width="40" height="40" rx="9" fill="${bg}"/><text x="20" y="27" font-family="Arial,sans-serif" font-size="${letter.length > 1 ? 15 : 20}" font-weight="700" text-anchor="middle" fill="#fff">${letter}</text></svg>`;
  return `data:image/svg+xml;base64,${btoa(svg)}`;
}

const m = (
  required: boolean,
  kind: MappingDefault['kind'],
  source: string,
  target: string,
  extra: Partial<MappingDefault> = {},
): MappingDefault => ({
  required,
  kind,
  source,
  target,
  directoryField: null,
  referenceTarget: null,
  label: null,
  appAttribute: null,
  appliedOn: 'createAndUpdate',
  note: null,
  ...extra,
});

const standardMappings: MappingDefault[] = [
  m(true, 'direct', 'username', 'userName', { label: 'Username' }),
  m(false, 'direct', 'company', '$enterpriseUser.organization', { label: 'Company' }),
  m(false, 'direct', 'costCenter', '$enterpriseUser.costCenter', { label: 'Cost Center' }),
  m(false, 'direct', 'department', '$enterpriseUser.department', { label: 'Department' }),
  m(false, 'direct', 'employeeIdentifier', '$enterpriseUser.employeeNumber', { label: 'Employee ID' }),
  m(false, 'direct', 'employeeType', 'userType', { label: 'Employment Type' }),
  m(false, 'direct', 'firstname', 'name.givenName', { label: 'First Name' }),
  m(false, 'direct', 'jobtitle', 'title', { directoryField: 'jobTitle', label: 'Job Title' }),
  m(false, 'direct', 'lastname', 'name.familyName', { label: 'Last Name' }),
  m(
    false,
    'expression',
    "notNullOrEmpty(jcUser.displayname) ? jcUser.displayname : (notNullOrEmpty(jcUser.lastname) ? jcUser.firstname + ' ' + jcUser.lastname : jcUser.firstname)",
    'displayName',
  ),
  m(false, 'expression', 'notNullOrEmpty(providerUser.externalId) ? providerUser.externalId : jcUser.id', 'externalId', {
    appliedOn: 'createOnly',
    note: 'Keeps an identifier the application already has; otherwise sends the directory id.',
  }),
  m(false, 'expression', "notNullOrEmpty(providerUser.locale) ? providerUser.locale : 'en-US'", 'locale'),
  m(false, 'expression', "toScimAddresses(find(jcUser.addresses, .type == 'work') ?? first(jcUser.addresses))", 'addresses'),
  m(true, 'expression', 'toScimEmails(jcUser.email)', 'emails'),
  m(false, 'expression', "toScimPhoneNumbers(find(jcUser.phoneNumbers, .type == 'work') ?? first(jcUser.phoneNumbers))", 'phoneNumbers'),
  m(false, 'constant', 'Employee', '$enterpriseUser.division', { note: 'Example of a constant mapping.' }),
];

const connectors: Connector[] = [
  {
    id: '15five',
    name: '15Five',
    description: 'Performance management: check-ins, 1-on-1s, reviews and OKRs.',
    logoDataUrl: logo('15', '#ff5c35'),
    supports: { sso: true, jit: true, provisioning: true, groups: true, manualImport: true, deprovision: 'deactivate' },
    prerequisites: [
      'A 15Five administrator account',
      '15Five Plus plan; SSO needs the SSO add-on',
      'Your 15Five subdomain name',
    ],
    considerations: [
      'SAML SSO is recommended but not required.',
      'Users created over SCIM should also be deleted over SCIM; otherwise disable them in 15Five first.',
      'Account takeovers are supported: an existing 15Five user with the same userName is taken over.',
      'New users receive an email invitation from 15Five.',
      'Deprovisioned users are moved to the inactive state.',
      'Groups are supported.',
    ],
    sso: {
      placeholders: [
        { token: 'YOURDOMAIN', label: '15Five subdomain', help: 'The part before .15five.com in your 15Five address.', example: 'acme' },
      ],
      idpEntityIdTemplate: 'https://YOURDOMAIN.15five.com',
      spEntityIdTemplate: 'https://YOURDOMAIN.15five.com/saml2/metadata/',
      acsUrlTemplates: ['https://YOURDOMAIN.15five.com/saml2/acs/'],
      spLoginUrlTemplate: 'https://YOURDOMAIN.15five.com/saml2/login/',
      idpInitiated: true,
      spInitiated: true,
      nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
      nameIdSource: 'email',
      signing: 'both',
      userAttributes: [
        { name: 'email', source: 'email', jitRequired: true },
        { name: 'first_name', source: 'firstname', jitRequired: true },
        { name: 'last_name', source: 'lastname', jitRequired: true },
        { name: 'title', source: 'jobTitle', jitRequired: false },
      ],
      constantAttributes: [],
      groupAttribute: false,
      groupAttributeName: null,
    },
    scim: {
      baseUrl: { kind: 'adminSupplied', example: 'https://my.15five.com/scim/v2', help: 'Copy it from Settings › Integrations › SCIM 2.0 in 15Five.' },
      mappings: standardMappings,
      groupMappings: [m(true, 'direct', 'name', 'displayName', { label: 'Name' })],
      unsupportedAttributes: [],
      rules: [
        {
          kind: 'sameValue',
          targets: ['userName', 'emails'],
          severity: 'warning',
          message: 'The username and email should match.',
        },
      ],
    },
    setup: {
      sso: [
        'Log in to 15Five as an administrator and open Settings › Company › Security.',
        'Set your company subdomain (YOURDOMAIN): lower-case letters, no spaces.',
        'Paste the Gatehouse IdP metadata URL, or upload the metadata XML.',
        'Choose whether to allow IdP-initiated login and JIT provisioning.',
        'Make sure assertions or messages are signed, then save.',
      ],
      scim: [
        'In 15Five, open Settings › Integrations › SCIM 2.0 and enable it.',
        'Copy the SCIM base URL and generate an access token.',
        'In Gatehouse, paste both on the application’s Provisioning tab and activate.',
      ],
    },
  },
  {
    id: 'alexishr',
    name: 'AlexisHR',
    description: 'HR platform for employee data, time off, onboarding and payroll.',
    logoDataUrl: logo('A', '#1f6feb'),
    supports: { sso: true, jit: false, provisioning: true, groups: true, manualImport: false, deprovision: 'delete' },
    prerequisites: ['An AlexisHR administrator account', 'Your AlexisHR connection name'],
    considerations: ['Deleting a user in the directory deletes the AlexisHR account.', 'Groups are supported.'],
    sso: {
      placeholders: [
        { token: 'YOUR_CONNECTION_NAME', label: 'Connection name', help: 'Shown in AlexisHR under Settings › SAML Single sign-on.', example: null },
      ],
      idpEntityIdTemplate: 'https://auth.alexishr.com/YOUR_CONNECTION_NAME',
      spEntityIdTemplate: 'urn:auth0:alexishr:YOUR_CONNECTION_NAME',
      acsUrlTemplates: ['https://auth.alexishr.com/login/callback?connection=YOUR_CONNECTION_NAME'],
      spLoginUrlTemplate: null,
      idpInitiated: true,
      spInitiated: true,
      nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
      nameIdSource: 'email',
      signing: 'assertion',
      userAttributes: [],
      constantAttributes: [],
      groupAttribute: false,
      groupAttributeName: null,
    },
    scim: {
      baseUrl: { kind: 'fixed', url: 'https://api.alexishr.com/scim/v2' },
      mappings: standardMappings.slice(0, 10),
      groupMappings: [],
      unsupportedAttributes: [],
      rules: [],
    },
    setup: {
      sso: [
        'Log in to your AlexisHR company site as an administrator.',
        'Go to Settings › SAML Single sign-on › New identity provider.',
        'Paste the Gatehouse IdP URL as the identity provider SSO URL.',
        'Upload certificate.pem and click Create identity provider.',
      ],
      scim: ['Go to Settings › Integrations › SCIM and create a token.'],
    },
  },
  {
    id: 'hoxhunt',
    name: 'Hoxhunt',
    description: 'Security awareness training with realistic phishing simulations.',
    logoDataUrl: logo('H', '#0f9d58'),
    supports: { sso: true, jit: false, provisioning: true, groups: false, manualImport: true, deprovision: 'deactivate' },
    prerequisites: ['A Hoxhunt administrator account', 'Your Hoxhunt organization ID'],
    considerations: ['Both the userName and the work email must use the same source attribute.'],
    sso: {
      placeholders: [
        { token: 'YOUR_ORG_ID', label: 'Hoxhunt Org ID', help: 'Shown in the Hoxhunt admin portal under Organization.', example: '5f2b…' },
      ],
      idpEntityIdTemplate: '',
      spEntityIdTemplate: 'https://app.hoxhunt.com/saml/YOUR_ORG_ID',
      acsUrlTemplates: ['https://app.hoxhunt.com/api/saml/YOUR_ORG_ID/callback'],
      spLoginUrlTemplate: null,
      idpInitiated: true,
      spInitiated: false,
      nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
      nameIdSource: 'email',
      signing: 'response',
      userAttributes: [],
      constantAttributes: [{ name: 'source', value: 'gatehouse' }],
      groupAttribute: true,
      groupAttributeName: null,
    },
    scim: {
      baseUrl: { kind: 'fixed', url: 'https://app.hoxhunt.com/scim/v2' },
      mappings: [
        m(true, 'direct', 'username', 'userName'),
        m(true, 'expression', 'toScimEmails(jcUser.email)', 'emails'),
        m(false, 'direct', 'firstname', 'name.givenName', { appAttribute: 'name.givenName' }),
        m(false, 'direct', 'lastname', 'name.familyName', { appAttribute: 'name.familyName' }),
      ],
      groupMappings: [],
      unsupportedAttributes: ['manager', 'division', 'countrycode'],
      rules: [
        {
          kind: 'sameSource',
          targets: ['userName', 'emails'],
          severity: 'error',
          message: 'userName and the work email must use the same source attribute.',
        },
      ],
    },
    setup: { sso: ['Replace YOUR_ORG_ID in Gatehouse with your Hoxhunt value.', 'Send the certificate to Hoxhunt support.'], scim: ['Create a SCIM token in Hoxhunt.'] },
  },
  {
    id: 'custom-saml',
    name: 'Custom SAML app',
    description: 'Any application that accepts SAML 2.0 single sign-on.',
    logoDataUrl: '',
    supports: { sso: true, jit: false, provisioning: false, groups: false, manualImport: false, deprovision: null },
    prerequisites: ["The application's SP metadata, or its entity ID and ACS URL"],
    considerations: [],
    sso: {
      placeholders: [],
      idpEntityIdTemplate: '',
      spEntityIdTemplate: '',
      acsUrlTemplates: [],
      spLoginUrlTemplate: null,
      idpInitiated: true,
      spInitiated: true,
      nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
      nameIdSource: 'email',
      signing: 'assertion',
      userAttributes: [],
      constantAttributes: [],
      groupAttribute: true,
      groupAttributeName: 'memberOf',
    },
    scim: null,
    setup: { sso: [], scim: [] },
  },
  {
    id: 'custom-scim',
    name: 'Custom SCIM app',
    description: 'Any application with a SCIM 2.0 endpoint for users and groups.',
    logoDataUrl: logo('{ }', '#6b7280'),
    supports: { sso: false, jit: false, provisioning: true, groups: true, manualImport: true, deprovision: 'delete' },
    prerequisites: ["The application's SCIM base URL and a bearer token"],
    considerations: [],
    sso: null,
    scim: {
      baseUrl: { kind: 'adminSupplied', example: 'https://example.com/scim/v2', help: 'From the application’s admin console.' },
      mappings: standardMappings,
      groupMappings: [m(true, 'direct', 'name', 'displayName')],
      unsupportedAttributes: [],
      rules: [],
    },
    setup: { sso: [], scim: ['Create a SCIM token in the application.'] },
  },
];

const catalog: CatalogSnapshot = {
  connectors,
  issues: [
    {
      file: 'connectors/slack/connector.json',
      field: '/scim/mappings/3/target',
      message: 'unknown SCIM attribute "name.givenNme"',
    },
  ],
};

let settings: Settings = { organizationName: 'Acme Corporation', idpBaseUrl: 'https://sso.acme.example' };

const info: AppInfo = {
  version: '0.1.0',
  dataDir: '/home/admin/.local/share/gatehouse',
  databasePath: '/home/admin/.local/share/gatehouse/gatehouse.db',
  logFile: '/home/admin/.local/share/gatehouse/logs/gatehouse.log',
  schemaVersion: 1,
};

const NAMES = [
  'user_create_provision',
  'user_update_provision',
  'user_deprovision',
  'user_lookup_provision',
  'group_create_provision',
  'idm_integration_activate',
  'settings_update',
];
const PEOPLE = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Katherine Johnson', 'Linus Torvalds'];
const APPS: [string, string][] = [
  ['app_15five', '15Five'],
  ['app_hoxhunt', 'Hoxhunt'],
  ['app_alexishr', 'AlexisHR'],
];

const failedDetail: Event['detail'] = {
  request: { method: 'POST', path: '/Users' },
  response: { status: 409, body: { scimType: 'uniqueness' } },
  error: 'userName already exists',
};
const okDetail = (id: number): Event['detail'] => ({
  request: { method: 'PATCH', path: `/Users/${id}` },
  response: { status: 200 },
  changed: ['title', 'department'],
});

const events: Event[] = Array.from({ length: 137 }, (_, i) => {
  const id = 137 - i;
  const name = NAMES[(id * 3) % NAMES.length];
  const app = name === 'settings_update' ? null : APPS[id % APPS.length];
  const person = PEOPLE[id % PEOPLE.length];
  const failed = id % 11 === 0;
  return {
    id,
    at: new Date(Date.now() - i * 47 * 60_000).toISOString(),
    name,
    appId: app?.[0] ?? null,
    appLabel: app?.[1] ?? null,
    subject:
      name === 'settings_update'
        ? { kind: 'settings', id: 'settings', label: 'Organization settings' }
        : name.startsWith('group')
          ? { kind: 'group', id: `grp_${id}`, label: 'Engineering' }
          : { kind: 'user', id: `usr_${id % 5}`, label: person },
    outcome: failed ? 'failure' : 'success',
    actor: name.startsWith('idm') || name === 'settings_update' ? 'app' : 'sync',
    detail: failed ? failedDetail : okDetail(id),
  };
});

function fail(): ApiError | null {
  const mode = new URLSearchParams(window.location.search).get('fake');
  if (mode === 'store_too_new') {
    return {
      code: 'store_too_new',
      message:
        'this database was written by a newer version of Gatehouse (schema 7; this version understands up to 3). Install the newer Gatehouse, or choose another data folder.',
    };
  }
  if (mode === 'store_unavailable') {
    return { code: 'store_unavailable', message: `cannot use the data folder ${info.dataDir}: permission denied` };
  }
  return null;
}

export async function fakeInvoke(command: string, args?: unknown): Promise<unknown> {
  await delay(150);
  const failure = fail();
  if (failure) throw failure;
  const a = (args ?? {}) as Record<string, unknown>;
  switch (command) {
    case 'app_info':
      return info;
    case 'settings_get':
      return settings;
    case 'settings_update': {
      const next = a.settings as Settings;
      if (!next.organizationName.trim()) {
        throw { code: 'invalid_input', field: 'organizationName', message: 'Enter the organization name.' } satisfies ApiError;
      }
      if (!/^https:\/\/[^/\s]+/.test(next.idpBaseUrl.trim())) {
        throw {
          code: 'invalid_input',
          field: 'idpBaseUrl',
          message: 'The IdP base URL must be an absolute https:// URL, like https://sso.example.com.',
        } satisfies ApiError;
      }
      settings = { organizationName: next.organizationName.trim(), idpBaseUrl: next.idpBaseUrl.trim().replace(/\/+$/, '') };
      return settings;
    }
    case 'catalog_list':
      return catalog;
    case 'events_list': {
      const q = a.query as EventQuery;
      const filtered = events.filter(
        (e) => (!q.appId || e.appId === q.appId) && (!q.name || e.name === q.name) && (!q.outcome || e.outcome === q.outcome),
      );
      const start = (q.page - 1) * q.pageSize;
      return { items: filtered.slice(start, start + q.pageSize), total: filtered.length, page: q.page, pageSize: q.pageSize } satisfies EventPage;
    }
    case 'event_names':
      return [...new Set(events.map((e) => e.name))].sort();
    default:
      throw { code: 'internal', message: `fake IPC: unknown command ${command}` } satisfies ApiError;
  }
}
