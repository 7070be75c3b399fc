//! Configured applications over IPC: the list, one application, its effective users, and
//! the changes (create, general info, delete, group bindings), each refreshing the directory.

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Application } from '../../bindings/Application';
import type { GeneralInfo } from '../../bindings/GeneralInfo';
import type { NewApplication } from '../../bindings/NewApplication';
import {
  bindGroup,
  createApplication,
  deleteApplications,
  getApplication,
  listApplications,
  listEffectiveUsers,
  unbindGroup,
  updateApplicationGeneral,
} from '../../lib/ipc';
import { directoryKeys, invalidateDirectory } from '../directory/queries';

export const EFFECTIVE_PAGE_SIZE = 50;

export function useApplications() {
  return useQuery({ queryKey: directoryKeys.applications, queryFn: listApplications });
}

export function useApplication(id: string) {
  return useQuery({ queryKey: directoryKeys.application(id), queryFn: () => getApplication(id) });
}

export function useEffectiveUsers(id: string, page: number) {
  return useQuery({
    queryKey: [...directoryKeys.effectiveUsers(id), page],
    queryFn: () => listEffectiveUsers(id, page, EFFECTIVE_PAGE_SIZE),
    placeholderData: keepPreviousData,
  });
}

function useSaved() {
  const queryClient = useQueryClient();
  return (app: Application) => {
    queryClient.setQueryData(directoryKeys.application(app.id), app);
    return invalidateDirectory(queryClient);
  };
}

export function useCreateApplication() {
  const saved = useSaved();
  return useMutation({
    mutationFn: (app: NewApplication) => createApplication(app),
    meta: { fieldErrors: true },
    onSuccess: saved,
  });
}

export function useUpdateGeneral() {
  const saved = useSaved();
  return useMutation({
    mutationFn: ({ id, general }: { id: string; general: GeneralInfo }) => updateApplicationGeneral(id, general),
    meta: { fieldErrors: true },
    onSuccess: saved,
  });
}

export function useDeleteApplications() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ ids, typedCount }: { ids: string[]; typedCount: string }) => deleteApplications(ids, typedCount),
    meta: { fieldErrors: true },
    onSuccess: (_n, { ids }) => invalidateDirectory(queryClient, { root: 'application', ids }),
  });
}

export function useBinding() {
  const saved = useSaved();
  return useMutation({
    mutationFn: ({ id, groupId, bind }: { id: string; groupId: string; bind: boolean }) =>
      bind ? bindGroup(id, groupId) : unbindGroup(id, groupId),
    onSuccess: saved,
  });
}
