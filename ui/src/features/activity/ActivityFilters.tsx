//! Filters of the activity log: application, event name, outcome. Every change starts again
//! at page 1 (the parent owns that rule).

import { Button, Group, SegmentedControl, Select } from '@mantine/core';
import { IconApps, IconFilterOff, IconTag } from '@tabler/icons-react';
import type { Outcome } from '../../bindings/Outcome';

export type ActivityFilterValues = { appId?: string; name?: string; outcome?: Outcome };

export function ActivityFilters({
  value,
  onChange,
  appOptions,
  eventNames,
}: {
  value: ActivityFilterValues;
  onChange: (next: ActivityFilterValues) => void;
  appOptions: { value: string; label: string }[];
  eventNames: string[];
}) {
  const active = value.appId !== undefined || value.name !== undefined || value.outcome !== undefined;
  return (
    <Group gap="sm" wrap="wrap" data-testid="activity-filters">
      <Select
        aria-label="Application"
        placeholder="All applications"
        data={appOptions}
        value={value.appId ?? null}
        onChange={(v) => onChange({ ...value, appId: v ?? undefined })}
        leftSection={<IconApps size={16} stroke={1.6} />}
        searchable
        clearable
        nothingFoundMessage="No such application"
        w={220}
        data-testid="activity-filter-app"
      />
      <Select
        aria-label="Event name"
        placeholder="All events"
        data={eventNames}
        value={value.name ?? null}
        onChange={(v) => onChange({ ...value, name: v ?? undefined })}
        leftSection={<IconTag size={16} stroke={1.6} />}
        searchable
        clearable
        nothingFoundMessage="No such event"
        w={260}
        comboboxProps={{ width: 300, position: 'bottom-start' }}
        styles={{ option: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
        data-testid="activity-filter-event"
      />
      <SegmentedControl
        aria-label="Outcome"
        value={value.outcome ?? 'all'}
        onChange={(v) => onChange({ ...value, outcome: v === 'all' ? undefined : (v as Outcome) })}
        data={[
          { value: 'all', label: 'All' },
          { value: 'success', label: 'Success' },
          { value: 'failure', label: 'Failure' },
        ]}
        data-testid="activity-filter-outcome"
      />
      {active && (
        <Button variant="subtle" color="gray" leftSection={<IconFilterOff size={16} />} onClick={() => onChange({})}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}
