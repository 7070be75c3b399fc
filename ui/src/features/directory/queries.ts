//! Query keys of everything the directory feeds (users, groups, applications, the first-run
//! flag, the activity log), and one invalidation after any change: membership changes move
//! member counts, effective users and activity at once, and IPC is local, so refreshing
//! what is on screen is cheaper than tracking each dependency.

import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { isDirectoryEmpty, loadSample } from '../../lib/ipc';

export const directoryKeys = {
  empty: ['directoryEmpty'] as const,
  users: ['users'] as const,
  user: (id: string) => ['user', id] as const,
  userGroups: (id: string) => ['user', id, 'groups'] as const,
  groups: ['groups'] as const,
  group: (id: string) => ['group', id] as const,
  applications: ['applications'] as const,
  application: (id: string) => ['application', id] as const,
  effectiveUsers: (id: string) => ['application', id, 'effectiveUsers'] as const,
};

const ROOTS = new Set<unknown>(['directoryEmpty', 'users', 'user', 'groups', 'group', 'applications', 'application', 'events', 'eventNames']);

/**
 * Refreshes every directory and application query (active ones now, the rest when next
 * shown), except those of an entity just deleted (`gone`): its page removes them once it
 * has navigated away, so it never flashes "not found" first.
 */
export function invalidateDirectory(queryClient: QueryClient, gone?: { root: 'user' | 'group' | 'application'; ids: string[] }): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (q) =>
      ROOTS.has(q.queryKey[0]) && !(gone && q.queryKey[0] === gone.root && gone.ids.includes(q.queryKey[1] as string)),
  });
}

/** Drops the cached queries of a deleted entity (after its page has been left). */
export function forgetDeleted(queryClient: QueryClient, root: 'user' | 'group' | 'application', ids: string[]): void {
  for (const id of ids) queryClient.removeQueries({ queryKey: [root, id] });
}

export function useDirectoryEmpty() {
  return useQuery({ queryKey: directoryKeys.empty, queryFn: isDirectoryEmpty });
}

export function useLoadSample() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: loadSample,
    onSuccess: () => invalidateDirectory(queryClient),
  });
}
