//! Settings over IPC: read, and save (which refreshes the cache every page reads from).

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Settings } from '../../bindings/Settings';
import { getSettings, updateSettings } from '../../lib/ipc';

export const settingsKey = ['settings'] as const;

export function useSettings() {
  return useQuery({ queryKey: settingsKey, queryFn: getSettings });
}

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: Settings) => updateSettings(settings),
    meta: { fieldErrors: true },
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsKey, saved);
    },
  });
}
