//! The one module that talks to the Rust core. Every function returns typed data (types are
//! generated from Rust by ts-rs into ../bindings) or throws an `IpcError` built from the
//! core's `{code, message, field?}` error object. Nothing else in the UI calls `invoke`.

import { invoke, type InvokeArgs } from '@tauri-apps/api/core';
import type { ApiError } from '../bindings/ApiError';
import type { AppInfo } from '../bindings/AppInfo';
import type { Application } from '../bindings/Application';
import type { AssertionPreview } from '../bindings/AssertionPreview';
import type { CatalogSnapshot } from '../bindings/CatalogSnapshot';
import type { CertificateRecord } from '../bindings/CertificateRecord';
import type { CsvImportReport } from '../bindings/CsvImportReport';
import type { EffectiveUserPage } from '../bindings/EffectiveUserPage';
import type { ErrorCode } from '../bindings/ErrorCode';
import type { EventPage } from '../bindings/EventPage';
import type { EventQuery } from '../bindings/EventQuery';
import type { ExprCatalog } from '../bindings/ExprCatalog';
import type { GeneralInfo } from '../bindings/GeneralInfo';
import type { Group } from '../bindings/Group';
import type { GroupDraft } from '../bindings/GroupDraft';
import type { GroupRef } from '../bindings/GroupRef';
import type { KeyAlgorithm } from '../bindings/KeyAlgorithm';
import type { Mapping } from '../bindings/Mapping';
import type { MappingSet } from '../bindings/MappingSet';
import type { NewApplication } from '../bindings/NewApplication';
import type { Preview } from '../bindings/Preview';
import type { Settings } from '../bindings/Settings';
import type { SpMetadataChanges } from '../bindings/SpMetadataChanges';
import type { SsoConfigInput } from '../bindings/SsoConfigInput';
import type { SsoView } from '../bindings/SsoView';
import type { User } from '../bindings/User';
import type { UserDraft } from '../bindings/UserDraft';
import type { UserPage } from '../bindings/UserPage';
import type { UserQuery } from '../bindings/UserQuery';
import type { UserState } from '../bindings/UserState';
import { fakeInvoke } from 'virtual:gatehouse-fake-ipc';

const ERROR_CODES: readonly ErrorCode[] = [
  'invalid_input',
  'conflict',
  'not_found',
  'store_too_new',
  'store_unavailable',
  'internal',
];

/** An error from the core (or from the IPC bridge itself, as `internal`). */
export class IpcError extends Error implements ApiError {
  readonly code: ErrorCode;
  readonly field?: string;

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'IpcError';
    this.code = code;
    if (field !== undefined) this.field = field;
  }

  /** The store could not be opened at start-up: the whole app shows the start-up error screen. */
  get isStoreError(): boolean {
    return this.code === 'store_too_new' || this.code === 'store_unavailable';
  }

  /** Turns whatever `invoke` rejected with into an `IpcError`. */
  static from(raw: unknown): IpcError {
    if (raw instanceof IpcError) return raw;
    if (isApiError(raw)) return new IpcError(raw.code, raw.message, raw.field ?? undefined);
    if (raw instanceof Error) return new IpcError('internal', raw.message);
    if (typeof raw === 'string') return new IpcError('internal', raw);
    return new IpcError('internal', 'Unexpected error from the Gatehouse core.');
  }
}

export function isIpcError(e: unknown): e is IpcError {
  return e instanceof IpcError;
}

function isApiError(raw: unknown): raw is ApiError {
  if (typeof raw !== 'object' || raw === null) return false;
  const r = raw as Record<string, unknown>;
  return (
    typeof r.code === 'string' &&
    (ERROR_CODES as readonly string[]).includes(r.code) &&
    typeof r.message === 'string' &&
    (r.field === undefined || r.field === null || typeof r.field === 'string')
  );
}

async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  try {
    // Dev-only preview outside Tauri (`VITE_FAKE_IPC=1 npm run dev`); `null` in builds and
    // tests (see the fake-ipc plugin in vite.config.ts), so they never contain the fake.
    if (fakeInvoke) return (await fakeInvoke(command, args)) as T;
    return await invoke<T>(command, args);
  } catch (e) {
    throw IpcError.from(e);
  }
}

// ---- Application ---------------------------------------------------------------------

/** Version and where the app keeps its data. Rejects with a store error if the store is unusable. */
export function getAppInfo(): Promise<AppInfo> {
  return call('app_info');
}

// ---- Settings ------------------------------------------------------------------------

export function getSettings(): Promise<Settings> {
  return call('settings_get');
}

/** Saves the settings; `invalid_input` errors carry `field` = "organizationName" | "idpBaseUrl". */
export function updateSettings(settings: Settings): Promise<Settings> {
  return call('settings_update', { settings });
}

// ---- Catalog -------------------------------------------------------------------------

/** Every connector that loaded, plus one issue per connector file that did not. */
export function listCatalog(): Promise<CatalogSnapshot> {
  return call('catalog_list');
}

// ---- Activity ------------------------------------------------------------------------

/** One page of the activity log, newest first. */
export function listEvents(query: EventQuery): Promise<EventPage> {
  return call('events_list', { query });
}

/** Every event name that occurs in the log, for the filter. */
export function listEventNames(): Promise<string[]> {
  return call('event_names');
}

// ---- Directory: users ----------------------------------------------------------------

/** One page of users, searched (name, username, email), filtered by group and sorted in the core. */
export function listUsers(query: UserQuery): Promise<UserPage> {
  return call('users_list', { query });
}

/** One user, by id or username. */
export function getUser(id: string): Promise<User> {
  return call('user_get', { id });
}

/** The groups a user belongs to. */
export function getUserGroups(id: string): Promise<GroupRef[]> {
  return call('user_groups', { id });
}

/**
 * Creates a user. Errors name the field: `username`, `email`, any other `UserDraft` key,
 * `addresses[i].type`, `phoneNumbers[i].number`, `customAttributes.<name>`; a taken
 * username is a `conflict` on `username`.
 */
export function createUser(draft: UserDraft): Promise<User> {
  return call('user_create', { draft });
}

/** Replaces every editable field of a user (same field errors as `createUser`). */
export function updateUser(id: string, draft: UserDraft): Promise<User> {
  return call('user_update', { id, draft });
}

/** Suspends, reactivates or marks a user's password expired. */
export function setUserState(id: string, userState: UserState): Promise<User> {
  return call('user_set_state', { id, userState });
}

export function deleteUser(id: string): Promise<null> {
  return call('user_delete', { id });
}

/** Imports a whole CSV file: all rows or none (then `errors` lists the bad rows). */
export function importUsersCsv(csv: string): Promise<CsvImportReport> {
  return call('users_import_csv', { csv });
}

// ---- Directory: groups ---------------------------------------------------------------

/** Every group (matching `search` on name or description), with member counts and bound applications. */
export function listGroups(search: string | null = null): Promise<Group[]> {
  return call('groups_list', { search });
}

/** One group, by id or name. */
export function getGroup(id: string): Promise<Group> {
  return call('group_get', { id });
}

/** Errors carry `field` = "name" (required, or a `conflict` when taken) | "description". */
export function createGroup(draft: GroupDraft): Promise<Group> {
  return call('group_create', { draft });
}

export function updateGroup(id: string, draft: GroupDraft): Promise<Group> {
  return call('group_update', { id, draft });
}

export function deleteGroup(id: string): Promise<null> {
  return call('group_delete', { id });
}

/** Adds users to a group; returns how many were not members yet. Errors: field "members". */
export function addGroupMembers(id: string, userIds: string[]): Promise<number> {
  return call('group_members_add', { id, userIds });
}

/** Removes users from a group; returns how many were members. */
export function removeGroupMembers(id: string, userIds: string[]): Promise<number> {
  return call('group_members_remove', { id, userIds });
}

// ---- Directory: first run ------------------------------------------------------------

/** True when there are no users, groups or applications at all. */
export function isDirectoryEmpty(): Promise<boolean> {
  return call('directory_is_empty');
}

/** Loads the sample organization (only into an empty directory: `conflict` otherwise). */
export function loadSample(): Promise<null> {
  return call('sample_load');
}

// ---- Applications --------------------------------------------------------------------

/** Every configured application, with its bound groups. */
export function listApplications(): Promise<Application[]> {
  return call('applications_list');
}

export function getApplication(id: string): Promise<Application> {
  return call('application_get', { id });
}

/** A free IdP URL custom value derived from a display label (`label`, `label-2`, …). */
export function suggestIdpUrlSuffix(label: string): Promise<string> {
  return call('application_suggest_suffix', { label });
}

/**
 * Adds an application. Errors carry `field` = "label" | "description" | "portalColor" |
 * "idpUrlSuffix" (a `conflict` when taken) | "connectorId".
 */
export function createApplication(app: NewApplication): Promise<Application> {
  return call('application_create', { app });
}

/** Saves the General tab (the IdP URL value is not part of it: it never changes). */
export function updateApplicationGeneral(id: string, general: GeneralInfo): Promise<Application> {
  return call('application_update_general', { id, general });
}

/**
 * Deletes applications once the admin has typed how many: a wrong `typedCount` is an
 * `invalid_input` on field "confirmation". Returns how many were deleted.
 */
export function deleteApplications(ids: string[], typedCount: string): Promise<number> {
  return call('applications_delete', { ids, typedCount });
}

/** Gives a group's members access to an application (error field "group"). */
export function bindGroup(id: string, groupId: string): Promise<Application> {
  return call('application_bind_group', { id, groupId });
}

/** Takes access away from a group's members (unless another bound group grants it). */
export function unbindGroup(id: string, groupId: string): Promise<Application> {
  return call('application_unbind_group', { id, groupId });
}

/** One page of the users who reach an application, with the bound groups that grant access. */
export function listEffectiveUsers(id: string, page: number, pageSize: number): Promise<EffectiveUserPage> {
  return call('application_effective_users', { id, page, pageSize });
}

// ---- Attribute mappings --------------------------------------------------------------

/**
 * An application's SCIM attribute mappings: the saved list, else its connector's defaults
 * (`isDefault`), with the list's issues. An application whose connector has no SCIM is an
 * `invalid_input` (field "id") whose message says so.
 */
export function getMappings(id: string): Promise<MappingSet> {
  return call('mappings_get', { id });
}

/**
 * Validates and saves the whole list (records `mapping_update`). Errors carry `field` =
 * `mappings[i].source` | `mappings[i].target` | `mappings`; an expression's message starts
 * with `line:column: `.
 */
export function saveMappings(id: string, mappings: Mapping[]): Promise<MappingSet> {
  return call('mappings_save', { id, mappings });
}

/** Back to the connector's default mappings (records `mapping_restore`). */
export function restoreDefaultMappings(id: string): Promise<MappingSet> {
  return call('mappings_restore', { id });
}

/**
 * The exact SCIM resource `user` (id or username; "" = the application's first user) would
 * be sent with `draft`, or with the saved mappings when `draft` is null. Writes nothing.
 * An empty directory is an `invalid_input` on field "user".
 */
export function previewMappings(id: string, user: string, draft: Mapping[] | null): Promise<Preview> {
  return call('mapping_preview', { id, user, draft });
}

/** What the expression editor completes: functions, `jcUser` fields, direct fields, SCIM targets. */
export function getExprCatalog(): Promise<ExprCatalog> {
  return call('expr_functions');
}

// ---- Single sign-on (SAML) -----------------------------------------------------------

/**
 * The SSO tab: the saved configuration (else the connector's defaults, `isDefault`), its
 * placeholders, the IdP URL and the certificates. A connector without SAML SSO is an
 * `invalid_input` on field "id" whose message says so.
 */
export function getSso(id: string): Promise<SsoView> {
  return call('sso_get', { id });
}

/**
 * Validates every field and saves (records `sso_update`). Errors carry `field` =
 * `placeholders.TOKEN` | `idpEntityId` | `spEntityId` | `acsUrls` | `acsUrls.N.url` |
 * `acsUrls.N.isDefault` | `spLoginUrl` | `nameIdField` | `attributes.N.name|field` |
 * `constantAttributes.N.name|value` | `groupAttribute`.
 */
export function saveSso(id: string, input: SsoConfigInput): Promise<SsoView> {
  return call('sso_save', { id, input });
}

/**
 * Reads the SP metadata file at `path` (absolute) and says what importing it would change;
 * writes nothing. A refused file is an `invalid_input` on field "file" with the reason.
 */
export function previewSpMetadataFile(id: string, path: string): Promise<SpMetadataChanges> {
  return call('preview_sp_metadata_file', { id, path });
}

/** Applies the file just previewed (the same bytes), validated like a save. */
export function applySpMetadataFile(id: string, path: string): Promise<SsoView> {
  return call('apply_sp_metadata_file', { id, path });
}

/**
 * Generates a key pair (private key to the OS keychain) and a self-signed certificate:
 * the active one, or with `next` the next one of a rollover. Errors: field "days" |
 * "certificates" (rollover rules).
 */
export function generateCertificate(id: string, algorithm: KeyAlgorithm, days: number, next: boolean): Promise<CertificateRecord> {
  return call('certificate_generate', { id, algorithm, days, next });
}

/** Completes a rollover: the next certificate signs from now on, the active one is retired. */
export function activateNextCertificate(id: string): Promise<CertificateRecord> {
  return call('certificate_activate_next', { id });
}

/** Deletes the next certificate (and its key) before it is activated. */
export function discardNextCertificate(id: string): Promise<null> {
  return call('certificate_discard_next', { id });
}

/** Writes the active certificate's PEM (`certificate.pem`) to `path`; returns the path written. */
export function exportCertificate(id: string, path: string): Promise<string> {
  return call('export_certificate', { id, path });
}

/** Writes the IdP metadata XML to `path`; returns the path written. */
export function exportMetadata(id: string, path: string): Promise<string> {
  return call('export_metadata', { id, path });
}

/**
 * Builds the signed Response an IdP-initiated sign-in of `user` (id or username) would post,
 * and records `sso_response_issue`: call it on an explicit action only. Refusals (no
 * access, inactive, no certificate, incomplete configuration) are `invalid_input` on field
 * "user" | "certificates" | a configuration field.
 */
export function previewAssertion(id: string, user: string): Promise<AssertionPreview> {
  return call('assertion_preview', { id, user });
}

/** Writes the Response of this application's last preview, exactly as built, to `path`. */
export function saveAssertion(id: string, path: string): Promise<string> {
  return call('save_assertion', { id, path });
}

/**
 * "Test SSO": opens the system browser on a page that posts a fresh signed Response for
 * `user` to the default ACS URL (records `sso_response_issue`). Returns the page's path.
 */
export function testSso(id: string, user: string): Promise<string> {
  return call('sso_test', { id, user });
}

/**
 * The E2E dialog seam: the folder named by `GATEHOUSE_E2E_DIALOG_DIR` when the app was
 * started with it, else `null` (always, for admins): then native dialogs open.
 */
export function getDialogOverride(): Promise<string | null> {
  return call('dialog_override');
}
