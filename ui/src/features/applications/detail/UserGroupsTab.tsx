//! The User Groups tab: every group with a checkbox (checked = bound; toggling binds or
//! unbinds at once), and below, the effective users: who reaches the application now, and
//! through which bound groups. Access is implicitly denied to everyone else.

import {
  Alert,
  Badge,
  Box,
  Card,
  Checkbox,
  Group,
  Loader,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconInfoCircle, IconUsersGroup } from '@tabler/icons-react';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Application } from '../../../bindings/Application';
import type { Group as DirectoryGroup } from '../../../bindings/Group';
import { PagedFooter } from '../../../components/PagedFooter';
import { QueryError } from '../../../components/QueryError';
import { SearchInput } from '../../../components/SearchInput';
import { showSuccessToast } from '../../../components/notify';
import { formatFullTime, formatRelative } from '../../../lib/format';
import { useGroups } from '../../groups/queries';
import { UserAvatar, UserStateBadge } from '../../users/UserStateBadge';
import { useBinding, useEffectiveUsers } from '../queries';
import tableClasses from '../../../components/DataTable.module.css';
import classes from './Tabs.module.css';

export function UserGroupsTab({ app }: { app: Application }) {
  return (
    <Stack gap="lg">
      <Alert variant="light" color="gate" icon={<IconInfoCircle size={18} />} data-testid="implicit-deny-note">
        <Text size="sm">
          <b>Users are implicitly denied access:</b> only members of bound groups reach this application. Bind a group to give
          its members access; unbind it to take access away (unless another bound group still grants it).
        </Text>
      </Alert>
      <GroupBindings app={app} />
      <EffectiveUsers app={app} />
    </Stack>
  );
}

function GroupBindings({ app }: { app: Application }) {
  const groups = useGroups('');
  const binding = useBinding();
  const [pending, setPending] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const bound = useMemo(() => new Map(app.groups.map((g) => [g.id, g])), [app.groups]);
  const shown = useMemo(() => {
    const text = search.trim().toLowerCase();
    return (groups.data ?? []).filter((g) => !text || `${g.name} ${g.description}`.toLowerCase().includes(text));
  }, [groups.data, search]);

  const toggle = (g: DirectoryGroup, bind: boolean) => {
    setPending(g.id);
    binding.mutate(
      { id: app.id, groupId: g.id, bind },
      {
        onSuccess: () =>
          bind
            ? showSuccessToast(
                `${g.name} can use ${app.label}`,
                g.memberCount === 1 ? 'Its member now has access.' : `Its ${g.memberCount.toLocaleString()} members now have access.`,
              )
            : showSuccessToast(`${g.name} unbound from ${app.label}`, 'Its members lose access unless another bound group grants it.'),
        onSettled: () => setPending(null),
      },
    );
  };

  return (
    <Card padding={0} data-testid="app-group-bindings">
      <Group justify="space-between" px="lg" py="md" className={tableClasses.toolbar} wrap="nowrap">
        <Stack gap={2}>
          <Title order={2} fz="md">
            User groups
          </Title>
          <Text size="sm" c="dimmed" data-testid="bound-count">
            {app.groups.length === 0
              ? 'No group is bound yet.'
              : `${app.groups.length} of ${groups.data?.length ?? '…'} groups ${app.groups.length === 1 ? 'is' : 'are'} bound.`}
          </Text>
        </Stack>
        {groups.data && groups.data.length > 6 && (
          <SearchInput initial="" onSearch={setSearch} debounceMs={60} placeholder="Filter groups" label="Filter groups" w={240} />
        )}
      </Group>
      {groups.isError ? (
        <Box p="lg">
          <QueryError error={groups.error} title="Couldn't load groups" onRetry={() => void groups.refetch()} />
        </Box>
      ) : groups.isPending ? (
        <Stack p="lg" gap="md">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} h={18} w={`${60 - i * 10}%`} />
          ))}
        </Stack>
      ) : groups.data.length === 0 ? (
        <Box p="lg">
          <Text size="sm" c="dimmed">
            There are no user groups yet.{' '}
            <Text component={Link} to="/groups" size="sm" c="var(--mantine-primary-color-filled)">
              Create a group
            </Text>{' '}
            and add members to it, then bind it here.
          </Text>
        </Box>
      ) : (
        <Box role="list" aria-label="User groups">
          {shown.map((g) => {
            const b = bound.get(g.id);
            const busy = pending === g.id;
            return (
              <Box key={g.id} className={classes.groupRow} data-bound={b ? true : undefined} role="listitem">
                <Checkbox
                  checked={!!b}
                  disabled={busy || (binding.isPending && pending !== null)}
                  onChange={(e) => toggle(g, e.currentTarget.checked)}
                  aria-label={`${b ? 'Unbind' : 'Bind'} ${g.name}`}
                  data-testid={`bind-group-${g.name}`}
                />
                <Stack gap={0} style={{ flex: 1 }} miw={0}>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm" fw={600} component={Link} to={`/groups/${encodeURIComponent(g.id)}`} className={classes.groupLink}>
                      {g.name}
                    </Text>
                    {busy && <Loader size={12} />}
                  </Group>
                  {g.description && (
                    <Text size="xs" c="dimmed" truncate>
                      {g.description}
                    </Text>
                  )}
                </Stack>
                {b && (
                  <Tooltip label={formatFullTime(b.boundAt)}>
                    <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                      Bound {formatRelative(b.boundAt)}
                    </Text>
                  </Tooltip>
                )}
                <Badge variant="light" color="gray" size="md" leftSection={<IconUsersGroup size={12} />} style={{ flexShrink: 0 }}>
                  {g.memberCount.toLocaleString()}
                </Badge>
              </Box>
            );
          })}
          {shown.length === 0 && (
            <Text size="sm" c="dimmed" p="lg">
              No group matches “{search.trim()}”.
            </Text>
          )}
        </Box>
      )}
    </Card>
  );
}

function EffectiveUsers({ app }: { app: Application }) {
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const users = useEffectiveUsers(app.id, page);
  const data = users.data;

  return (
    <Card padding={0} data-testid="effective-users">
      <Group justify="space-between" px="lg" py="md" className={tableClasses.toolbar} wrap="nowrap">
        <Stack gap={2}>
          <Group gap="xs">
            <Title order={2} fz="md">
              Effective users
            </Title>
            {data && (
              <Badge variant="light" color="gray" size="sm" data-testid="effective-users-total">
                {data.total.toLocaleString()}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            Who reaches {app.label} now, and the bound groups that grant it.
          </Text>
        </Stack>
      </Group>
      {users.isError && !data ? (
        <Box p="lg">
          <QueryError error={users.error} title="Couldn't load the effective users" onRetry={() => void users.refetch()} />
        </Box>
      ) : data && data.total === 0 ? (
        <Box py={40} ta="center" data-testid="effective-users-empty">
          <Text fw={600}>Nobody can use {app.label} yet</Text>
          <Text size="sm" c="dimmed" mt={4}>
            {app.groups.length === 0 ? 'Bind a group above to give its members access.' : 'The bound groups have no members.'}
          </Text>
        </Box>
      ) : (
        <Table.ScrollContainer minWidth={720} type="native">
          <Table
            highlightOnHover
            verticalSpacing={10}
            className={tableClasses.table}
            data-testid="effective-users-table"
            data-loading={users.isFetching || undefined}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Username</Table.Th>
                <Table.Th w={150}>State</Table.Th>
                <Table.Th>Granted by</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data === undefined
                ? Array.from({ length: 4 }, (_, i) => (
                    <Table.Tr key={i}>
                      {[160, 100, 60, 120].map((w, j) => (
                        <Table.Td key={j}>
                          <Skeleton h={14} w={w} />
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))
                : data.items.map((u) => {
                    const open = () => navigate(`/users/${encodeURIComponent(u.id)}`);
                    const onKeyDown = (e: KeyboardEvent) => {
                      if (e.key === 'Enter' || e.key === ' ') {
                        e.preventDefault();
                        open();
                      }
                    };
                    const name = u.name || u.username;
                    return (
                      <Table.Tr
                        key={u.id}
                        className={tableClasses.row}
                        tabIndex={0}
                        onClick={open}
                        onKeyDown={onKeyDown}
                        aria-label={`${name}: open user`}
                        data-testid={`effective-user-${u.username}`}
                      >
                        <Table.Td>
                          <Group gap="sm" wrap="nowrap" miw={0}>
                            <UserAvatar name={name} size={30} />
                            <Stack gap={0} miw={0}>
                              <Text size="sm" fw={600} truncate maw={240}>
                                {name}
                              </Text>
                              <Text size="xs" c="dimmed" truncate maw={240}>
                                {u.email}
                              </Text>
                            </Stack>
                          </Group>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" ff="monospace" fz={12.5}>
                            {u.username}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <UserStateBadge state={u.state} />
                        </Table.Td>
                        <Table.Td>
                          <Group gap={6}>
                            {u.grantedBy.map((g) => (
                              <Badge key={g} variant="default" size="md" fw={500} leftSection={<IconUsersGroup size={12} />}>
                                {g}
                              </Badge>
                            ))}
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {data && data.total > 0 && (
        <PagedFooter
          page={data.page}
          pageSize={data.pageSize}
          total={data.total}
          shown={data.items.length}
          noun={data.total === 1 ? 'user' : 'users'}
          fetching={users.isFetching}
          onPage={setPage}
          testId="effective-users-footer"
        />
      )}
    </Card>
  );
}
