//! One page of events as a table. Rows open the event's detail (click, Enter or Space).

import { Group, Skeleton, Table, Text, Tooltip } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import type { Event } from '../../bindings/Event';
import { formatFullTime, formatRelative, formatTime } from '../../lib/format';
import { ActorLabel, EventNameBadge, OutcomeBadge } from './labels';
import classes from './ActivityTable.module.css';

const COLUMNS = ['Time', 'Event', 'Application', 'Subject', 'Outcome', 'Actor'] as const;

export function ActivityTable({
  events,
  loading,
  onOpen,
}: {
  events: Event[] | undefined;
  loading: boolean;
  onOpen: (event: Event) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={720} type="native">
      <Table highlightOnHover verticalSpacing={10} data-testid="activity-table" className={classes.table} data-loading={loading || undefined}>
        <Table.Thead>
          <Table.Tr>
            {COLUMNS.map((c) => (
              <Table.Th key={c}>{c}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events === undefined
            ? Array.from({ length: 8 }, (_, i) => (
                <Table.Tr key={i}>
                  {COLUMNS.map((c) => (
                    <Table.Td key={c}>
                      <Skeleton h={14} w={c === 'Event' ? 160 : 90} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))
            : events.map((ev) => <EventRow key={ev.id} event={ev} onOpen={onOpen} />)}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function EventRow({ event, onOpen }: { event: Event; onOpen: (event: Event) => void }) {
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen(event);
    }
  };
  return (
    <Table.Tr
      className={classes.row}
      tabIndex={0}
      onClick={() => onOpen(event)}
      onKeyDown={onKeyDown}
      aria-label={`${event.name} at ${formatFullTime(event.at)}: open details`}
      data-testid={`activity-row-${event.id}`}
    >
      <Table.Td className={classes.nowrap}>
        <Tooltip label={`${formatFullTime(event.at)} · ${formatRelative(event.at)}`}>
          <Text size="sm" span className={classes.time}>
            {formatTime(event.at)}
          </Text>
        </Tooltip>
      </Table.Td>
      <Table.Td>
        <EventNameBadge name={event.name} />
      </Table.Td>
      <Table.Td>
        {event.appId ? (
          <Text size="sm" truncate maw={200} fw={500}>
            {event.appLabel ?? event.appId}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {event.subject ? (
          <Group gap={6} wrap="nowrap" maw={260} miw={0}>
            <Text size="sm" truncate>
              {event.subject.label}
            </Text>
            <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
              {event.subject.kind}
            </Text>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <OutcomeBadge outcome={event.outcome} />
      </Table.Td>
      <Table.Td className={classes.nowrap}>
        <ActorLabel actor={event.actor} />
      </Table.Td>
    </Table.Tr>
  );
}
