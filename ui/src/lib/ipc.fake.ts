//! Dev-only stand-in for the Rust core, so the UI can be previewed in a plain browser
//! (`VITE_FAKE_IPC=1 npm run dev`). ipc.ts reaches it only as `virtual:gatehouse-fake-ipc`,
//! which vite.config.ts resolves to `null` in builds and tests. `?fake=store_too_new` (or
//! `store_unavailable`) in the page URL previews the start-up error screen; `?fake=empty`
//! starts with an empty directory (ipc.fake.directory.ts).

import type { ApiError } from '../bindings/ApiError';
import type { AppInfo } from '../bindings/AppInfo';
import type { CatalogSnapshot } from '../bindings/CatalogSnapshot';
import type { Connector } from '../bindings/Connector';
import type { Event } from '../bindings/Event';
import type { EventPage } from '../bindings/EventPage';
import type { EventQuery } from '../bindings/EventQuery';
import type { Settings } from '../bindings/Settings';
import { directoryCommand, initDirectory } from './ipc.fake.directory';
import { mappingsCommand } from './ipc.fake.mappings';

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

// The real connector files, loaded the way the Rust loader presents them (logo inlined).
const connectorFiles = import.meta.glob<Record<string, unknown>>('../../../connectors/*/connector.json', {
  eager: true,
  import: 'default',
});
const logoFiles = import.meta.glob<string>('../../../connectors/*/logo.svg', {
  eager: true,
  query: '?raw',
  import: 'default',
});

const connectors: Connector[] = Object.entries(connectorFiles)
  .map(([path, json]) => {
    const { $schema: _schema, ...rest } = json;
    const svg = logoFiles[path.replace('connector.json', 'logo.svg')];
    const logoDataUrl = svg ? `data:image/svg+xml;base64,${btoa(unescape(encodeURIComponent(svg)))}` : '';
    return { ...rest, logoDataUrl } as unknown as Connector;
  })
  .sort((a, b) => a.name.localeCompare(b.name));

const catalog: CatalogSnapshot = {
  connectors,
  // One made-up broken file, to preview the issues alert.
  issues: [
    {
      file: 'connectors/slack/connector.json',
      field: '/scim/mappings/3/target',
      message: 'unknown SCIM attribute "name.givenNme"',
    },
  ],
};

initDirectory(new URLSearchParams(window.location.search).get('fake') === 'empty');

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
    default: {
      const mappings = mappingsCommand(command, a, connectors, (c, args) => directoryCommand(c, args, connectors, settings.idpBaseUrl));
      if (mappings !== undefined) return mappings;
      const answer = directoryCommand(command, a, connectors, settings.idpBaseUrl);
      if (answer !== undefined) return answer;
      throw { code: 'internal', message: `fake IPC: unknown command ${command}` } satisfies ApiError;
    }
  }
}
