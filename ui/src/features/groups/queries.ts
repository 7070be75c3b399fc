//! Groups over IPC. Every change refreshes the directory: member counts, the applications'
//! effective users and the activity log all move with it.

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GroupDraft } from '../../bindings/GroupDraft';
import {
  addGroupMembers,
  createGroup,
  deleteGroup,
  getGroup,
  listGroups,
  removeGroupMembers,
  updateGroup,
} from '../../lib/ipc';
import { directoryKeys, invalidateDirectory } from '../directory/queries';

export function useGroups(search = '') {
  return useQuery({
    queryKey: [...directoryKeys.groups, search],
    queryFn: () => listGroups(search.trim() || null),
    placeholderData: keepPreviousData,
  });
}

export function useGroup(id: string) {
  return useQuery({ queryKey: directoryKeys.group(id), queryFn: () => getGroup(id) });
}

export function useSaveGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, draft }: { id: string | null; draft: GroupDraft }) =>
      id === null ? createGroup(draft) : updateGroup(id, draft),
    meta: { fieldErrors: true },
    onSuccess: (group) => {
      queryClient.setQueryData(directoryKeys.group(group.id), group);
      return invalidateDirectory(queryClient);
    },
  });
}

export function useDeleteGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteGroup(id),
    onSuccess: (_done, id) => invalidateDirectory(queryClient, { root: 'group', ids: [id] }),
  });
}

export function useChangeMembers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, userIds, add }: { id: string; userIds: string[]; add: boolean }) =>
      add ? addGroupMembers(id, userIds) : removeGroupMembers(id, userIds),
    meta: { fieldErrors: true },
    onSuccess: () => invalidateDirectory(queryClient),
  });
}
