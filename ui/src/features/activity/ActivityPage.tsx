//! Activity: every configuration change and provisioning call, newest first. Filters and the
//! page live in the URL (`?app=&event=&outcome=&page=`), so Back and reload keep the view.

import { Box, Button, Card, Group, Loader, Pagination, Text } from '@mantine/core';
import { IconActivity, IconFilterOff } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Event } from '../../bindings/Event';
import type { EventPage } from '../../bindings/EventPage';
import type { EventQuery } from '../../bindings/EventQuery';
import type { Outcome } from '../../bindings/Outcome';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { ActivityFilters, type ActivityFilterValues } from './ActivityFilters';
import { ActivityTable } from './ActivityTable';
import { EventDrawer } from './EventDrawer';
import { useApplications } from '../applications/queries';
import { useEventNames, useEvents } from './queries';

export const PAGE_SIZE = 25;

function readFilters(params: URLSearchParams): ActivityFilterValues {
  const outcome = params.get('outcome');
  const f: ActivityFilterValues = {};
  const app = params.get('app');
  const name = params.get('event');
  if (app) f.appId = app;
  if (name) f.name = name;
  if (outcome === 'success' || outcome === 'failure') f.outcome = outcome as Outcome;
  return f;
}

export function ActivityPage() {
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const query: EventQuery = { ...filters, page, pageSize: PAGE_SIZE };

  const events = useEvents(query);
  const eventNames = useEventNames();
  const appOptions = useApplicationOptions(filters.appId);
  const [selected, setSelected] = useState<Event | null>(null);

  const update = (next: ActivityFilterValues, nextPage = 1) => {
    const p = new URLSearchParams();
    if (next.appId) p.set('app', next.appId);
    if (next.name) p.set('event', next.name);
    if (next.outcome) p.set('outcome', next.outcome);
    if (nextPage > 1) p.set('page', String(nextPage));
    setParams(p);
  };

  const filtered = Object.keys(filters).length > 0;
  const data = events.data;
  const totalPages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  let body;
  if (events.isError && !data) {
    body = <QueryError error={events.error} title="Couldn't load activity" onRetry={() => void events.refetch()} />;
  } else if (data && data.total === 0 && !filtered) {
    body = (
      <EmptyPanel
        testId="activity-empty"
        icon={<IconActivity size={30} stroke={1.5} />}
        title="No activity yet"
        description="Configuration changes and provisioning calls are recorded here as they happen."
      />
    );
  } else {
    body = (
      <Card padding={0}>
        <Box px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
          <ActivityFilters
            value={filters}
            onChange={(f) => update(f)}
            appOptions={appOptions}
            eventNames={eventNames.data ?? []}
          />
        </Box>
        {data && data.total === 0 ? (
          <EmptyResult onClear={() => update({})} />
        ) : (
          <ActivityTable events={data?.items} loading={events.isFetching} onOpen={setSelected} />
        )}
        {data && data.total > 0 && (
          <Group justify="space-between" px="md" py="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
            <Group gap="xs">
              <Text size="sm" c="dimmed" data-testid="activity-range">
                {rangeLabel(data)}
              </Text>
              {events.isFetching && <Loader size={14} />}
            </Group>
            <Pagination
              total={totalPages}
              value={Math.min(page, totalPages)}
              onChange={(p) => update(filters, p)}
              size="sm"
              withEdges={totalPages > 5}
              getControlProps={(control) => ({ 'aria-label': `${control} page` })}
              getItemProps={(p) => ({ 'aria-label': `Page ${p}` })}
              data-testid="activity-pagination"
            />
          </Group>
        )}
      </Card>
    );
  }

  return (
    <>
      <PageHeader
        title="Activity"
        description="Every configuration change and every provisioning call, newest first. Select an event to see its full detail."
      />
      {body}
      <EventDrawer event={selected} onClose={() => setSelected(null)} />
    </>
  );
}

function rangeLabel(data: EventPage): string {
  const first = (data.page - 1) * data.pageSize + 1;
  const last = Math.min(data.total, first + data.items.length - 1);
  return `${first.toLocaleString()}–${last.toLocaleString()} of ${data.total.toLocaleString()} events`;
}

function EmptyResult({ onClear }: { onClear: () => void }) {
  return (
    <Box py={48} ta="center" data-testid="activity-no-match">
      <Text fw={600}>No events match these filters</Text>
      <Text size="sm" c="dimmed" mt={4}>
        Try another application, event or outcome.
      </Text>
      <Button mt="md" variant="default" leftSection={<IconFilterOff size={16} />} onClick={onClear}>
        Clear filters
      </Button>
    </Box>
  );
}

/**
 * Applications to filter by: every configured application (value = id, label = display
 * label), plus the one selected now if it is gone (its events stay in the log).
 */
function useApplicationOptions(selected: string | undefined) {
  const apps = useApplications();
  return useMemo(() => {
    const options = (apps.data ?? [])
      .map((a) => ({ value: a.id, label: a.label }))
      .sort((a, b) => a.label.localeCompare(b.label));
    if (selected && !options.some((o) => o.value === selected)) options.push({ value: selected, label: selected });
    return options;
  }, [apps.data, selected]);
}
