//! SCIM targets and directory fields offered by the row editors: the common attributes
//! first (the ones the reference tables use), then every other path the core knows.

import type { ExprCatalog } from '../../bindings/ExprCatalog';

export const COMMON_TARGETS = [
  'userName',
  'name.givenName',
  'name.familyName',
  'displayName',
  'title',
  'userType',
  'externalId',
  'locale',
  'preferredLanguage',
  'emails',
  'phoneNumbers',
  'addresses',
  'active',
  '$enterpriseUser.department',
  '$enterpriseUser.costCenter',
  '$enterpriseUser.organization',
  '$enterpriseUser.employeeNumber',
  '$enterpriseUser.manager',
];

export type OptionGroup = { group: string; items: string[] };

/** Autocomplete groups: common paths, then the catalog's others; targets already mapped elsewhere are left out. */
export function targetOptions(catalog: ExprCatalog | undefined, taken: ReadonlySet<string>): OptionGroup[] {
  const free = (t: string) => !taken.has(t.toLowerCase());
  const common = COMMON_TARGETS.filter(free);
  const seen = new Set(COMMON_TARGETS.map((t) => t.toLowerCase()));
  const more = (catalog?.targets ?? []).filter((t) => !seen.has(t.toLowerCase()) && free(t));
  return [
    { group: 'Common', items: common },
    ...(more.length ? [{ group: 'All SCIM attributes', items: more }] : []),
  ].filter((g) => g.items.length > 0);
}

/** Directory fields for a direct mapping (`directFields`, else `userFields`), plus the current value if custom. */
export function directOptions(catalog: ExprCatalog | undefined, current: string): string[] {
  const fields = catalog?.directFields.length ? catalog.directFields : (catalog?.userFields ?? []);
  return current && !fields.includes(current) ? [current, ...fields] : fields;
}
