//! One page of users: name with initials, username, email, job title and department, state.
//! Headers sort in the core; rows open the user. Optional: a selection checkbox per row and
//! per-row actions (the group members table uses both).

import { Checkbox, Group, Skeleton, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { KeyboardEvent, ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { UserSort } from '../../bindings/UserSort';
import type { UserSummary } from '../../bindings/UserSummary';
import { SortableTh } from '../../components/SortableTh';
import { UserAvatar, UserStateBadge } from './UserStateBadge';
import classes from '../../components/DataTable.module.css';

export type Selection = { selected: ReadonlySet<string>; onChange: (next: Set<string>) => void };

export function UsersTable({
  users,
  loading,
  sort,
  descending,
  onSort,
  testId,
  rowTestId = (u) => `user-row-${u.username}`,
  selection,
  rowActions,
}: {
  users: UserSummary[] | undefined;
  loading: boolean;
  sort: UserSort;
  descending: boolean;
  onSort: (sort: UserSort, descending: boolean) => void;
  testId: string;
  rowTestId?: (u: UserSummary) => string;
  selection?: Selection;
  rowActions?: (u: UserSummary) => ReactNode;
}) {
  const navigate = useNavigate();
  const sortProps = { sort, descending, onSort };
  const ids = users?.map((u) => u.id) ?? [];
  const selectedHere = selection ? ids.filter((id) => selection.selected.has(id)).length : 0;
  const columns = 5 + (selection ? 1 : 0) + (rowActions ? 1 : 0);

  const toggleAll = () => {
    if (!selection) return;
    const next = new Set(selection.selected);
    if (selectedHere === ids.length) ids.forEach((id) => next.delete(id));
    else ids.forEach((id) => next.add(id));
    selection.onChange(next);
  };

  return (
    <Table.ScrollContainer minWidth={860} type="native">
      <Table highlightOnHover verticalSpacing={10} className={classes.table} data-testid={testId} data-loading={loading || undefined}>
        <Table.Thead>
          <Table.Tr>
            {selection && (
              <Table.Th className={classes.checkCell}>
                <Checkbox
                  aria-label="Select all users on this page"
                  size="xs"
                  checked={ids.length > 0 && selectedHere === ids.length}
                  indeterminate={selectedHere > 0 && selectedHere < ids.length}
                  onChange={toggleAll}
                  disabled={ids.length === 0}
                />
              </Table.Th>
            )}
            <SortableTh column="name" {...sortProps}>
              Name
            </SortableTh>
            <SortableTh column="username" {...sortProps}>
              Username
            </SortableTh>
            <SortableTh column="email" {...sortProps}>
              Email
            </SortableTh>
            <Table.Th>Job title</Table.Th>
            <SortableTh column="state" {...sortProps} w={150}>
              State
            </SortableTh>
            {rowActions && (
              <Table.Th className={classes.actionsCell}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users === undefined
            ? Array.from({ length: 8 }, (_, i) => (
                <Table.Tr key={i}>
                  {Array.from({ length: columns }, (_, j) => (
                    <Table.Td key={j}>
                      <Skeleton h={14} w={j === (selection ? 1 : 0) ? 160 : 100} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))
            : users.map((u) => (
                <UserRow
                  key={u.id}
                  user={u}
                  testId={rowTestId(u)}
                  onOpen={() => navigate(`/users/${encodeURIComponent(u.id)}`)}
                  selected={selection?.selected.has(u.id)}
                  onSelect={
                    selection
                      ? (on) => {
                          const next = new Set(selection.selected);
                          if (on) next.add(u.id);
                          else next.delete(u.id);
                          selection.onChange(next);
                        }
                      : undefined
                  }
                  actions={rowActions?.(u)}
                />
              ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function UserRow({
  user,
  testId,
  onOpen,
  selected,
  onSelect,
  actions,
}: {
  user: UserSummary;
  testId: string;
  onOpen: () => void;
  selected?: boolean;
  onSelect?: (on: boolean) => void;
  actions?: ReactNode;
}) {
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen();
    }
  };
  const name = user.name || user.username;
  return (
    <Table.Tr
      className={classes.row}
      tabIndex={0}
      onClick={onOpen}
      onKeyDown={onKeyDown}
      aria-label={`${name}: open user`}
      data-selected={selected || undefined}
      data-testid={testId}
    >
      {onSelect && (
        <Table.Td className={classes.checkCell} onClick={(e) => e.stopPropagation()}>
          <Checkbox
            aria-label={`Select ${name}`}
            size="xs"
            checked={!!selected}
            onChange={(e) => onSelect(e.currentTarget.checked)}
          />
        </Table.Td>
      )}
      <Table.Td>
        <Group gap="sm" wrap="nowrap" miw={0}>
          <UserAvatar name={name} size={30} />
          <Text size="sm" fw={600} truncate maw={220}>
            {name}
          </Text>
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace" fz={12.5} truncate maw={180}>
          {user.username}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" truncate maw={240}>
          {user.email}
        </Text>
      </Table.Td>
      <Table.Td>
        {user.jobTitle || user.department ? (
          <Stack gap={0} miw={0}>
            <Text size="sm" truncate maw={220}>
              {user.jobTitle || '—'}
            </Text>
            {user.department && (
              <Text size="xs" c="dimmed" truncate maw={220}>
                {user.department}
              </Text>
            )}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <UserStateBadge state={user.state} />
      </Table.Td>
      {actions !== undefined && (
        <Table.Td className={classes.actionsCell} onClick={(e) => e.stopPropagation()}>
          {actions}
        </Table.Td>
      )}
    </Table.Tr>
  );
}
