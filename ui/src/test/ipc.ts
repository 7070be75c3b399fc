//! Default answers for the mocked IPC module (lib/__mocks__/ipc.ts): a healthy store with
//! settings, an empty catalog, an empty activity log and an empty (but already set up)
//! directory. Tests override what they exercise.

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

  vi.mocked(ipc.isDirectoryEmpty).mockResolvedValue(false);
  vi.mocked(ipc.loadSample).mockResolvedValue(null);
  vi.mocked(ipc.listUsers).mockImplementation(async (q) => ({ items: [], total: 0, page: q.page, pageSize: q.pageSize }));
  vi.mocked(ipc.getUserGroups).mockResolvedValue([]);
  vi.mocked(ipc.listGroups).mockResolvedValue([]);
  vi.mocked(ipc.listApplications).mockResolvedValue([]);
  vi.mocked(ipc.suggestIdpUrlSuffix).mockImplementation(async (label) =>
    label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'app',
  );
  vi.mocked(ipc.listEffectiveUsers).mockImplementation(async (_id, page, pageSize) => ({ items: [], total: 0, page, pageSize }));
}
