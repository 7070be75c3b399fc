//! The SSO form's values: the saved configuration as editable rows (each with a stable key),
//! back to the core's `SsoConfigInput`, whether anything changed, and where a refused save
//! belongs. The core's error paths (`acsUrls.1.url`, `placeholders.YOURDOMAIN`) are the
//! form's own paths, so an error lands at the input that caused it.

import type { NameIdFormat } from '../../bindings/NameIdFormat';
import type { SamlSigning } from '../../bindings/SamlSigning';
import type { SsoConfigInput } from '../../bindings/SsoConfigInput';
import type { SsoView } from '../../bindings/SsoView';
import { splitPlaceholders } from '../catalog/placeholders';

export type AcsRow = { key: string; url: string; isDefault: boolean };
export type AttributeRow = { key: string; name: string; field: string };
export type ConstantRow = { key: string; name: string; value: string };

export type SsoFormValues = {
  placeholders: Record<string, string>;
  idpEntityId: string;
  spEntityId: string;
  acsUrls: AcsRow[];
  spLoginUrl: string;
  nameIdFormat: NameIdFormat;
  nameIdField: string;
  signing: SamlSigning;
  attributes: AttributeRow[];
  constantAttributes: ConstantRow[];
  /** The group attribute is sent (its name is `groupAttribute`). */
  groupEnabled: boolean;
  groupAttribute: string;
};

let next = 0;
/** A key for a new row (stable for the row's life, never sent). */
export function rowKey(): string {
  next += 1;
  return `row-${next}`;
}

export function formValues(view: SsoView): SsoFormValues {
  const c = view.config;
  return {
    placeholders: Object.fromEntries(view.placeholders.map((p) => [p.token, p.value])),
    idpEntityId: c.idpEntityId,
    spEntityId: c.spEntityId,
    acsUrls: c.acsUrls.map((a) => ({ key: rowKey(), url: a.url, isDefault: a.isDefault })),
    spLoginUrl: c.spLoginUrl ?? '',
    nameIdFormat: c.nameIdFormat,
    nameIdField: c.nameIdField,
    signing: c.signing,
    attributes: c.attributes.map((a) => ({ key: rowKey(), name: a.name, field: a.field })),
    constantAttributes: c.constantAttributes.map((a) => ({ key: rowKey(), name: a.name, value: a.value })),
    groupEnabled: c.groupAttribute !== null,
    groupAttribute: c.groupAttribute ?? view.groupAttributeSuggestion,
  };
}

export function toInput(v: SsoFormValues, hasSpLoginUrl: boolean): SsoConfigInput {
  return {
    placeholders: v.placeholders,
    idpEntityId: v.idpEntityId,
    spEntityId: v.spEntityId,
    acsUrls: v.acsUrls.map(({ url, isDefault }) => ({ url, isDefault })),
    spLoginUrl: hasSpLoginUrl && v.spLoginUrl.trim() ? v.spLoginUrl : null,
    nameIdFormat: v.nameIdFormat,
    nameIdField: v.nameIdField,
    signing: v.signing,
    attributes: v.attributes.map(({ name, field }) => ({ name, field })),
    constantAttributes: v.constantAttributes.map(({ name, value }) => ({ name, value })),
    groupAttribute: v.groupEnabled ? v.groupAttribute : null,
  };
}

/** The draft differs from the saved configuration in what would be sent. */
export function isChanged(values: SsoFormValues, saved: SsoFormValues, hasSpLoginUrl: boolean): boolean {
  return JSON.stringify(toInput(values, hasSpLoginUrl)) !== JSON.stringify(toInput(saved, hasSpLoginUrl));
}

/** `text` with each placeholder token that has a value replaced by it (as the core does). */
export function resolveText(text: string, values: Record<string, string>): string {
  return splitPlaceholders(text)
    .map((s) => (s.placeholder && values[s.text]?.trim() ? values[s.text].trim() : s.text))
    .join('');
}

/** Tokens still in `text` once the values are filled in. */
export function unfilledTokens(text: string, values: Record<string, string>): string[] {
  return splitPlaceholders(text)
    .filter((s) => s.placeholder && !values[s.text]?.trim())
    .map((s) => s.text);
}

/** The form paths a refused save may name; anything else is shown above the form. */
export function isFormPath(field: string, v: SsoFormValues): boolean {
  if (['idpEntityId', 'spEntityId', 'acsUrls', 'spLoginUrl', 'nameIdFormat', 'nameIdField', 'signing', 'groupAttribute'].includes(field)) {
    return true;
  }
  const placeholder = /^placeholders\.(.+)$/.exec(field);
  if (placeholder) return placeholder[1] in v.placeholders;
  const row = /^(acsUrls|attributes|constantAttributes)\.(\d+)\.(url|isDefault|name|field|value)$/.exec(field);
  if (!row) return false;
  const list = v[row[1] as 'acsUrls' | 'attributes' | 'constantAttributes'];
  return Number(row[2]) < list.length;
}

export const NAME_ID_FORMATS: { value: NameIdFormat; label: string; help: string }[] = [
  {
    value: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
    label: 'Email address',
    help: 'The value is an email address.',
  },
  {
    value: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
    label: 'Unspecified',
    help: 'Any text the application recognizes, such as a username.',
  },
  {
    value: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
    label: 'Persistent',
    help: 'A stable, opaque identifier that never changes for the user.',
  },
  {
    value: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient',
    label: 'Transient',
    help: 'A one-time identifier, different at each sign-in.',
  },
];

export function nameIdFormatLabel(format: string): string {
  return NAME_ID_FORMATS.find((f) => f.value === format)?.label ?? format;
}
