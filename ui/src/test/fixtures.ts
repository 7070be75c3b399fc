//! Realistic IPC answers for tests, shaped exactly like the generated bindings.

import type { AppInfo } from '../bindings/AppInfo';
import type { CatalogSnapshot } from '../bindings/CatalogSnapshot';
import type { Connector } from '../bindings/Connector';
import type { Event } from '../bindings/Event';
import type { Settings } from '../bindings/Settings';

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
