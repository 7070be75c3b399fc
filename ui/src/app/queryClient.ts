//! The react-query cache over IPC. Unexpected errors become toasts here, once, so pages only
//! handle the errors they can act on (a field error at its form field, a store error at
//! start-up). Everything else is "something went wrong, here is what the core said".

import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { IpcError } from '../lib/ipc';
import { showErrorToast } from '../components/notify';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: IpcError;
    mutationMeta: {
      /** The caller shows errors that carry a `field` next to that field: no toast for those. */
      fieldErrors?: boolean;
    };
  }
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        const err = IpcError.from(error);
        // The start-up gate shows store errors full-window; a first load shows its own
        // error state. Only a failed *refresh* of data on screen needs a toast.
        if (err.isStoreError || query.state.data === undefined) return;
        showErrorToast(err);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _vars, _ctx, mutation) => {
        const err = IpcError.from(error);
        if (mutation.meta?.fieldErrors && err.field) return;
        showErrorToast(err);
      },
    }),
    defaultOptions: {
      queries: {
        // IPC is local and cheap, but data only changes through this app: no refetch storms.
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: false,
      },
      mutations: { retry: false },
    },
  });
}
