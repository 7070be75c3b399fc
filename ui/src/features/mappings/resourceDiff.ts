//! What differs between two SCIM resources (saved mappings vs the draft, for one user):
//! attributes added, removed or changed, by path. Objects are walked into (`name.givenName`,
//! the enterprise extension as `$enterpriseUser.department`); arrays are compared whole
//! (`emails`), since SCIM replaces a multi-valued attribute as one value.

import type { JsonValue } from '../../bindings/serde_json/JsonValue';

export const ENTERPRISE_URN = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

export type ResourceChange =
  | { kind: 'added'; path: string; after: JsonValue }
  | { kind: 'removed'; path: string; before: JsonValue }
  | { kind: 'changed'; path: string; before: JsonValue; after: JsonValue };

type Obj = { [key: string]: JsonValue };

function isObject(v: JsonValue | undefined): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function segment(prefix: string, key: string): string {
  if (!prefix && key === ENTERPRISE_URN) return '$enterpriseUser';
  return prefix ? `${prefix}.${key}` : key;
}

/** Deep equality of JSON values (object key order does not matter). */
export function sameJson(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => k in b && sameJson(a[k], b[k]));
  }
  return false;
}

/** Every difference from `before` to `after`, in the order the attributes appear (after's, then removed ones). */
export function diffResources(before: JsonValue | null | undefined, after: JsonValue | null | undefined): ResourceChange[] {
  const out: ResourceChange[] = [];
  walk('', before ?? {}, after ?? {}, out);
  return out;
}

function walk(path: string, before: JsonValue, after: JsonValue, out: ResourceChange[]) {
  if (isObject(before) && isObject(after)) {
    for (const key of Object.keys(after)) {
      const p = segment(path, key);
      if (after[key] === undefined) continue;
      if (!(key in before) || before[key] === undefined) out.push({ kind: 'added', path: p, after: after[key] });
      else walk(p, before[key], after[key], out);
    }
    for (const key of Object.keys(before)) {
      if (before[key] === undefined) continue;
      if (!(key in after) || after[key] === undefined) out.push({ kind: 'removed', path: segment(path, key), before: before[key] });
    }
    return;
  }
  if (!sameJson(before, after)) out.push({ kind: 'changed', path, before, after });
}

/** A JSON value on one line, for "old → new" (strings quoted, long values shortened). */
export function brief(v: JsonValue, max = 80): string {
  const text = JSON.stringify(v) ?? 'null';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
