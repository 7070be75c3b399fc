//! Mappings over IPC: the set in force, the expression catalog, save and restore, and the
//! previews (draft and saved) for one user. Keys sit under the application's, so a change
//! in the directory (a user edited) refreshes the preview too.

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo } from 'react';
import type { Mapping } from '../../bindings/Mapping';
import type { MappingSet } from '../../bindings/MappingSet';
import type { Preview } from '../../bindings/Preview';
import type { UserQuery } from '../../bindings/UserQuery';
import { getApplication, getExprCatalog, getMappings, listUsers, previewMappings, restoreDefaultMappings, saveMappings } from '../../lib/ipc';
import { directoryKeys } from '../directory/queries';
import { toMappings, type DraftRow } from './draft';

export const mappingKeys = {
  all: (id: string) => ['application', id, 'mappings'] as const,
  set: (id: string) => ['application', id, 'mappings', 'set'] as const,
  preview: (id: string, user: string, draft: Mapping[] | null) =>
    ['application', id, 'mappings', 'preview', user, draft ?? 'saved'] as const,
  catalog: ['exprCatalog'] as const,
};

/** How long the draft must rest before it is previewed. */
export const PREVIEW_DEBOUNCE_MS = 150;

/** The application (for its connector's name); shares the applications feature's cache entry. */
export function useMappedApplication(id: string) {
  return useQuery({ queryKey: directoryKeys.application(id), queryFn: () => getApplication(id) });
}

export function useMappingSet(id: string) {
  return useQuery({ queryKey: mappingKeys.set(id), queryFn: () => getMappings(id) });
}

export function useExprCatalog() {
  return useQuery({ queryKey: mappingKeys.catalog, queryFn: getExprCatalog, staleTime: Infinity });
}

function useSettled(id: string) {
  const queryClient = useQueryClient();
  return (set: MappingSet) => {
    queryClient.setQueryData(mappingKeys.set(id), set);
    void queryClient.invalidateQueries({ queryKey: ['events'] });
    void queryClient.invalidateQueries({ queryKey: ['eventNames'] });
    // The saved preview changed; the set itself was just written.
    return queryClient.invalidateQueries({
      queryKey: mappingKeys.all(id),
      predicate: (q) => q.queryKey[3] === 'preview',
    });
  };
}

export function useSaveMappings(id: string) {
  const settled = useSettled(id);
  return useMutation({
    mutationFn: (mappings: Mapping[]) => saveMappings(id, mappings),
    meta: { fieldErrors: true },
    onSuccess: settled,
  });
}

export function useRestoreMappings(id: string) {
  const settled = useSettled(id);
  return useMutation({ mutationFn: () => restoreDefaultMappings(id), onSuccess: settled });
}

/** A preview and the row keys its per-mapping results belong to (results come in list order). */
export type KeyedPreview = { preview: Preview; keys: string[]; sources: string[] };

/**
 * The preview of the draft for `user` ("" = the application's first user), asked for once
 * the draft has rested PREVIEW_DEBOUNCE_MS; the previous answer stays on screen meanwhile.
 */
export function useDraftPreview(id: string, user: string, rows: readonly DraftRow[], enabled = true) {
  const [rested] = useDebouncedValue(rows, PREVIEW_DEBOUNCE_MS);
  const draft = useMemo(() => toMappings(rested), [rested]);
  const query = useQuery({
    queryKey: mappingKeys.preview(id, user, draft),
    queryFn: async (): Promise<KeyedPreview> => ({
      preview: await previewMappings(id, user, draft),
      keys: rested.map((r) => r.key),
      sources: rested.map((r) => r.source),
    }),
    placeholderData: keepPreviousData,
    enabled,
    staleTime: 5_000,
  });
  return { ...query, pending: rows !== rested || query.isFetching };
}

/** The preview of the saved mappings, for the diff. */
export function useSavedPreview(id: string, user: string, enabled = true) {
  return useQuery({
    queryKey: mappingKeys.preview(id, user, null),
    queryFn: () => previewMappings(id, user, null),
    placeholderData: keepPreviousData,
    enabled,
  });
}

// ---- The preview's user picker ----

const PICKER_RESULTS = 20;

export function userQuery(search: string): UserQuery {
  return { ...(search.trim() ? { search: search.trim() } : {}), page: 1, pageSize: PICKER_RESULTS, sort: 'name', descending: false };
}

export function usePickerUsers(search: string) {
  return useQuery({
    queryKey: [...directoryKeys.users, 'previewPicker', userQuery(search)],
    queryFn: () => listUsers(userQuery(search)),
    placeholderData: keepPreviousData,
  });
}

