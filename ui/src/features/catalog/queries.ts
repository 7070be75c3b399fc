//! The connector catalog over IPC. It is read from files bundled with the app and does not
//! change while it runs, so it is fetched once.

import { useQuery } from '@tanstack/react-query';
import { listCatalog } from '../../lib/ipc';

export const catalogKey = ['catalog'] as const;

export function useCatalog() {
  return useQuery({ queryKey: catalogKey, queryFn: listCatalog, staleTime: Infinity });
}
