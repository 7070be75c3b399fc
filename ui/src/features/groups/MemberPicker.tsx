//! Pick users to add to a group: type to search the directory (name, username, email) in
//! the core, Enter or click to pick, picked users shown as removable pills. Users already in
//! the group are listed but cannot be picked.

import {
  Avatar,
  Badge,
  CheckIcon,
  Combobox,
  Group as Row,
  Loader,
  Pill,
  PillsInput,
  Stack,
  Text,
  useCombobox,
} from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { UserQuery } from '../../bindings/UserQuery';
import type { UserSummary } from '../../bindings/UserSummary';
import { listUsers } from '../../lib/ipc';
import { directoryKeys } from '../directory/queries';

const RESULTS = 20;

function query(search: string, groupId?: string): UserQuery {
  return {
    ...(search.trim() ? { search: search.trim() } : {}),
    ...(groupId ? { groupId } : {}),
    sort: 'name',
    descending: false,
    page: 1,
    pageSize: RESULTS,
  };
}

export function MemberPicker({
  groupId,
  value,
  onChange,
  error,
}: {
  groupId: string;
  error?: string | null;
  /** Picked users, in the order picked. */
  value: UserSummary[];
  onChange: (users: UserSummary[]) => void;
}) {
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [search, setSearch] = useState('');
  const results = useQuery({
    queryKey: [...directoryKeys.users, 'picker', query(search)],
    queryFn: () => listUsers(query(search)),
    placeholderData: keepPreviousData,
  });
  // Which of the results are members already (the same search, within the group).
  const members = useQuery({
    queryKey: [...directoryKeys.users, 'picker', query(search, groupId)],
    queryFn: () => listUsers(query(search, groupId)),
    placeholderData: keepPreviousData,
  });
  const memberIds = new Set(members.data?.items.map((u) => u.id));
  const pickedIds = new Set(value.map((u) => u.id));
  const current = results.data !== undefined && !results.isPlaceholderData;

  // Once the results for what was typed are on screen, highlight the first one so Enter
  // picks it. Only when those results arrive: `combobox` is a new object on every render,
  // and re-running on it would undo the admin's arrow-key choice on any re-render.
  useEffect(() => {
    if (current && search.trim()) combobox.selectFirstOption();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current, results.data, search]);

  const toggle = (id: string) => {
    if (pickedIds.has(id)) {
      onChange(value.filter((u) => u.id !== id));
    } else {
      const user = results.data?.items.find((u) => u.id === id);
      if (user) onChange([...value, user]);
    }
    setSearch('');
    // Close the list so it no longer covers the modal's buttons; typing opens it again.
    combobox.closeDropdown();
  };

  const items = results.data?.items ?? [];
  const options = items.map((u) => {
    const member = memberIds.has(u.id);
    const picked = pickedIds.has(u.id);
    return (
      <Combobox.Option value={u.id} key={u.id} disabled={member} active={picked} data-testid={`member-option-${u.username}`}>
        <Row gap="sm" wrap="nowrap">
          <Avatar name={u.name || u.username} color="initials" size={30} radius="xl" />
          <Stack gap={0} miw={0} style={{ flex: 1 }}>
            <Text size="sm" fw={500} truncate>
              {u.name || u.username}
            </Text>
            <Text size="xs" c="dimmed" truncate>
              {u.username} · {u.email}
            </Text>
          </Stack>
          {member ? (
            <Badge variant="light" color="gray" size="sm">
              Member
            </Badge>
          ) : picked ? (
            <CheckIcon size={12} color="var(--mantine-primary-color-filled)" />
          ) : null}
        </Row>
      </Combobox.Option>
    );
  });

  return (
    <Combobox store={combobox} onOptionSubmit={toggle}>
      <Combobox.DropdownTarget>
        <PillsInput
          label="Users"
          description="Search by name, username or email. Enter adds the highlighted user."
          leftSection={<IconSearch size={16} stroke={1.6} />}
          rightSection={results.isFetching ? <Loader size={14} /> : undefined}
          onClick={() => combobox.openDropdown()}
          size="sm"
          error={error}
        >
          <Pill.Group>
            {value.map((u) => (
              <Pill key={u.id} withRemoveButton onRemove={() => toggle(u.id)} removeButtonProps={{ 'aria-label': `Remove ${u.username}` }}>
                {u.name || u.username}
              </Pill>
            ))}
            <Combobox.EventsTarget>
              <PillsInput.Field
                value={search}
                placeholder={value.length ? 'Add more…' : 'Start typing a name'}
                aria-label="Search users to add"
                onFocus={() => combobox.openDropdown()}
                onBlur={() => combobox.closeDropdown()}
                onChange={(e) => {
                  combobox.openDropdown();
                  combobox.updateSelectedOptionIndex();
                  setSearch(e.currentTarget.value);
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Backspace' && search.length === 0 && value.length > 0) {
                    e.preventDefault();
                    onChange(value.slice(0, -1));
                  }
                }}
                data-testid="member-picker"
              />
            </Combobox.EventsTarget>
          </Pill.Group>
        </PillsInput>
      </Combobox.DropdownTarget>

      <Combobox.Dropdown>
        <Combobox.Options mah={300} style={{ overflowY: 'auto' }}>
          {results.isPending ? (
            <Combobox.Empty>Searching…</Combobox.Empty>
          ) : options.length > 0 ? (
            options
          ) : (
            <Combobox.Empty>{search.trim() ? `No user matches “${search.trim()}”` : 'No users in the directory'}</Combobox.Empty>
          )}
        </Combobox.Options>
        {results.data && results.data.total > RESULTS && (
          <Combobox.Footer>
            <Text size="xs" c="dimmed">
              Showing {RESULTS} of {results.data.total.toLocaleString()}: type more to narrow down.
            </Text>
          </Combobox.Footer>
        )}
      </Combobox.Dropdown>
    </Combobox>
  );
}
