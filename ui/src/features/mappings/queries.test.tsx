import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as ipc from '../../lib/ipc';
import { toRows, type DraftRow } from './draft';
import { MAPPINGS, previewOf } from './fixtures';
import { PREVIEW_DEBOUNCE_MS, useDraftPreview } from './queries';

vi.mock('../../lib/ipc');

function wrapper() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('useDraftPreview', () => {
  beforeEach(() => {
    vi.mocked(ipc.previewMappings).mockImplementation(async (_id, _user, draft) => previewOf(draft ?? MAPPINGS));
  });

  it('previews the draft once typing rests, with the last draft only', async () => {
    const rows = toRows(MAPPINGS);
    const typed = (text: string): DraftRow[] => rows.map((r) => (r.target === 'title' ? { ...r, kind: 'constant', source: text } : r));
    const { result, rerender } = renderHook(({ draft }) => useDraftPreview('app_1', '', draft), {
      wrapper: wrapper(),
      initialProps: { draft: rows },
    });
    await waitFor(() => expect(result.current.data).toBeDefined());
    expect(ipc.previewMappings).toHaveBeenCalledTimes(1);

    // Keystrokes faster than the debounce: no preview until they stop.
    for (const text of ['E', 'En', 'Eng', 'Engi']) {
      rerender({ draft: typed(text) });
      await sleep(PREVIEW_DEBOUNCE_MS / 3);
    }
    expect(ipc.previewMappings).toHaveBeenCalledTimes(1);
    expect(result.current.pending).toBe(true);

    await waitFor(() => expect(ipc.previewMappings).toHaveBeenCalledTimes(2));
    const [id, user, draft] = vi.mocked(ipc.previewMappings).mock.calls[1];
    expect(id).toBe('app_1');
    expect(user).toBe('');
    expect(draft?.find((m) => m.target === 'title')).toEqual({ target: 'title', kind: 'constant', source: 'Engi', required: false });
    // Exactly what is sent: no row keys or stashes cross IPC.
    expect(Object.keys(draft![0]).sort()).toEqual(['kind', 'required', 'source', 'target']);
    await waitFor(() => expect(result.current.data?.preview.resource).toMatchObject({ title: 'Engi' }));
    expect(result.current.pending).toBe(false);
  });

  it('keeps the last preview on screen while the next one is on its way, and knows its rows', async () => {
    const rows = toRows(MAPPINGS);
    const { result, rerender } = renderHook(({ draft }) => useDraftPreview('app_1', 'usr_ada', draft), {
      wrapper: wrapper(),
      initialProps: { draft: rows },
    });
    await waitFor(() => expect(result.current.data).toBeDefined());
    expect(result.current.data?.keys).toEqual(rows.map((r) => r.key));

    let release: () => void = () => {};
    vi.mocked(ipc.previewMappings).mockImplementationOnce(
      (_id, _user, draft) => new Promise((r) => (release = () => r(previewOf(draft!)))),
    );
    const shorter = rows.slice(0, 2);
    rerender({ draft: shorter });
    await waitFor(() => expect(ipc.previewMappings).toHaveBeenCalledTimes(2));
    expect(result.current.data?.keys).toEqual(rows.map((r) => r.key));
    release();
    await waitFor(() => expect(result.current.data?.keys).toEqual(shorter.map((r) => r.key)));
  });
});
