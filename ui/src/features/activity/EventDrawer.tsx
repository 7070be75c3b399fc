//! The full record of one event: every field, and the detail JSON pretty-printed.

import { ActionIcon, Code, CopyButton, DataList, Drawer, Group, ScrollArea, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import type { Event } from '../../bindings/Event';
import { formatFullTime, formatRelative } from '../../lib/format';
import { ActorLabel, EventNameBadge, OutcomeBadge } from './labels';

export function EventDrawer({ event, onClose }: { event: Event | null; onClose: () => void }) {
  return (
    <Drawer
      opened={event !== null}
      onClose={onClose}
      title="Event details"
      styles={{ title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } }}
      size={560}
      padding="lg"
      scrollAreaComponent={ScrollArea.Autosize}
    >
      {event && <EventDetail event={event} />}
    </Drawer>
  );
}

function EventDetail({ event }: { event: Event }) {
  const json = JSON.stringify(event.detail ?? {}, null, 2);
  return (
    <Stack gap="lg" data-testid="event-drawer">
      <Group gap="sm">
        <EventNameBadge name={event.name} />
        <OutcomeBadge outcome={event.outcome} />
      </Group>
      <DataList labelWidth={110} gap="xs" withDivider>
        <DataList.Item>
          <DataList.ItemLabel>Time</DataList.ItemLabel>
          <DataList.ItemValue>
            <Text size="sm">{formatFullTime(event.at)}</Text>
            <Text size="xs" c="dimmed">
              {formatRelative(event.at)} · <span style={{ fontFamily: 'var(--mantine-font-family-monospace)' }}>{event.at}</span>
            </Text>
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Application</DataList.ItemLabel>
          <DataList.ItemValue>
            {event.appId ? (
              <>
                <Text size="sm">{event.appLabel ?? event.appId}</Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {event.appId}
                </Text>
              </>
            ) : (
              <Text size="sm" c="dimmed">
                None
              </Text>
            )}
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Subject</DataList.ItemLabel>
          <DataList.ItemValue>
            {event.subject ? (
              <>
                <Text size="sm">{event.subject.label}</Text>
                <Text size="xs" c="dimmed">
                  <Text span tt="capitalize" size="xs">
                    {event.subject.kind}
                  </Text>{' '}
                  · <span style={{ fontFamily: 'var(--mantine-font-family-monospace)' }}>{event.subject.id}</span>
                </Text>
              </>
            ) : (
              <Text size="sm" c="dimmed">
                None
              </Text>
            )}
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Actor</DataList.ItemLabel>
          <DataList.ItemValue>
            <ActorLabel actor={event.actor} />
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Event ID</DataList.ItemLabel>
          <DataList.ItemValue>
            <Text size="sm" ff="monospace">
              {event.id}
            </Text>
          </DataList.ItemValue>
        </DataList.Item>
      </DataList>

      <Stack gap={6}>
        <Group justify="space-between">
          <Text size="xs" fw={600} c="dimmed" tt="uppercase">
            Detail
          </Text>
          <CopyButton value={json} timeout={1500}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? 'Copied' : 'Copy JSON'}>
                <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label="Copy detail JSON">
                  {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
        <Code block data-testid="event-detail-json" fz="xs" p="md" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {json}
        </Code>
      </Stack>
    </Stack>
  );
}
