//! Which user the preview is for: a searchable select over the directory (searched in the
//! core, 20 at a time). Until the admin picks one, it shows the user the core chose (the
//! application's first user).

import { Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconUser } from '@tabler/icons-react';
import { useState } from 'react';
import { usePickerUsers } from './queries';

export function PreviewUserPicker({
  value,
  shown,
  onChange,
}: {
  /** The picked user's id, or "" while the core chooses. */
  value: string;
  /** The user the preview on screen is for. */
  shown: { id: string; label: string } | null;
  onChange: (id: string) => void;
}) {
  const [search, setSearch] = useState('');
  const [labels, setLabels] = useState<Record<string, string>>({});
  const selected = value || shown?.id || null;
  // The label on screen for the selected user; fixed once known, so the select's text (which
  // it keeps in sync with that label) is never taken for a search.
  const selectedLabel = selected ? (labels[selected] ?? (shown?.id === selected ? shown.label : selected)) : '';
  const typed = search === selectedLabel ? '' : search;
  const [debounced] = useDebouncedValue(typed, 150);
  const users = usePickerUsers(debounced);
  const items = users.data?.items ?? [];
  const data = items
    .filter((u) => u.id !== selected)
    .map((u) => ({ value: u.id, label: u.name || u.username, username: u.username, email: u.email }));
  if (selected) data.unshift({ value: selected, label: selectedLabel, username: '', email: '' });
  const details = new Map(items.map((u) => [u.id, u]));

  return (
    <Select
      size="xs"
      label="Preview as"
      searchable
      value={selected}
      onChange={(id, option) => {
        if (!id) return;
        setLabels((l) => ({ ...l, [id]: option?.label ?? id }));
        onChange(id);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      // The core searched already (name, username, email): show what it found.
      filter={({ options }) => options}
      data={data.map(({ value: v, label }) => ({ value: v, label }))}
      renderOption={({ option }) => {
        const d = details.get(option.value);
        return (
          <div style={{ minWidth: 0 }}>
            <Text size="xs" fw={500} truncate>
              {option.label}
            </Text>
            {d?.username && (
              <Text size="xs" c="dimmed" truncate>
                {d.username} · {d.email}
              </Text>
            )}
          </div>
        );
      }}
      allowDeselect={false}
      nothingFoundMessage={typed.trim() ? `No user matches “${typed.trim()}”` : 'No users'}
      leftSection={<IconUser size={14} stroke={1.7} />}
      placeholder="Search users"
      maxDropdownHeight={300}
      comboboxProps={{ keepMounted: false }}
      aria-label="Preview as user"
      data-testid="preview-user-picker"
    />
  );
}
