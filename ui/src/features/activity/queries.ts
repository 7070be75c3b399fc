//! The activity log over IPC: one page per query key, previous page kept on screen while the
//! next one loads.

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { EventQuery } from '../../bindings/EventQuery';
import { listEventNames, listEvents } from '../../lib/ipc';

export const eventsKey = ['events'] as const;

export function useEvents(query: EventQuery) {
  return useQuery({
    queryKey: [...eventsKey, query],
    queryFn: () => listEvents(query),
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
}

export function useEventNames() {
  return useQuery({ queryKey: ['eventNames'], queryFn: listEventNames });
}
