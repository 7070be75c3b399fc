//! Test data for the mapping editor, shaped like the generated bindings.

import type { ExprCatalog } from '../../bindings/ExprCatalog';
import type { Mapping } from '../../bindings/Mapping';
import type { MappingSet } from '../../bindings/MappingSet';
import type { Preview } from '../../bindings/Preview';

export const DISPLAY_NAME =
  "notNullOrEmpty(jcUser.displayname) ? jcUser.displayname : jcUser.firstname + ' ' + jcUser.lastname";

export const MAPPINGS: Mapping[] = [
  { target: 'userName', kind: 'direct', source: 'username', required: true },
  { target: 'title', kind: 'direct', source: 'jobTitle', required: false },
  { target: 'displayName', kind: 'expression', source: DISPLAY_NAME, required: false },
  { target: '$enterpriseUser.organization', kind: 'constant', source: 'Northwind', required: false },
];

export function mappingSet(over: Partial<MappingSet> = {}): MappingSet {
  return { mappings: MAPPINGS, isDefault: true, issues: [], ...over };
}

export const CATALOG: ExprCatalog = {
  functions: [{ name: 'notNullOrEmpty', signature: 'notNullOrEmpty(v) bool', doc: 'false for nil and ""' }],
  methods: [],
  userFields: ['username', 'firstname', 'lastname', 'displayname', 'jobTitle', 'department'],
  directFields: ['username', 'firstname', 'lastname', 'displayname', 'jobTitle', 'department'],
  targets: ['userName', 'title', 'displayName', 'name.givenName'],
};

/** A preview computed the way the core would, closely enough: constants and a few fields. */
export function previewOf(mappings: Mapping[]): Preview {
  const user: Record<string, string> = {
    username: 'ada.lovelace',
    jobTitle: 'Principal Engineer',
    department: 'Engineering',
    firstname: 'Ada',
    lastname: 'Lovelace',
  };
  const resource: Record<string, unknown> = { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'] };
  const values = mappings.map((m) => {
    if (m.kind === 'expression' && m.source.includes('nmae')) {
      const column = m.source.indexOf('nmae') + 1;
      return { target: m.target, value: null, error: { message: 'jcUser has no field nmae', line: 1, column } };
    }
    const value = m.kind === 'constant' ? m.source : m.kind === 'direct' ? (user[m.source] ?? null) : 'Ada Lovelace';
    if (value !== null) resource[m.target] = value;
    return { target: m.target, value, error: null };
  });
  return {
    userId: 'usr_ada',
    username: 'ada.lovelace',
    resource: resource as Preview['resource'],
    values,
    errors: values.filter((v) => v.error).map((v) => ({ target: v.target, message: `1:${v.error!.column}: ${v.error!.message}` })),
    issues: [],
  };
}
