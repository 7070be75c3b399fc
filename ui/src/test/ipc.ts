//! Default answers for the mocked IPC module (lib/__mocks__/ipc.ts): a healthy store with
//! settings, an empty catalog and an empty activity log. Tests override what they exercise.

import { vi } from 'vitest';
import * as ipc from '../lib/ipc';
import { appInfo, settings } from './fixtures';

export function mockIpcDefaults(): void {
  vi.mocked(ipc.getAppInfo).mockResolvedValue(appInfo);
  vi.mocked(ipc.getSettings).mockResolvedValue(settings);
  vi.mocked(ipc.updateSettings).mockImplementation(async (s) => s);
  vi.mocked(ipc.listCatalog).mockResolvedValue({ connectors: [], issues: [] });
  vi.mocked(ipc.listEvents).mockImplementation(async (q) => ({ items: [], total: 0, page: q.page, pageSize: q.pageSize }));
  vi.mocked(ipc.listEventNames).mockResolvedValue([]);
}
