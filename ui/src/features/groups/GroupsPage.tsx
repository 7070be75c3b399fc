//! Groups: how users are given applications. Each row says how many members a group has and
//! which applications it is bound to; add, edit and delete from here.

import { ActionIcon, Badge, Box, Button, Card, Group as Row, Menu, Skeleton, Table, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDots, IconPencil, IconPlus, IconSearchOff, IconTrash, IconUsersGroup } from '@tabler/icons-react';
import { useState, type KeyboardEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { Group } from '../../bindings/Group';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { SearchInput } from '../../components/SearchInput';
import { AppLogo } from '../applications/AppLogo';
import { DeleteGroupModal } from './DeleteGroupModal';
import { GroupFormModal } from './GroupFormModal';
import { useGroups } from './queries';
import classes from '../../components/DataTable.module.css';

export function GroupsPage() {
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const groups = useGroups(search);
  const [adding, addHandlers] = useDisclosure(false);
  const [editing, setEditing] = useState<Group | null>(null);
  const [deleting, setDeleting] = useState<Group | null>(null);
  const [searchKey, setSearchKey] = useState(0);
  const setSearch = (q: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (q.trim()) next.set('q', q.trim());
        else next.delete('q');
        return next;
      },
      { replace: true },
    );
  const clearSearch = () => {
    setSearch('');
    setSearchKey((k) => k + 1);
  };
  const data = groups.data;

  let body;
  if (groups.isError && !data) {
    body = <QueryError error={groups.error} title="Couldn't load groups" onRetry={() => void groups.refetch()} />;
  } else if (data && data.length === 0 && !search) {
    body = (
      <EmptyPanel
        testId="groups-empty"
        icon={<IconUsersGroup size={30} stroke={1.5} />}
        title="No groups yet"
        description="Groups are how people get applications: add a group, put users in it, and bind it to the applications they need."
        action={
          <Button leftSection={<IconPlus size={16} />} onClick={addHandlers.open}>
            Add group
          </Button>
        }
      />
    );
  } else {
    body = (
      <Card padding={0}>
        <Row justify="space-between" px="md" py="sm" className={classes.toolbar} wrap="nowrap">
          <SearchInput
            key={searchKey}
            initial={search}
            onSearch={setSearch}
            placeholder="Search by name or description"
            label="Search groups"
            testId="groups-search"
          />
          {data && (
            <Text size="sm" c="dimmed" data-testid="groups-count">
              {data.length === 1 ? '1 group' : `${data.length.toLocaleString()} groups`}
            </Text>
          )}
        </Row>
        {data && data.length === 0 ? (
          <Box py={48} ta="center" data-testid="groups-no-match">
            <IconSearchOff size={28} stroke={1.5} color="var(--mantine-color-dimmed)" />
            <Text fw={600} mt="xs">
              No groups match “{search}”
            </Text>
            <Button mt="md" variant="default" onClick={clearSearch}>
              Clear search
            </Button>
          </Box>
        ) : (
          <GroupsTable groups={data} loading={groups.isFetching} onEdit={setEditing} onDelete={setDeleting} />
        )}
      </Card>
    );
  }

  return (
    <>
      <PageHeader
        title="Groups"
        description="Bind a group to an application to give its members access; access is denied otherwise."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={addHandlers.open} data-testid="group-add">
            Add group
          </Button>
        }
      />
      {body}
      <GroupFormModal opened={adding} onClose={addHandlers.close} group={null} onSaved={addHandlers.close} />
      <GroupFormModal opened={editing !== null} onClose={() => setEditing(null)} group={editing} onSaved={() => setEditing(null)} />
      <DeleteGroupModal group={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}

function GroupsTable({
  groups,
  loading,
  onEdit,
  onDelete,
}: {
  groups: Group[] | undefined;
  loading: boolean;
  onEdit: (g: Group) => void;
  onDelete: (g: Group) => void;
}) {
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={760} type="native">
      <Table highlightOnHover verticalSpacing={10} className={classes.table} data-testid="groups-table" data-loading={loading || undefined}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Description</Table.Th>
            <Table.Th w={110} ta="right">
              Members
            </Table.Th>
            <Table.Th>Applications</Table.Th>
            <Table.Th className={classes.actionsCell} aria-label="Actions" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups === undefined
            ? Array.from({ length: 5 }, (_, i) => (
                <Table.Tr key={i}>
                  {[140, 220, 40, 160, 20].map((w, j) => (
                    <Table.Td key={j}>
                      <Skeleton h={14} w={w} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))
            : groups.map((g) => {
                const open = () => navigate(`/groups/${encodeURIComponent(g.id)}`);
                const onKeyDown = (e: KeyboardEvent) => {
                  if (e.target !== e.currentTarget) return;
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    open();
                  }
                };
                return (
                  <Table.Tr
                    key={g.id}
                    className={classes.row}
                    tabIndex={0}
                    onClick={open}
                    onKeyDown={onKeyDown}
                    aria-label={`${g.name}: open group`}
                    data-testid={`group-row-${g.name}`}
                  >
                    <Table.Td>
                      <Row gap="sm" wrap="nowrap">
                        <ThemeIcon variant="light" radius="md" size={30} color="gray">
                          <IconUsersGroup size={17} stroke={1.6} />
                        </ThemeIcon>
                        <Text size="sm" fw={600} truncate maw={220}>
                          {g.name}
                        </Text>
                      </Row>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={g.description ? undefined : 'dimmed'} lineClamp={2} maw={320}>
                        {g.description || '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm" fw={500} style={{ fontVariantNumeric: 'tabular-nums' }}>
                        {g.memberCount.toLocaleString()}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {g.applications.length === 0 ? (
                        <Text size="sm" c="dimmed">
                          None
                        </Text>
                      ) : (
                        <Row gap={6} data-testid="group-apps">
                          {g.applications.slice(0, 4).map((a) => (
                            <Badge
                              key={a.id}
                              variant="default"
                              size="md"
                              radius="sm"
                              leftSection={<AppLogo connectorId={a.connectorId} label={a.label} size={14} />}
                              fw={500}
                            >
                              {a.label}
                            </Badge>
                          ))}
                          {g.applications.length > 4 && (
                            <Tooltip label={g.applications.slice(4).map((a) => a.label).join(', ')} multiline maw={260}>
                              <Badge variant="light" color="gray" size="md">
                                +{g.applications.length - 4}
                              </Badge>
                            </Tooltip>
                          )}
                        </Row>
                      )}
                    </Table.Td>
                    <Table.Td className={classes.actionsCell} onClick={(e) => e.stopPropagation()}>
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${g.name}`}>
                            <IconDots size={16} />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item leftSection={<IconPencil size={15} />} onClick={() => onEdit(g)}>
                            Edit
                          </Menu.Item>
                          <Menu.Item color="red" leftSection={<IconTrash size={15} />} onClick={() => onDelete(g)}>
                            Delete
                          </Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
