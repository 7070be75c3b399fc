//! The one module that talks to the Rust core. Every function returns typed data (types are
//! generated from Rust by ts-rs into ../bindings) or throws an `IpcError` built from the
//! core's `{code, message, field?}` error object. Nothing else in the UI calls `invoke`.

import { invoke, type InvokeArgs } from '@tauri-apps/api/core';
import type { ApiError } from '../bindings/ApiError';
import type { AppInfo } from '../bindings/AppInfo';
import type { CatalogSnapshot } from '../bindings/CatalogSnapshot';
import type { ErrorCode } from '../bindings/ErrorCode';
import type { EventPage } from '../bindings/EventPage';
import type { EventQuery } from '../bindings/EventQuery';
import type { Settings } from '../bindings/Settings';
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
