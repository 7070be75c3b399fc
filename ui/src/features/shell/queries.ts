//! Queries the shell needs on every page: app info (version, paths) and settings (org name).

import { useQuery } from '@tanstack/react-query';
import { getAppInfo } from '../../lib/ipc';

export const appInfoKey = ['appInfo'] as const;

export function useAppInfo() {
  return useQuery({ queryKey: appInfoKey, queryFn: getAppInfo, staleTime: Infinity, retryOnMount: false });
}
