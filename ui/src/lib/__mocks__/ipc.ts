//! Test double of ../ipc.ts for `vi.mock('…/lib/ipc')`: the real `IpcError`, and a `vi.fn`
//! per command. Tests give the functions their answers (see test/ipc.ts for defaults).

import { vi } from 'vitest';
import type * as Real from '../ipc';

const actual = await vi.importActual<typeof Real>('../ipc');

export const IpcError = actual.IpcError;
export const isIpcError = actual.isIpcError;

export const getAppInfo = vi.fn<typeof Real.getAppInfo>();
export const getSettings = vi.fn<typeof Real.getSettings>();
export const updateSettings = vi.fn<typeof Real.updateSettings>();
export const listCatalog = vi.fn<typeof Real.listCatalog>();
export const listEvents = vi.fn<typeof Real.listEvents>();
export const listEventNames = vi.fn<typeof Real.listEventNames>();
