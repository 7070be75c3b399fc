//! Dev-only: attribute mappings for the fake core in ipc.fake.ts, with a small evaluator of
//! the Expr mapping language (enough for the reference's expressions and for showing errors
//! at a line and column). Only ipc.fake.ts imports this module, so builds and tests never
//! contain it. The real rules live in the Rust core; this only has to look right.

import type { ApiError } from '../bindings/ApiError';
import type { Application } from '../bindings/Application';
import type { Connector } from '../bindings/Connector';
import type { ExprCatalog } from '../bindings/ExprCatalog';
import type { Mapping } from '../bindings/Mapping';
import type { MappingIssue } from '../bindings/MappingIssue';
import type { MappingSet } from '../bindings/MappingSet';
import type { MappingValue } from '../bindings/MappingValue';
import type { Preview } from '../bindings/Preview';
import type { User } from '../bindings/User';
import type { UserPage } from '../bindings/UserPage';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Directory = (command: string, args: Record<string, unknown>) => unknown;

const URN = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const USER_FIELDS = [
  'id', 'username', 'email', 'firstname', 'middlename', 'lastname', 'displayname', 'jobTitle', 'employeeIdentifier',
  'employeeType', 'department', 'costCenter', 'company', 'manager', 'location', 'description', 'addresses',
  'phoneNumbers', 'locale', 'preferredLanguage', 'customAttributes', 'state',
];
const CORE = ['userName', 'name', 'displayName', 'nickName', 'profileUrl', 'title', 'userType', 'preferredLanguage', 'locale', 'timezone', 'active', 'emails', 'phoneNumbers', 'addresses', 'externalId'];
const NAME_SUBS = ['formatted', 'familyName', 'givenName', 'middleName', 'honorificPrefix', 'honorificSuffix'];
const ENTERPRISE = ['employeeNumber', 'costCenter', 'organization', 'division', 'department', 'manager'];
const MULTI = new Set(['emails', 'phoneNumbers', 'addresses']);

const FUNCTIONS: [string, string, string][] = [
  ['notNullOrEmpty', 'notNullOrEmpty(v) bool', 'false for nil, "", [] and {}; true otherwise'],
  ['toScimEmails', 'toScimEmails(email) array', 'a SCIM emails list with one primary work address (nil for nil or "")'],
  ['toScimAddresses', 'toScimAddresses(address) array', 'SCIM addresses from a directory address or a list of them (the first is primary)'],
  ['toScimPhoneNumbers', 'toScimPhoneNumbers(phone) array', 'SCIM phoneNumbers from a directory phone {type, number} or a list of them'],
  ['find', 'find(array, predicate)', 'the first element that satisfies the predicate, or nil'],
  ['filter', 'filter(array, predicate) array', 'the elements that satisfy the predicate'],
  ['first', 'first(array)', 'the first element, or nil'],
  ['last', 'last(array)', 'the last element, or nil'],
  ['len', 'len(v) int', 'the length of a string, array or map'],
  ['upper', 'upper(s) string', 'upper-case'],
  ['lower', 'lower(s) string', 'lower-case'],
  ['trim', 'trim(s[, chars]) string', 'without leading and trailing blanks'],
  ['split', 'split(s, sep[, n]) array', 'the parts between separators'],
  ['join', 'join(array[, sep]) string', 'the elements joined with the separator'],
  ['replace', 'replace(s, old, new[, n]) string', 'with old replaced by new'],
  ['hasPrefix', 'hasPrefix(s, prefix) bool', 'whether s starts with prefix'],
  ['string', 'string(v) string', 'the value as text'],
];

const catalogOut = (): ExprCatalog => ({
  functions: FUNCTIONS.map(([name, signature, doc]) => ({ name, signature, doc })),
  methods: [{ name: 'Format', signature: 'Format(layout) string', doc: 'a date in a Go layout' }],
  userFields: USER_FIELDS,
  directFields: [
    ...USER_FIELDS.filter((f) => f !== 'customAttributes'),
    'active',
    ...['streetAddress', 'locality', 'region', 'postalCode', 'country'].map((f) => `addresses.${f}`),
    'phoneNumbers.number',
  ],
  targets: [
    ...CORE.flatMap((a) => (a === 'name' ? [a, ...NAME_SUBS.map((s) => `name.${s}`)] : MULTI.has(a) ? [a, `${a}[type eq "work"].value`] : [a])),
    ...ENTERPRISE.map((e) => `$enterpriseUser.${e}`),
  ],
});

const fail = (message: string, field?: string): never => {
  throw (field ? { code: 'invalid_input', message, field } : { code: 'invalid_input', message }) satisfies ApiError;
};

// ---- The expression language (a small subset of Expr) ----------------------------------

class ExprFail extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

type Tok = { kind: 'id' | 'str' | 'num' | 'op' | 'eof'; text: string; at: number };
type Node =
  | { t: 'lit'; v: Json; at: number }
  | { t: 'var'; name: string; at: number }
  | { t: 'member'; obj: Node; name: string; at: number }
  | { t: 'call'; name: string; args: Node[]; at: number }
  | { t: 'un'; op: string; x: Node; at: number }
  | { t: 'bin'; op: string; l: Node; r: Node; at: number }
  | { t: 'cond'; c: Node; a: Node; b: Node; at: number };

function lex(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) { i += 1; continue; }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let s = '';
      while (j < src.length && src[j] !== c) { if (src[j] === '\\') j += 1; s += src[j]; j += 1; }
      if (j >= src.length) throw new ExprFail('unterminated string', i);
      out.push({ kind: 'str', text: s, at: i });
      i = j + 1;
      continue;
    }
    const num = /^\d+(\.\d+)?/.exec(src.slice(i));
    if (num) { out.push({ kind: 'num', text: num[0], at: i }); i += num[0].length; continue; }
    const id = /^[A-Za-z_$#][\w$]*/.exec(src.slice(i));
    if (id) { out.push({ kind: 'id', text: id[0], at: i }); i += id[0].length; continue; }
    const op = ['??', '?.', '==', '!=', '<=', '>=', '&&', '||', '?', ':', '+', '-', '*', '/', '<', '>', '!', '.', ',', '(', ')', '[', ']'].find((o) => src.startsWith(o, i));
    if (!op) throw new ExprFail(`unexpected character ${JSON.stringify(c)}`, i);
    out.push({ kind: 'op', text: op, at: i });
    i += op.length;
  }
  out.push({ kind: 'eof', text: '', at: src.length });
  return out;
}

const BIN: Record<string, number> = { '??': 1, or: 2, '||': 2, and: 3, '&&': 3, '==': 4, '!=': 4, '<': 5, '>': 5, '<=': 5, '>=': 5, in: 5, '+': 6, '-': 6, '*': 7, '/': 7 };

function parse(src: string): Node {
  const toks = lex(src);
  let p = 0;
  const peek = () => toks[p];
  const describe = (t: Tok) => (t.kind === 'eof' ? 'end of expression' : t.kind === 'str' ? 'string' : `\`${t.text}\``);
  const expect = (text: string) => {
    if (peek().text !== text || peek().kind === 'str') throw new ExprFail(`expected \`${text}\`, found ${describe(peek())}`, peek().at);
    p += 1;
  };
  const postfix = (n: Node): Node => {
    for (;;) {
      const t = peek();
      if (t.kind === 'op' && (t.text === '.' || t.text === '?.')) {
        p += 1;
        const name = peek();
        if (name.kind !== 'id') throw new ExprFail(`expected a field name, found ${describe(name)}`, name.at);
        p += 1;
        n = { t: 'member', obj: n, name: name.text, at: name.at };
      } else return n;
    }
  };
  const primary = (): Node => {
    const t = peek();
    p += 1;
    if (t.kind === 'str') return postfix({ t: 'lit', v: t.text, at: t.at });
    if (t.kind === 'num') return { t: 'lit', v: Number(t.text), at: t.at };
    if (t.kind === 'op' && t.text === '(') { const e = expr(0); expect(')'); return postfix(e); }
    if (t.kind === 'op' && (t.text === '!' || t.text === '-')) return { t: 'un', op: t.text, x: unary(), at: t.at };
    if (t.kind === 'op' && t.text === '.') {
      // Predicate shorthand: `.type` is `#.type`.
      p -= 1;
      return postfix({ t: 'var', name: '#', at: t.at });
    }
    if (t.kind === 'id') {
      if (t.text === 'not') return { t: 'un', op: '!', x: unary(), at: t.at };
      if (t.text === 'true' || t.text === 'false') return { t: 'lit', v: t.text === 'true', at: t.at };
      if (t.text === 'nil') return { t: 'lit', v: null, at: t.at };
      if (peek().text === '(' && peek().kind === 'op') {
        if (!FUNCTIONS.some(([f]) => f === t.text)) throw new ExprFail(`unknown function ${t.text}`, t.at);
        p += 1;
        const args: Node[] = [];
        while (!(peek().kind === 'op' && peek().text === ')')) {
          args.push(expr(0));
          if (peek().text === ',') p += 1;
          else break;
        }
        expect(')');
        return postfix({ t: 'call', name: t.text, args, at: t.at });
      }
      if (t.text !== 'jcUser' && t.text !== 'providerUser' && t.text !== '#') throw new ExprFail(`unknown name ${t.text}`, t.at);
      const n = postfix({ t: 'var', name: t.text, at: t.at });
      checkFields(n);
      return n;
    }
    throw new ExprFail(`unexpected ${describe(t)}`, t.at);
  };
  const unary = (): Node => primary();
  const expr = (min: number): Node => {
    let l = unary();
    for (;;) {
      const t = peek();
      if (t.kind === 'op' && t.text === '?' && min === 0) {
        p += 1;
        const a = expr(0);
        expect(':');
        const b = expr(0);
        l = { t: 'cond', c: l, a, b, at: t.at };
        continue;
      }
      const prec = t.kind === "str" || !Object.hasOwn(BIN, t.text) ? undefined : BIN[t.text];
      if (prec === undefined || prec <= min - 1 || prec < min) return l;
      p += 1;
      l = { t: 'bin', op: t.text, l, r: expr(prec + 1), at: t.at };
    }
  };
  const root = expr(0);
  if (peek().kind !== 'eof') throw new ExprFail(`unexpected ${describe(peek())}`, peek().at);
  return root;
}

function checkFields(n: Node) {
  if (n.t === 'member' && n.obj.t === 'var' && n.obj.name === 'jcUser' && !USER_FIELDS.includes(n.name)) {
    throw new ExprFail(`jcUser has no field ${n.name}`, n.at);
  }
  if (n.t === 'member') checkFields(n.obj);
}

const empty = (v: Json) => v === null || v === '' || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0);

function evaluate(n: Node, env: { jcUser: Json; providerUser: Json; '#'?: Json }): Json {
  switch (n.t) {
    case 'lit':
      return n.v;
    case 'var':
      return env[n.name as 'jcUser'] ?? null;
    case 'member': {
      const o = evaluate(n.obj, env);
      return o && typeof o === 'object' && !Array.isArray(o) ? (o[n.name] ?? null) : null;
    }
    case 'un': {
      const x = evaluate(n.x, env);
      if (n.op === '-') return typeof x === 'number' ? -x : fail2(`cannot negate ${typeof x}`, n.at);
      return !x;
    }
    case 'cond':
      return evaluate(n.c, env) ? evaluate(n.a, env) : evaluate(n.b, env);
    case 'bin': {
      if (n.op === '??') return evaluate(n.l, env) ?? evaluate(n.r, env);
      const l = evaluate(n.l, env);
      if (n.op === 'and' || n.op === '&&') return Boolean(l) && Boolean(evaluate(n.r, env));
      if (n.op === 'or' || n.op === '||') return Boolean(l) || Boolean(evaluate(n.r, env));
      const r = evaluate(n.r, env);
      if (n.op === '==') return JSON.stringify(l) === JSON.stringify(r);
      if (n.op === '!=') return JSON.stringify(l) !== JSON.stringify(r);
      if (n.op === '+') {
        if (typeof l === 'string' && typeof r === 'string') return l + r;
        if (typeof l === 'number' && typeof r === 'number') return l + r;
        return fail2(`invalid operation: ${kind(l)} + ${kind(r)}`, n.at);
      }
      if (typeof l !== 'number' || typeof r !== 'number') return fail2(`invalid operation: ${kind(l)} ${n.op} ${kind(r)}`, n.at);
      return n.op === '-' ? l - r : n.op === '*' ? l * r : n.op === '/' ? l / r : n.op === '<' ? l < r : n.op === '>' ? l > r : n.op === '<=' ? l <= r : l >= r;
    }
    case 'call':
      return call(n, env);
  }
}

const kind = (v: Json) => (v === null ? 'nil' : Array.isArray(v) ? 'array' : typeof v === 'object' ? 'map' : typeof v === 'number' ? 'int' : typeof v);
const fail2 = (m: string, at: number): never => {
  throw new ExprFail(m, at);
};

function call(n: Extract<Node, { t: 'call' }>, env: { jcUser: Json; providerUser: Json }): Json {
  const arg = (i: number) => (n.args[i] ? evaluate(n.args[i], env) : null);
  const list = (v: Json): Json[] => (Array.isArray(v) ? v : v === null ? [] : [v]);
  switch (n.name) {
    case 'notNullOrEmpty':
      return !empty(arg(0));
    case 'toScimEmails': {
      const e = arg(0);
      return empty(e) ? null : [{ value: e, type: 'work', primary: true }];
    }
    case 'toScimAddresses':
      return list(arg(0)).map((a, i) => {
        const o = (a ?? {}) as Record<string, Json>;
        return { type: o.type ?? 'work', streetAddress: o.streetAddress ?? '', locality: o.locality ?? '', region: o.region ?? '', postalCode: o.postalCode ?? '', country: o.country ?? '', primary: i === 0 };
      });
    case 'toScimPhoneNumbers':
      return list(arg(0)).map((p, i) => ({ value: (p as Record<string, Json>)?.number ?? null, type: (p as Record<string, Json>)?.type ?? 'work', primary: i === 0 }));
    case 'find':
    case 'filter': {
      const items = list(arg(0));
      const hit = items.filter((x) => Boolean(evaluate(n.args[1], { ...env, '#': x })));
      return n.name === 'find' ? (hit[0] ?? null) : hit;
    }
    case 'first':
      return list(arg(0))[0] ?? null;
    case 'last':
      return list(arg(0)).at(-1) ?? null;
    case 'len': {
      const v = arg(0);
      return typeof v === 'string' || Array.isArray(v) ? v.length : v && typeof v === 'object' ? Object.keys(v).length : 0;
    }
    case 'upper':
    case 'lower':
    case 'trim': {
      const v = arg(0);
      if (typeof v !== 'string') return fail2(`${n.name}: expected string, got ${kind(v)}`, n.at);
      return n.name === 'upper' ? v.toUpperCase() : n.name === 'lower' ? v.toLowerCase() : v.trim();
    }
    case 'split':
      return String(arg(0) ?? '').split(String(arg(1) ?? ''));
    case 'join':
      return list(arg(0)).map(String).join(String(arg(1) ?? ''));
    case 'replace':
      return String(arg(0) ?? '').split(String(arg(1))).join(String(arg(2)));
    case 'hasPrefix':
      return String(arg(0) ?? '').startsWith(String(arg(1) ?? ''));
    default:
      return arg(0) === null ? '' : String(arg(0));
  }
}

/** 1-based line and column (in characters) of an offset. */
function position(src: string, at: number): { line: number; column: number } {
  const before = [...src.slice(0, at)];
  const line = before.filter((c) => c === '\n').length + 1;
  const lastNl = before.lastIndexOf('\n');
  return { line, column: before.length - lastNl };
}

// ---- Mappings -------------------------------------------------------------------------

const saved = new Map<string, Mapping[]>();

function scimApp(directory: Directory, connectors: Connector[], id: string): { app: Application; connector: Connector } {
  const app = directory('application_get', { id }) as Application;
  const connector = connectors.find((c) => c.id === app.connectorId);
  if (!connector?.scim) fail(`${app.label} (${app.connectorName}) has no SCIM provisioning, so it has no attribute mappings.`, 'id');
  return { app, connector: connector! };
}

function defaults(c: Connector): Mapping[] {
  return c.scim!.mappings.map((d) => ({ target: d.target, kind: d.kind, source: d.directoryField ?? d.source, required: d.required }));
}

function targetProblem(t: string): string | null {
  const text = t.trim();
  if (!text) return 'Choose the SCIM attribute this mapping fills.';
  if (text.startsWith('$enterpriseUser.')) {
    const attr = text.slice('$enterpriseUser.'.length).split('.')[0];
    return ENTERPRISE.includes(attr) ? null : `'${attr}' is not an attribute of the enterprise extension.`;
  }
  const attr = text.split(/[.[]/)[0];
  if (ENTERPRISE.includes(attr)) return `${attr} belongs to the enterprise extension: write $enterpriseUser.${attr}.`;
  if (!CORE.some((c) => c.toLowerCase() === attr.toLowerCase())) {
    const near = CORE.find((c) => c.toLowerCase().startsWith(attr.toLowerCase().slice(0, 4)));
    return `'${attr}' is not an attribute of the SCIM User schema.${near ? ` Did you mean ${near}?` : ''}`;
  }
  return null;
}

function check(list: Mapping[], c: Connector): MappingIssue[] {
  const out: MappingIssue[] = [];
  const issue = (i: number | null, part: string, message: string, severity: 'error' | 'warning' = 'error', pos?: { line: number; column: number }): void => {
    out.push({ target: i === null ? '' : list[i].target, field: i === null ? 'mappings' : `mappings[${i}].${part}`, severity, message, line: pos?.line ?? null, column: pos?.column ?? null });
  };
  list.forEach((m, i) => {
    const tp = targetProblem(m.target);
    if (tp) issue(i, 'target', tp);
    if (list.slice(0, i).some((o) => o.target.trim().toLowerCase() === m.target.trim().toLowerCase() && m.target.trim())) {
      issue(i, 'target', `Mapping ${list.findIndex((o) => o.target.trim().toLowerCase() === m.target.trim().toLowerCase()) + 1} already fills ${m.target}: each attribute is mapped once.`);
    }
    if (m.kind === 'expression') {
      if (!m.source.trim()) issue(i, 'source', 'Write the expression.');
      else {
        try {
          parse(m.source);
        } catch (e) {
          if (e instanceof ExprFail) issue(i, 'source', e.message, 'error', position(m.source, e.at));
          else throw e;
        }
      }
    }
    if (m.kind === 'direct' && !m.source.trim()) issue(i, 'source', 'Choose the directory field.');
  });
  for (const d of c.scim!.mappings.filter((x) => x.required)) {
    if (!list.some((m) => m.target.trim().toLowerCase() === d.target.toLowerCase())) issue(null, '', `${d.target} is required by ${c.name} and cannot be removed.`);
  }
  return out;
}

function withRequired(list: Mapping[], c: Connector): Mapping[] {
  return list.map((m) => ({ ...m, required: c.scim!.mappings.some((d) => d.required && d.target.toLowerCase() === m.target.trim().toLowerCase()) }));
}

function readDirect(user: Record<string, Json>, source: string): Json {
  const s = source.trim();
  if (s === 'active') return user.state === 'active';
  const [head, sub] = s.split('.');
  if (sub && Array.isArray(user[head])) {
    const list = user[head] as Record<string, Json>[];
    return (list.find((x) => x.type === 'work') ?? list[0])?.[sub] ?? null;
  }
  if (s in user) return user[s];
  return ((user.customAttributes ?? {}) as Record<string, Json>)[s] ?? null;
}

function setPath(resource: Record<string, Json>, target: string, value: Json) {
  let t = target.trim();
  let obj = resource;
  if (t.startsWith('$enterpriseUser.')) {
    t = t.slice('$enterpriseUser.'.length);
    obj = (resource[URN] ??= {}) as Record<string, Json>;
    if (t === 'manager') value = { value };
  }
  const el = /^(\w+)\[type eq "(\w+)"\]\.(\w+)$/.exec(t);
  if (el) {
    const list = (obj[el[1]] ??= []) as Record<string, Json>[];
    let item = list.find((x) => x.type === el[2]);
    if (!item) list.push((item = { type: el[2] }));
    item[el[3]] = value;
    return;
  }
  const parts = t.split('.');
  for (const p of parts.slice(0, -1)) obj = (obj[p] ??= {}) as Record<string, Json>;
  obj[parts.at(-1)!] = value;
}

function preview(list: Mapping[], c: Connector, user: User): Preview {
  const u = user as unknown as Record<string, Json>;
  const values: MappingValue[] = list.map((m) => {
    try {
      let v: Json;
      if (m.kind === 'constant') v = m.source;
      else if (m.kind === 'direct') v = readDirect(u, m.source);
      else v = evaluate(parse(m.source), { jcUser: u, providerUser: {} });
      if (v !== null && MULTI.has(m.target.trim()) && !Array.isArray(v)) {
        throw new ExprFail(`${m.target} is multi-valued: the value must be a list, not ${kind(v)}`, -1);
      }
      return { target: m.target, value: empty(v) ? null : (v as Preview['resource']), error: null };
    } catch (e) {
      if (!(e instanceof ExprFail)) throw e;
      const pos = e.at >= 0 && m.kind === 'expression' ? position(m.source, e.at) : null;
      return { target: m.target, value: null, error: { message: e.message, line: pos?.line ?? null, column: pos?.column ?? null } };
    }
  });
  const resource: Record<string, Json> = { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'] };
  values.forEach((v, i) => {
    if (v.value !== null && !targetProblem(list[i].target)) setPath(resource, list[i].target, v.value as Json);
  });
  if (resource[URN]) (resource.schemas as Json[]).push(URN);
  if (!('active' in resource)) resource.active = user.state === 'active';
  return {
    userId: user.id,
    username: user.username,
    resource: resource as Preview['resource'],
    values,
    errors: values
      .filter((v) => v.error)
      .map((v) => ({ target: v.target, message: v.error!.line !== null ? `${v.error!.line}:${v.error!.column}: ${v.error!.message}` : v.error!.message })),
    issues: check(list, c),
  };
}

/** Answers a mappings command, or `undefined` when it is not one. */
export function mappingsCommand(command: string, a: Record<string, unknown>, connectors: Connector[], directory: Directory): unknown {
  const id = a.id as string;
  switch (command) {
    case 'expr_functions':
      return catalogOut();
    case 'mappings_get': {
      const { connector } = scimApp(directory, connectors, id);
      const list = saved.get(id);
      const mappings = list ? withRequired(list, connector) : defaults(connector);
      return { mappings, isDefault: !list, issues: check(mappings, connector) } satisfies MappingSet;
    }
    case 'mappings_save': {
      const { connector } = scimApp(directory, connectors, id);
      const list = withRequired((a.mappings as Mapping[]).map((m) => ({ ...m, target: m.target.trim() })), connector);
      const issues = check(list, connector);
      const e = issues.find((i) => i.severity === 'error');
      if (e) fail(e.line !== null ? `${e.line}:${e.column}: ${e.message}` : e.message, e.field);
      saved.set(id, list);
      return { mappings: list, isDefault: false, issues } satisfies MappingSet;
    }
    case 'mappings_restore': {
      const { connector } = scimApp(directory, connectors, id);
      saved.delete(id);
      const mappings = defaults(connector);
      return { mappings, isDefault: true, issues: check(mappings, connector) } satisfies MappingSet;
    }
    case 'mapping_preview': {
      const { connector } = scimApp(directory, connectors, id);
      const draft = a.draft as Mapping[] | null;
      const list = draft ? withRequired(draft, connector) : (saved.get(id) ?? defaults(connector));
      const wanted = String(a.user ?? '').trim();
      let user: User;
      if (wanted) user = directory('user_get', { id: wanted }) as User;
      else {
        const first = (directory('users_list', { query: { page: 1, pageSize: 1, sort: 'name', descending: false } }) as UserPage).items[0];
        if (!first) return fail('The directory has no users to preview.', 'user');
        user = directory('user_get', { id: first.id }) as User;
      }
      return preview(list, connector, user);
    }
    default:
      return undefined;
  }
}
