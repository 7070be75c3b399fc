//! Realistic IPC answers for tests, shaped exactly like the generated bindings.

import type { AppInfo } from '../bindings/AppInfo';
import type { Application } from '../bindings/Application';
import type { CatalogSnapshot } from '../bindings/CatalogSnapshot';
import type { Connector } from '../bindings/Connector';
import type { Event } from '../bindings/Event';
import type { Group } from '../bindings/Group';
import type { Settings } from '../bindings/Settings';
import type { User } from '../bindings/User';
import type { UserDraft } from '../bindings/UserDraft';
import type { UserSummary } from '../bindings/UserSummary';

export const appInfo: AppInfo = {
  version: '0.1.0',
  dataDir: '/home/admin/.local/share/gatehouse',
  databasePath: '/home/admin/.local/share/gatehouse/gatehouse.db',
  logFile: '/home/admin/.local/share/gatehouse/gatehouse.log',
  schemaVersion: 1,
};

export const settings: Settings = { organizationName: 'Acme Corporation', idpBaseUrl: 'https://sso.acme.example' };

export function connector(id: string, name: string, description: string, over: Partial<Connector> = {}): Connector {
  return {
    id,
    name,
    description,
    logoDataUrl: 'data:image/svg+xml;base64,PHN2Zy8+',
    supports: { sso: true, jit: false, provisioning: true, groups: false, manualImport: false, deprovision: 'deactivate' },
    prerequisites: [],
    considerations: [],
    sso: null,
    scim: null,
    setup: { sso: [], scim: [] },
    ...over,
  };
}

export const catalog: CatalogSnapshot = {
  connectors: [
    connector('15five', '15Five', 'Performance management: check-ins, 1-on-1s, reviews and OKRs.', {
      supports: { sso: true, jit: true, provisioning: true, groups: true, manualImport: true, deprovision: 'deactivate' },
    }),
    connector('alexishr', 'AlexisHR', 'HR platform for employee data, time off and onboarding.', {
      supports: { sso: true, jit: false, provisioning: true, groups: true, manualImport: false, deprovision: 'delete' },
    }),
    connector('hoxhunt', 'Hoxhunt', 'Security awareness training with phishing simulations.'),
  ],
  issues: [],
};

export function event(id: number, over: Partial<Event> = {}): Event {
  return {
    id,
    at: new Date(Date.UTC(2026, 10, 26, 9, 0, 0) - id * 60_000).toISOString(),
    name: 'user_update_provision',
    appId: 'app_15five',
    appLabel: '15Five',
    subject: { kind: 'user', id: `usr_${id}`, label: `User ${id}` },
    outcome: 'success',
    actor: 'sync',
    detail: { request: { method: 'PATCH', path: `/Users/${id}` }, status: 200 },
    ...over,
  };
}

export function userDraft(over: Partial<UserDraft> = {}): UserDraft {
  return {
    username: 'ada',
    email: 'ada@northwind.example',
    firstname: 'Ada',
    middlename: '',
    lastname: 'Lovelace',
    displayname: '',
    jobTitle: 'Principal Engineer',
    employeeIdentifier: '',
    employeeType: '',
    department: 'Engineering',
    costCenter: '',
    company: '',
    manager: '',
    location: '',
    description: '',
    locale: '',
    preferredLanguage: '',
    addresses: [],
    phoneNumbers: [],
    customAttributes: {},
    state: 'active',
    ...over,
  };
}

export function user(id: string, over: Partial<User> = {}): User {
  return {
    id,
    createdAt: '2026-11-20T09:00:00Z',
    updatedAt: '2026-11-20T09:00:00Z',
    ...userDraft(),
    ...over,
  };
}

export function userSummary(id: string, username: string, name: string, over: Partial<UserSummary> = {}): UserSummary {
  return {
    id,
    username,
    email: `${username}@northwind.example`,
    name,
    jobTitle: '',
    department: '',
    state: 'active',
    createdAt: '2026-11-20T09:00:00Z',
    ...over,
  };
}

export function group(id: string, name: string, over: Partial<Group> = {}): Group {
  return {
    id,
    name,
    description: '',
    memberCount: 0,
    applications: [],
    createdAt: '2026-11-20T09:00:00Z',
    updatedAt: '2026-11-20T09:00:00Z',
    ...over,
  };
}

export function application(id: string, over: Partial<Application> = {}): Application {
  return {
    id,
    connectorId: '15five',
    connectorName: '15Five',
    idpUrlSuffix: '15five',
    idpUrl: 'https://sso.acme.example/saml2/15five',
    sso: true,
    provisioning: 'inactive',
    groups: [],
    createdAt: '2026-11-20T09:00:00Z',
    updatedAt: '2026-11-20T09:00:00Z',
    label: '15Five',
    description: '',
    portalImage: 'logo',
    portalColor: '#4a5dd6',
    showInPortal: true,
    ...over,
  };
}
