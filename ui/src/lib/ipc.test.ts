import { invoke } from '@tauri-apps/api/core';
import { describe, expect, it, vi } from 'vitest';
import { getAppInfo, IpcError, listEvents, updateSettings } from './ipc';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

describe('ipc', () => {
  it('calls the snake_case command with camelCase arguments and returns its data', async () => {
    vi.mocked(invoke).mockResolvedValue({ items: [], total: 0, page: 2, pageSize: 25 });
    const page = await listEvents({ outcome: 'failure', page: 2, pageSize: 25 });
    expect(invoke).toHaveBeenCalledWith('events_list', { query: { outcome: 'failure', page: 2, pageSize: 25 } });
    expect(page.page).toBe(2);
  });

  it('turns the core error object into an IpcError with code, message and field', async () => {
    vi.mocked(invoke).mockRejectedValue({ code: 'invalid_input', message: 'must be https', field: 'idpBaseUrl' });
    const err = await updateSettings({ organizationName: 'Acme', idpBaseUrl: 'http://x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IpcError);
    expect(err).toMatchObject({ code: 'invalid_input', message: 'must be https', field: 'idpBaseUrl' });
    expect(invoke).toHaveBeenCalledWith('settings_update', { settings: { organizationName: 'Acme', idpBaseUrl: 'http://x' } });
  });

  it('recognises store errors', async () => {
    vi.mocked(invoke).mockRejectedValue({ code: 'store_too_new', message: 'newer schema' });
    const err = (await getAppInfo().catch((e: unknown) => e)) as IpcError;
    expect(err.code).toBe('store_too_new');
    expect(err.isStoreError).toBe(true);
    expect(err.field).toBeUndefined();
  });

  it.each([
    ['a bare string', 'window closed', 'window closed'],
    ['an Error', new TypeError('invoke is not a function'), 'invoke is not a function'],
    ['an object with an unknown code', { code: 'teapot', message: 'short and stout' }, 'Unexpected error from the Gatehouse core.'],
  ])('reports %s as an internal error', async (_what, raw, message) => {
    vi.mocked(invoke).mockRejectedValue(raw);
    const err = (await getAppInfo().catch((e: unknown) => e)) as IpcError;
    expect(err).toBeInstanceOf(IpcError);
    expect(err.code).toBe('internal');
    expect(err.message).toBe(message);
    expect(err.isStoreError).toBe(false);
  });
});
