//! One group: what it is, the applications it opens, and its members (searched, sorted and
//! paged in the core), with adding through the picker and removing one or many at once.

import {
  ActionIcon,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Group as Row,
  Stack,
  Text,
  ThemeIcon,
  Title,
  Tooltip,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconApps,
  IconPencil,
  IconSearchOff,
  IconTrash,
  IconUserMinus,
  IconUserPlus,
  IconUsersGroup,
  IconX,
} from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Group } from '../../bindings/Group';
import type { UserQuery } from '../../bindings/UserQuery';
import type { UserSort } from '../../bindings/UserSort';
import type { UserSummary } from '../../bindings/UserSummary';
import { ConfirmDeleteModal } from '../../components/ConfirmDeleteModal';
import { DetailQuery } from '../../components/DetailQuery';
import { PagedFooter } from '../../components/PagedFooter';
import { QueryError } from '../../components/QueryError';
import { SearchInput } from '../../components/SearchInput';
import { showSuccessToast } from '../../components/notify';
import { useListParams } from '../../components/useListParams';
import { AppLogo } from '../applications/AppLogo';
import { USERS_PAGE_SIZE, useUsers } from '../users/queries';
import { UsersTable } from '../users/UsersTable';
import { AddMembersModal } from './AddMembersModal';
import { DeleteGroupModal } from './DeleteGroupModal';
import { GroupFormModal } from './GroupFormModal';
import { useChangeMembers, useGroup } from './queries';
import classes from '../../components/DataTable.module.css';

const SORTS: readonly UserSort[] = ['name', 'username', 'email', 'state', 'created'];

export function GroupDetailPage() {
  const { id = '' } = useParams();
  return (
    <DetailQuery
      query={useGroup(id)}
      loadingTestId="group-loading"
      avatar="square"
      notFound={{
        testId: 'group-not-found',
        icon: <IconUsersGroup size={30} stroke={1.5} />,
        title: 'Group not found',
        description: 'This group is not in the directory: it may have been deleted.',
        backTo: '/groups',
        backLabel: 'Back to groups',
      }}
      errorTitle="Couldn't load this group"
    >
      {(group) => <GroupDetail group={group} />}
    </DetailQuery>
  );
}

function GroupDetail({ group }: { group: Group }) {
  const navigate = useNavigate();
  const [editing, editHandlers] = useDisclosure(false);
  const [deleting, deleteHandlers] = useDisclosure(false);
  const [adding, addHandlers] = useDisclosure(false);

  return (
    <Stack gap="lg" data-testid="group-detail">
      <Card padding="lg">
        <Row justify="space-between" align="flex-start" wrap="nowrap" gap="xl">
          <Row gap="lg" wrap="nowrap" align="flex-start" miw={0}>
            <ThemeIcon size={56} radius="md" variant="light">
              <IconUsersGroup size={30} stroke={1.5} />
            </ThemeIcon>
            <Stack gap={6} miw={0}>
              <Title order={1} lineClamp={1} data-testid="group-name">
                {group.name}
              </Title>
              <Text size="sm" c={group.description ? undefined : 'dimmed'} maw={640}>
                {group.description || 'No description'}
              </Text>
              <Row gap="xs" mt={4}>
                <Badge variant="light" color="gray" size="md" leftSection={<IconUsersGroup size={13} />}>
                  {group.memberCount === 1 ? '1 member' : `${group.memberCount.toLocaleString()} members`}
                </Badge>
                <Badge variant="light" color={group.applications.length ? 'gate' : 'gray'} size="md" leftSection={<IconApps size={13} />}>
                  {group.applications.length === 1 ? '1 application' : `${group.applications.length} applications`}
                </Badge>
              </Row>
            </Stack>
          </Row>
          <Row gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={editHandlers.open} data-testid="group-edit">
              Edit
            </Button>
            <Button
              variant="default"
              leftSection={<IconTrash size={16} />}
              onClick={deleteHandlers.open}
              c="var(--mantine-color-red-text)"
              data-testid="group-delete"
            >
              Delete
            </Button>
          </Row>
        </Row>
      </Card>

      <BoundApplications group={group} />

      <Members group={group} onAdd={addHandlers.open} />

      <GroupFormModal opened={editing} onClose={editHandlers.close} group={group} onSaved={editHandlers.close} />
      <DeleteGroupModal group={deleting ? group : null} onClose={deleteHandlers.close} onDeleted={() => navigate('/groups')} />
      <AddMembersModal group={group} opened={adding} onClose={addHandlers.close} />
    </Stack>
  );
}

function BoundApplications({ group }: { group: Group }) {
  return (
    <Card padding="lg" data-testid="group-applications">
      <Row justify="space-between" mb={group.applications.length ? 'md' : 4}>
        <Title order={2} fz="md">
          Applications
        </Title>
        <Text size="xs" c="dimmed">
          Bind or unbind a group from the application&apos;s User Groups tab.
        </Text>
      </Row>
      {group.applications.length === 0 ? (
        <Text size="sm" c="dimmed">
          Not bound to any application: members of this group get no access through it.
        </Text>
      ) : (
        <Row gap="sm">
          {group.applications.map((a) => (
            <Anchor
              key={a.id}
              component={Link}
              to={`/applications/${encodeURIComponent(a.id)}?tab=groups`}
              underline="never"
              className={classes.appChip}
              data-testid={`group-app-${a.id}`}
            >
              <AppLogo connectorId={a.connectorId} label={a.label} size={24} />
              <Text size="sm" fw={500} c="var(--mantine-color-text)">
                {a.label}
              </Text>
            </Anchor>
          ))}
        </Row>
      )}
    </Card>
  );
}

function Members({ group, onAdd }: { group: Group; onAdd: () => void }) {
  const list = useListParams(SORTS, 'name');
  const [searchKey, setSearchKey] = useState(0);
  const [selected, setSelected] = useState<Map<string, string>>(new Map());
  const [removing, setRemoving] = useState<{ ids: string[]; label: string } | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const change = useChangeMembers();

  const query: UserQuery = {
    ...(list.search ? { search: list.search } : {}),
    groupId: group.id,
    sort: list.sort,
    descending: list.descending,
    page: list.page,
    pageSize: USERS_PAGE_SIZE,
  };
  const members = useUsers(query);
  const data = members.data;
  const clearSearch = () => {
    list.setSearch('');
    setSearchKey((k) => k + 1);
  };

  const askRemove = (users: { id: string; name: string }[]) => {
    setRemoveError(null);
    setRemoving({ ids: users.map((u) => u.id), label: users.length === 1 ? users[0].name : `${users.length} members` });
  };
  const apps = group.applications.map((a) => a.label);

  return (
    <Card padding={0} data-testid="group-members">
      <Row justify="space-between" px="md" py="sm" className={classes.toolbar} wrap="nowrap" mih={58}>
        {selected.size > 0 ? (
          <Row gap="sm" data-testid="members-selection">
            <ActionIcon variant="subtle" color="gray" onClick={() => setSelected(new Map())} aria-label="Clear selection">
              <IconX size={16} />
            </ActionIcon>
            <Text size="sm" fw={600}>
              {selected.size} selected
            </Text>
            <Button
              size="xs"
              color="red"
              variant="light"
              leftSection={<IconUserMinus size={14} />}
              onClick={() => askRemove([...selected].map(([id, name]) => ({ id, name })))}
              data-testid="members-remove-selected"
            >
              Remove from group
            </Button>
          </Row>
        ) : (
          <Row gap="md" wrap="nowrap">
            <Title order={2} fz="md">
              Members
            </Title>
            <SearchInput
              key={searchKey}
              initial={list.search}
              onSearch={list.setSearch}
              placeholder="Search members"
              label="Search members"
              testId="group-members-search"
              w={280}
            />
          </Row>
        )}
        <Button leftSection={<IconUserPlus size={16} />} onClick={onAdd} data-testid="group-add-members">
          Add members
        </Button>
      </Row>

      {members.isError && !data ? (
        <Box p="md">
          <QueryError error={members.error} title="Couldn't load the members" onRetry={() => void members.refetch()} />
        </Box>
      ) : data && data.total === 0 ? (
        <Box py={48} ta="center" data-testid="group-members-empty">
          {list.search ? (
            <>
              <IconSearchOff size={28} stroke={1.5} color="var(--mantine-color-dimmed)" />
              <Text fw={600} mt="xs">
                No members match “{list.search}”
              </Text>
              <Button mt="md" variant="default" onClick={clearSearch}>
                Clear search
              </Button>
            </>
          ) : (
            <>
              <Text fw={600}>No members yet</Text>
              <Text size="sm" c="dimmed" mt={4}>
                Add users to this group{apps.length ? ` to give them ${apps.join(', ')}` : ''}.
              </Text>
              <Button mt="md" variant="default" leftSection={<IconUserPlus size={16} />} onClick={onAdd}>
                Add members
              </Button>
            </>
          )}
        </Box>
      ) : (
        <UsersTable
          users={data?.items}
          loading={members.isFetching}
          sort={list.sort}
          descending={list.descending}
          onSort={list.setSort}
          testId="group-members-table"
          rowTestId={(u) => `member-row-${u.username}`}
          selection={{
            selected: new Set(selected.keys()),
            onChange: (ids) => {
              const names = new Map((data?.items ?? []).map((u: UserSummary) => [u.id, u.name || u.username]));
              setSelected(new Map([...ids].map((id) => [id, selected.get(id) ?? names.get(id) ?? id])));
            },
          }}
          rowActions={(u) => (
            <Tooltip label="Remove from group">
              <ActionIcon
                variant="subtle"
                color="gray"
                onClick={() => askRemove([{ id: u.id, name: u.name || u.username }])}
                aria-label={`Remove ${u.name || u.username} from ${group.name}`}
                data-testid={`member-remove-${u.username}`}
              >
                <IconUserMinus size={16} />
              </ActionIcon>
            </Tooltip>
          )}
        />
      )}
      {data && data.total > 0 && (
        <PagedFooter
          page={data.page}
          pageSize={data.pageSize}
          total={data.total}
          shown={data.items.length}
          noun={data.total === 1 ? 'member' : 'members'}
          fetching={members.isFetching}
          onPage={list.setPage}
          testId="group-members-footer"
        />
      )}

      <ConfirmDeleteModal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={`Remove ${removing?.label ?? ''} from ${group.name}?`}
        confirmLabel="Remove"
        loading={change.isPending}
        error={removeError}
        onConfirm={() =>
          removing &&
          change.mutate(
            { id: group.id, userIds: removing.ids, add: false },
            {
              onSuccess: (n) => {
                showSuccessToast(n === 1 ? `Removed 1 member from ${group.name}` : `Removed ${n} members from ${group.name}`);
                setSelected((prev) => new Map([...prev].filter(([id]) => !removing.ids.includes(id))));
                setRemoving(null);
              },
              onError: (err) => setRemoveError(err.message),
            },
          )
        }
      >
        <Text size="sm">
          {apps.length === 0
            ? 'They stay in the directory. This group is not bound to any application, so no access changes.'
            : `They stay in the directory, but lose access to ${apps.join(', ')} unless another bound group still grants it.`}
        </Text>
      </ConfirmDeleteModal>
    </Card>
  );
}

/** Breadcrumb for `/groups/:id`: the group's name once loaded. */
export function GroupCrumb({ id }: { id: string }) {
  const group = useGroup(id);
  return <>{group.data?.name ?? id}</>;
}
