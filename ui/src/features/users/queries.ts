//! Users over IPC. Lists are paged in the core (one cache entry per query, the previous page
//! kept on screen while the next loads); every change refreshes the directory.

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UserDraft } from '../../bindings/UserDraft';
import type { UserQuery } from '../../bindings/UserQuery';
import type { UserState } from '../../bindings/UserState';
import {
  createUser,
  deleteUser,
  getUser,
  getUserGroups,
  importUsersCsv,
  listUsers,
  setUserState,
  updateUser,
} from '../../lib/ipc';
import { directoryKeys, invalidateDirectory } from '../directory/queries';

export const USERS_PAGE_SIZE = 50;

export function useUsers(query: UserQuery, enabled = true) {
  return useQuery({
    queryKey: [...directoryKeys.users, query],
    queryFn: () => listUsers(query),
    placeholderData: keepPreviousData,
    staleTime: 5_000,
    enabled,
  });
}

export function useUser(id: string) {
  return useQuery({ queryKey: directoryKeys.user(id), queryFn: () => getUser(id) });
}

export function useUserGroups(id: string) {
  return useQuery({ queryKey: directoryKeys.userGroups(id), queryFn: () => getUserGroups(id) });
}

export function useSaveUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, draft }: { id: string | null; draft: UserDraft }) =>
      id === null ? createUser(draft) : updateUser(id, draft),
    meta: { fieldErrors: true },
    onSuccess: (user) => {
      queryClient.setQueryData(directoryKeys.user(user.id), user);
      return invalidateDirectory(queryClient);
    },
  });
}

export function useSetUserState() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, state }: { id: string; state: UserState }) => setUserState(id, state),
    onSuccess: (user) => {
      queryClient.setQueryData(directoryKeys.user(user.id), user);
      return invalidateDirectory(queryClient);
    },
  });
}

export function useDeleteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteUser(id),
    onSuccess: (_done, id) => invalidateDirectory(queryClient, { root: 'user', ids: [id] }),
  });
}

export function useImportUsers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (csv: string) => importUsersCsv(csv),
    onSuccess: (report) => (report.imported > 0 ? invalidateDirectory(queryClient) : undefined),
  });
}
