//! The user form's model: a `UserDraft` with list rows that carry a stable key (so rows keep
//! their identity as others are removed), custom attributes as name/value rows, and the
//! mapping from the core's field names (`addresses[0].type`, `customAttributes.x`) to the
//! form's paths, so each server error lands on its input.

import { randomId } from '@mantine/hooks';
import type { Address } from '../../bindings/Address';
import type { PhoneNumber } from '../../bindings/PhoneNumber';
import type { UserDraft } from '../../bindings/UserDraft';

export type AddressRow = Address & { key: string };
export type PhoneRow = PhoneNumber & { key: string };
export type AttributeRow = { key: string; name: string; value: string };

export type UserFormValues = Omit<UserDraft, 'addresses' | 'phoneNumbers' | 'customAttributes'> & {
  addresses: AddressRow[];
  phoneNumbers: PhoneRow[];
  customAttributes: AttributeRow[];
};

export const TEXT_FIELDS = [
  'username',
  'email',
  'firstname',
  'middlename',
  'lastname',
  'displayname',
  'jobTitle',
  'employeeIdentifier',
  'employeeType',
  'department',
  'costCenter',
  'company',
  'manager',
  'location',
  'description',
  'locale',
  'preferredLanguage',
] as const;

export const ADDRESS_TYPES = ['work', 'home', 'other'] as const;
export const PHONE_TYPES = ['work', 'mobile', 'home', 'fax', 'other'] as const;

export function emptyAddress(type = 'work'): AddressRow {
  return { key: randomId(), type, streetAddress: '', poBox: '', locality: '', region: '', postalCode: '', country: '' };
}

export function emptyPhone(type = 'work'): PhoneRow {
  return { key: randomId(), type, number: '' };
}

export function emptyAttribute(): AttributeRow {
  return { key: randomId(), name: '', value: '' };
}

export function emptyUserDraft(): UserDraft {
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

/** The form's values for a draft (an existing user's, or an empty one). */
export function toFormValues(draft: UserDraft): UserFormValues {
  const values = {} as UserFormValues;
  for (const f of TEXT_FIELDS) values[f] = draft[f] ?? '';
  values.state = draft.state;
  values.addresses = draft.addresses.map((a) => ({ ...a, key: randomId() }));
  values.phoneNumbers = draft.phoneNumbers.map((p) => ({ ...p, key: randomId() }));
  values.customAttributes = Object.entries(draft.customAttributes).map(([name, value]) => ({
    key: randomId(),
    name,
    value,
  }));
  return values;
}

const blank = (s: string) => s.trim() === '';

/**
 * The draft to send, and for each address/phone the form row it came from: rows left
 * completely empty are not sent, so the core's `addresses[i]` is not always form row `i`.
 */
export function toDraft(values: UserFormValues): { draft: UserDraft; addressRows: number[]; phoneRows: number[] } {
  const draft = emptyUserDraft();
  for (const f of TEXT_FIELDS) draft[f] = values[f];
  draft.state = values.state;
  const addressRows: number[] = [];
  values.addresses.forEach(({ key: _key, ...a }, i) => {
    const { type: _type, ...fields } = a;
    if (Object.values(fields).every(blank)) return;
    addressRows.push(i);
    draft.addresses.push(a);
  });
  const phoneRows: number[] = [];
  values.phoneNumbers.forEach(({ key: _key, ...p }, i) => {
    if (blank(p.number)) return;
    phoneRows.push(i);
    draft.phoneNumbers.push(p);
  });
  for (const row of values.customAttributes) {
    if (blank(row.name) && blank(row.value)) continue;
    draft.customAttributes[row.name.trim()] = row.value;
  }
  return { draft, addressRows, phoneRows };
}

/** Checks the core cannot make for us: two custom attributes with the same name would merge. */
export function validateAttributes(rows: AttributeRow[]): Record<string, string> {
  const errors: Record<string, string> = {};
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const name = row.name.trim();
    if (!name && !blank(row.value)) errors[`customAttributes.${i}.name`] = 'Name the attribute';
    else if (name && seen.has(name)) errors[`customAttributes.${i}.name`] = `“${name}” is already used above`;
    seen.add(name);
  });
  return errors;
}

/** The form path of a core error's `field`, or null when the form has no such input. */
export function formPathOf(
  field: string | undefined,
  values: UserFormValues,
  rows: { addressRows: number[]; phoneRows: number[] },
): string | null {
  if (!field) return null;
  if ((TEXT_FIELDS as readonly string[]).includes(field)) return field;
  const list = /^(addresses|phoneNumbers)\[(\d+)\](?:\.(\w+))?$/.exec(field);
  if (list) {
    const [, name, index, prop] = list;
    const row = (name === 'addresses' ? rows.addressRows : rows.phoneRows)[Number(index)];
    if (row === undefined) return null;
    const fallback = name === 'addresses' ? 'streetAddress' : 'number';
    const known = name === 'addresses' ? ['type', 'streetAddress', 'poBox', 'locality', 'region', 'postalCode', 'country'] : ['type', 'number'];
    return `${name}.${row}.${prop && known.includes(prop) ? prop : fallback}`;
  }
  const custom = /^customAttributes\.(.+)$/.exec(field);
  if (custom) {
    const i = values.customAttributes.findIndex((r) => r.name.trim() === custom[1]);
    return i < 0 ? null : `customAttributes.${i}.name`;
  }
  return null;
}
