//! How event fields read in the UI.

import { Badge, Group, Text } from '@mantine/core';
import { IconDeviceDesktop, IconRefresh, IconTerminal2 } from '@tabler/icons-react';
import type { Actor } from '../../bindings/Actor';
import type { Outcome } from '../../bindings/Outcome';

const ACTORS: Record<Actor, { label: string; icon: typeof IconTerminal2 }> = {
  app: { label: 'Admin (app)', icon: IconDeviceDesktop },
  cli: { label: 'Admin (CLI)', icon: IconTerminal2 },
  sync: { label: 'Sync', icon: IconRefresh },
};

export function ActorLabel({ actor }: { actor: Actor }) {
  const a = ACTORS[actor] ?? { label: actor, icon: IconDeviceDesktop };
  return (
    <Group gap={6} wrap="nowrap" c="dimmed">
      <a.icon size={14} stroke={1.6} />
      <Text size="sm" c="var(--mantine-color-text)" span>
        {a.label}
      </Text>
    </Group>
  );
}

export function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  return (
    <Badge
      variant="light"
      color={outcome === 'success' ? 'teal' : 'red'}
      leftSection={<span aria-hidden style={{ fontSize: 8 }}>●</span>}
      data-outcome={outcome}
    >
      {outcome === 'success' ? 'Success' : 'Failure'}
    </Badge>
  );
}

export function EventNameBadge({ name }: { name: string }) {
  return (
    <Badge variant="default" ff="monospace" fw={500} radius="sm" style={{ letterSpacing: 0 }}>
      {name}
    </Badge>
  );
}
