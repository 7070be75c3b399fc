//! Dev-only: an in-memory directory (users, groups, applications) for the fake core in
//! ipc.fake.ts. Only that module imports this one, so builds and tests never contain it.
//! `?fake=empty` in the page URL starts with an empty directory (the first-run panel).

import type { ApiError } from '../bindings/ApiError';
import type { Application } from '../bindings/Application';
import type { Connector } from '../bindings/Connector';
import type { CsvImportReport } from '../bindings/CsvImportReport';
import type { EffectiveUserPage } from '../bindings/EffectiveUserPage';
import type { GeneralInfo } from '../bindings/GeneralInfo';
import type { Group } from '../bindings/Group';
import type { GroupDraft } from '../bindings/GroupDraft';
import type { NewApplication } from '../bindings/NewApplication';
import type { User } from '../bindings/User';
import type { UserDraft } from '../bindings/UserDraft';
import type { UserPage } from '../bindings/UserPage';
import type { UserQuery } from '../bindings/UserQuery';
import type { UserState } from '../bindings/UserState';
import type { UserSummary } from '../bindings/UserSummary';

type Row = { id: string; name: string; description: string; createdAt: string; updatedAt: string };
type AppRow = Omit<Application, 'groups' | 'connectorName' | 'sso' | 'provisioning' | 'idpUrl'> & {
  bound: Map<string, string>;
};

const PEOPLE: [string, string, string, string][] = [
  ['Ada', 'Lovelace', 'Principal Engineer', 'Engineering'],
  ['Grace', 'Hopper', 'VP Engineering', 'Engineering'],
  ['Alan', 'Turing', 'Staff Engineer', 'Engineering'],
  ['Katherine', 'Johnson', 'Data Scientist', 'Engineering'],
  ['Margaret', 'Hamilton', 'Engineering Manager', 'Engineering'],
  ['Dennis', 'Ritchie', 'Senior Engineer', 'Engineering'],
  ['Barbara', 'Liskov', 'Architect', 'Engineering'],
  ['Radia', 'Perlman', 'Network Engineer', 'IT'],
  ['Ken', 'Thompson', 'IT Administrator', 'IT'],
  ['Frances', 'Allen', 'Security Lead', 'IT'],
  ['Hedy', 'Lamarr', 'Account Executive', 'Sales'],
  ['Jean', 'Bartik', 'Sales Director', 'Sales'],
  ['Mary', 'Jackson', 'Account Executive', 'Sales'],
  ['Dorothy', 'Vaughan', 'Customer Success Manager', 'Sales'],
  ['Evelyn', 'Boyd', 'Head of People', 'People'],
  ['Sophie', 'Wilson', 'Recruiter', 'People'],
  ['John', 'Backus', 'Controller', 'Finance'],
  ['Karen', 'Spärck Jones', 'Financial Analyst', 'Finance'],
  ['Edsger', 'Dijkstra', 'Product Manager', 'Product'],
  ['Lynn', 'Conway', 'Designer', 'Product'],
  ['Carol', 'Shaw', 'Marketing Lead', 'Marketing'],
  ['Anita', 'Borg', 'CEO', 'Executive'],
];
const GROUPS: [string, string][] = [
  ['All Staff', 'Everyone at Northwind'],
  ['Engineering', 'Engineers and engineering managers'],
  ['IT', 'IT and security'],
  ['Sales', 'Sales and customer success'],
  ['People', 'People operations'],
  ['Contractors', 'External contractors with limited access'],
];

const users = new Map<string, User>();
const groups = new Map<string, Row>();
const members = new Map<string, Set<string>>();
const apps = new Map<string, AppRow>();
let seq = 1000;
const newId = (p: string) => `${p}_${(seq++).toString(36)}`;
const now = () => new Date().toISOString();

const fail = (code: ApiError['code'], message: string, field?: string): never => {
  throw (field ? { code, message, field } : { code, message }) satisfies ApiError;
};

export function emptyDraft(): UserDraft {
  return {
    username: '',
    email: '',
    firstname: '',
    middlename: '',
    lastname: '',
    displayname: '',
    jobTitle: '',
    employeeIdentifier: '',
    employeeType: '',
    department: '',
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
  };
}

function loadSample() {
  PEOPLE.forEach(([first, last, title, dept], i) => {
    const username = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
    const at = new Date(Date.UTC(2026, 9, 1 + i)).toISOString();
    const id = newId('usr');
    users.set(id, {
      ...emptyDraft(),
      id,
      createdAt: at,
      updatedAt: at,
      username,
      email: `${username}@northwind.example`,
      firstname: first,
      lastname: last,
      displayname: i % 5 === 0 ? '' : `${first} ${last}`,
      jobTitle: title,
      department: dept,
      company: 'Northwind',
      employeeIdentifier: `E${1000 + i}`,
      employeeType: i % 7 === 6 ? 'Contractor' : 'Full-time',
      location: i % 2 ? 'London' : 'San Francisco',
      locale: i % 2 ? 'en-GB' : 'en-US',
      addresses: i % 4 === 3 ? [] : [
        { type: 'work', streetAddress: '1 Market St', poBox: '', locality: 'San Francisco', region: 'CA', postalCode: '94105', country: 'US' },
      ],
      phoneNumbers: [{ type: 'work', number: `+1 415 555 0${100 + i}` }],
      customAttributes: i % 3 === 0 ? { slackHandle: `@${first.toLowerCase()}` } : {},
      state: i === 6 ? 'suspended' : i === 13 ? 'password_expired' : 'active',
    });
  });
  const ids = [...users.values()];
  for (const [name, description] of GROUPS) {
    const id = newId('grp');
    groups.set(id, { id, name, description, createdAt: now(), updatedAt: now() });
    const set = new Set(
      ids
        .filter((u) => name === 'All Staff' || u.department === name || (name === 'Contractors' && u.employeeType === 'Contractor'))
        .map((u) => u.id),
    );
    members.set(id, set);
  }
}

export function initDirectory(empty: boolean) {
  if (empty) return;
  loadSample();
  const engineering = [...groups.values()].find((g) => g.name === 'Engineering')!;
  const all = [...groups.values()].find((g) => g.name === 'All Staff')!;
  const base: Omit<AppRow, 'id' | 'connectorId' | 'label' | 'idpUrlSuffix'> = {
    description: '',
    portalImage: 'logo',
    portalColor: '#4a5dd6',
    showInPortal: true,
    createdAt: now(),
    updatedAt: now(),
    bound: new Map(),
  };
  const a1 = newId('app');
  apps.set(a1, { ...base, id: a1, connectorId: '15five', label: '15Five', idpUrlSuffix: '15five', bound: new Map([[engineering.id, now()]]) });
  const a2 = newId('app');
  apps.set(a2, { ...base, id: a2, connectorId: 'hoxhunt', label: 'Hoxhunt security training', idpUrlSuffix: 'hoxhunt', bound: new Map([[all.id, now()]]) });
  const a3 = newId('app');
  apps.set(a3, { ...base, id: a3, connectorId: 'custom-saml', label: 'Internal wiki', idpUrlSuffix: 'wiki', portalImage: 'color', portalColor: '#12b886' });
}

function displayName(u: UserDraft): string {
  return u.displayname || [u.firstname, u.lastname].filter(Boolean).join(' ') || u.username;
}

function summary(u: User): UserSummary {
  return { id: u.id, username: u.username, email: u.email, name: displayName(u), jobTitle: u.jobTitle, department: u.department, state: u.state, createdAt: u.createdAt };
}

function findUser(idOrName: string): User {
  const u = users.get(idOrName) ?? [...users.values()].find((x) => x.username.toLowerCase() === idOrName.toLowerCase());
  return u ?? fail('not_found', `No user '${idOrName}'.`);
}

function validateUser(d: UserDraft, selfId?: string): UserDraft {
  const clean = { ...d, username: d.username.trim(), email: d.email.trim() };
  if (!clean.username) fail('invalid_input', 'Username is required.', 'username');
  if (!/^[\p{L}\p{N}._\-@+]+$/u.test(clean.username)) fail('invalid_input', 'Username may contain only letters, digits and . _ - @ + (no spaces).', 'username');
  if (!clean.email) fail('invalid_input', 'Email is required.', 'email');
  if (!/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(clean.email)) fail('invalid_input', `'${clean.email}' is not a valid email address.`, 'email');
  clean.phoneNumbers.forEach((p, i) => {
    if (!/\d{3}/.test(p.number.replace(/\D/g, ''))) fail('invalid_input', 'Phone number must contain digits (and only + - ( ) . x or spaces).', `phoneNumbers[${i}].number`);
  });
  for (const k of Object.keys(clean.customAttributes)) {
    if (!/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(k)) fail('invalid_input', `Custom attribute name '${k}' must start with a letter and use only letters, digits and _.`, `customAttributes.${k}`);
  }
  const taken = [...users.values()].find((u) => u.id !== selfId && u.username.toLowerCase() === clean.username.toLowerCase());
  if (taken) fail('conflict', `The username '${clean.username}' is already taken (usernames ignore case).`, 'username');
  return clean;
}

function listUsers(q: UserQuery): UserPage {
  const text = q.search?.trim().toLowerCase();
  let rows = [...users.values()];
  if (q.groupId) {
    const set = members.get(q.groupId) ?? new Set();
    rows = rows.filter((u) => set.has(u.id));
  }
  if (text) rows = rows.filter((u) => `${displayName(u)} ${u.username} ${u.email}`.toLowerCase().includes(text));
  const key = (u: User) =>
    q.sort === 'name' ? displayName(u).toLowerCase() : q.sort === 'created' ? u.createdAt : q.sort === 'state' ? u.state : u[q.sort].toLowerCase();
  rows.sort((a, b) => key(a).localeCompare(key(b)) * (q.descending ? -1 : 1));
  const start = (q.page - 1) * q.pageSize;
  return { items: rows.slice(start, start + q.pageSize).map(summary), total: rows.length, page: q.page, pageSize: q.pageSize };
}

function findGroup(idOrName: string): Row {
  const g = groups.get(idOrName) ?? [...groups.values()].find((x) => x.name.toLowerCase() === idOrName.toLowerCase());
  return g ?? fail('not_found', `No user group '${idOrName}'.`);
}

function groupOut(g: Row): Group {
  return {
    ...g,
    memberCount: members.get(g.id)?.size ?? 0,
    applications: [...apps.values()]
      .filter((a) => a.bound.has(g.id))
      .map((a) => ({ id: a.id, label: a.label, connectorId: a.connectorId })),
  };
}

function validateGroup(d: GroupDraft, selfId?: string): GroupDraft {
  const name = d.name.trim();
  if (!name) fail('invalid_input', 'Group name is required.', 'name');
  if ([...groups.values()].some((g) => g.id !== selfId && g.name.toLowerCase() === name.toLowerCase())) {
    fail('conflict', `A group named '${name}' already exists.`, 'name');
  }
  return { name, description: d.description.trim() };
}

function appOut(a: AppRow, connectors: Connector[], base: string): Application {
  const c = connectors.find((x) => x.id === a.connectorId);
  const { bound, ...rest } = a;
  return {
    ...rest,
    connectorName: c?.name ?? `${a.connectorId} (connector missing)`,
    idpUrl: `${base}/saml2/${a.idpUrlSuffix}`,
    sso: c?.supports.sso ?? false,
    provisioning: c?.supports.provisioning ? (a.connectorId === 'hoxhunt' ? 'active' : 'inactive') : 'unsupported',
    groups: [...bound].map(([id, boundAt]) => {
      const g = groups.get(id)!;
      return { id, name: g.name, memberCount: members.get(id)?.size ?? 0, boundAt };
    }),
  };
}

function slug(label: string): string {
  const s = label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 56);
  return s || 'app';
}

function suggest(label: string): string {
  const base = slug(label);
  let c = base;
  for (let n = 2; [...apps.values()].some((a) => a.idpUrlSuffix === c); n++) c = `${base}-${n}`;
  return c;
}

function validateGeneral(g: GeneralInfo): GeneralInfo {
  if (!g.label.trim()) fail('invalid_input', 'Display label is required.', 'label');
  if (!/^#[0-9a-f]{6}$/i.test(g.portalColor)) fail('invalid_input', 'Colour must be written as #rrggbb.', 'portalColor');
  return { ...g, label: g.label.trim(), description: g.description.trim() };
}

function findApp(id: string): AppRow {
  return apps.get(id) ?? fail('not_found', `No application '${id}'.`);
}

function importCsv(csv: string): CsvImportReport {
  const lines = csv.split(/\r?\n/).filter((l) => l.trim());
  const header = (lines[0] ?? '').split(',').map((h) => h.trim());
  const errors: CsvImportReport['errors'] = [];
  const drafts: UserDraft[] = [];
  const known = new Set(Object.keys(emptyDraft()));
  header.forEach((h) => {
    if (!known.has(h) && !/^(phone|address|custom)\./.test(h)) errors.push({ line: 1, field: h, message: `Unknown column '${h}'.` });
  });
  lines.slice(1).forEach((line, i) => {
    const cells = line.split(',');
    const d = emptyDraft() as unknown as Record<string, string>;
    header.forEach((h, j) => {
      if (known.has(h) && typeof d[h] === 'string') d[h] = (cells[j] ?? '').trim();
    });
    const draft = d as unknown as UserDraft;
    try {
      validateUser(draft);
      drafts.push(draft);
    } catch (e) {
      const err = e as ApiError;
      errors.push({ line: i + 2, field: err.field ?? '', message: err.message });
    }
  });
  if (errors.length === 0) {
    for (const d of drafts) {
      const id = newId('usr');
      users.set(id, { ...d, id, createdAt: now(), updatedAt: now() });
    }
  }
  return { imported: errors.length ? 0 : drafts.length, rows: lines.length - 1, errors, truncated: false };
}

/** Answers a directory/applications command, or `undefined` when it is not one. */
export function directoryCommand(
  command: string,
  a: Record<string, unknown>,
  connectors: Connector[],
  idpBase: string,
): unknown {
  const id = a.id as string;
  switch (command) {
    case 'directory_is_empty':
      return users.size + groups.size + apps.size === 0;
    case 'sample_load':
      if (users.size + groups.size + apps.size > 0) fail('conflict', 'The sample organization can only be loaded into an empty directory.', 'sample');
      loadSample();
      return null;
    case 'users_list':
      return listUsers(a.query as UserQuery);
    case 'user_get':
      return findUser(id);
    case 'user_groups': {
      const u = findUser(id);
      return [...groups.values()].filter((g) => members.get(g.id)?.has(u.id)).map((g) => ({ id: g.id, name: g.name }));
    }
    case 'user_create': {
      const d = validateUser(a.draft as UserDraft);
      const uid = newId('usr');
      const u = { ...d, id: uid, createdAt: now(), updatedAt: now() };
      users.set(uid, u);
      return u;
    }
    case 'user_update': {
      const prev = findUser(id);
      const d = validateUser(a.draft as UserDraft, prev.id);
      const u = { ...prev, ...d, updatedAt: now() };
      users.set(prev.id, u);
      return u;
    }
    case 'user_set_state': {
      const prev = findUser(id);
      const u = { ...prev, state: a.userState as UserState, updatedAt: now() };
      users.set(prev.id, u);
      return u;
    }
    case 'user_delete': {
      const u = findUser(id);
      users.delete(u.id);
      for (const set of members.values()) set.delete(u.id);
      return null;
    }
    case 'users_import_csv':
      return importCsv(a.csv as string);
    case 'groups_list': {
      const text = (a.search as string | null)?.trim().toLowerCase();
      return [...groups.values()]
        .filter((g) => !text || `${g.name} ${g.description}`.toLowerCase().includes(text))
        .sort((x, y) => x.name.localeCompare(y.name))
        .map(groupOut);
    }
    case 'group_get':
      return groupOut(findGroup(id));
    case 'group_create': {
      const d = validateGroup(a.draft as GroupDraft);
      const gid = newId('grp');
      const g = { id: gid, ...d, createdAt: now(), updatedAt: now() };
      groups.set(gid, g);
      members.set(gid, new Set());
      return groupOut(g);
    }
    case 'group_update': {
      const prev = findGroup(id);
      const g = { ...prev, ...validateGroup(a.draft as GroupDraft, prev.id), updatedAt: now() };
      groups.set(prev.id, g);
      return groupOut(g);
    }
    case 'group_delete': {
      const g = findGroup(id);
      groups.delete(g.id);
      members.delete(g.id);
      for (const app of apps.values()) app.bound.delete(g.id);
      return null;
    }
    case 'group_members_add':
    case 'group_members_remove': {
      const g = findGroup(id);
      const ids = a.userIds as string[];
      if (ids.length === 0) fail('invalid_input', 'Choose at least one user.', 'members');
      const set = members.get(g.id)!;
      let n = 0;
      for (const uid of ids) {
        const u = findUser(uid);
        if (command === 'group_members_add' ? !set.has(u.id) : set.has(u.id)) n++;
        if (command === 'group_members_add') set.add(u.id);
        else set.delete(u.id);
      }
      return n;
    }
    case 'applications_list':
      return [...apps.values()].sort((x, y) => x.label.localeCompare(y.label)).map((x) => appOut(x, connectors, idpBase));
    case 'application_get':
      return appOut(findApp(id), connectors, idpBase);
    case 'application_suggest_suffix':
      return suggest(a.label as string);
    case 'application_create': {
      const n = a.app as NewApplication;
      if (!connectors.some((c) => c.id === n.connectorId)) fail('invalid_input', `No connector '${n.connectorId}' in the catalog.`, 'connectorId');
      const general = validateGeneral(n.general);
      const suffix = n.idpUrlSuffix.trim() || suggest(general.label);
      if (!/^[a-z0-9][a-z0-9-]*$/.test(suffix)) fail('invalid_input', 'Use lower-case letters, digits and dashes.', 'idpUrlSuffix');
      if ([...apps.values()].some((x) => x.idpUrlSuffix === suffix)) fail('conflict', `Another application already uses the IdP URL value '${suffix}'.`, 'idpUrlSuffix');
      const aid = newId('app');
      const row: AppRow = { ...general, id: aid, connectorId: n.connectorId, idpUrlSuffix: suffix, createdAt: now(), updatedAt: now(), bound: new Map() };
      apps.set(aid, row);
      return appOut(row, connectors, idpBase);
    }
    case 'application_update_general': {
      const row = findApp(id);
      Object.assign(row, validateGeneral(a.general as GeneralInfo), { updatedAt: now() });
      return appOut(row, connectors, idpBase);
    }
    case 'applications_delete': {
      const ids = [...new Set(a.ids as string[])];
      if (String(a.typedCount).trim() !== String(ids.length)) {
        fail('invalid_input', `Type ${ids.length} to confirm deleting ${ids.length} application(s).`, 'confirmation');
      }
      ids.forEach((x) => apps.delete(x));
      return ids.length;
    }
    case 'application_bind_group':
    case 'application_unbind_group': {
      const row = findApp(id);
      const g = findGroup(a.groupId as string);
      const bind = command === 'application_bind_group';
      if (bind === row.bound.has(g.id)) fail('invalid_input', `Group '${g.name}' ${bind ? 'is already' : 'is not'} bound to ${row.label}.`, 'group');
      if (bind) row.bound.set(g.id, now());
      else row.bound.delete(g.id);
      return appOut(row, connectors, idpBase);
    }
    case 'application_effective_users': {
      const row = findApp(id);
      const granted = new Map<string, string[]>();
      for (const gid of row.bound.keys()) {
        for (const uid of members.get(gid) ?? []) granted.set(uid, [...(granted.get(uid) ?? []), groups.get(gid)!.name]);
      }
      const all = [...granted].map(([uid, by]) => {
        const u = users.get(uid)!;
        return { id: uid, username: u.username, email: u.email, name: displayName(u), state: u.state, grantedBy: by.sort() };
      });
      all.sort((x, y) => x.name.localeCompare(y.name));
      const page = a.page as number;
      const pageSize = a.pageSize as number;
      return { items: all.slice((page - 1) * pageSize, page * pageSize), total: all.length, page, pageSize } satisfies EffectiveUserPage;
    }
    default:
      return undefined;
  }
}
