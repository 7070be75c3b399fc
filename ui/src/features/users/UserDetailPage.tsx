//! One user: who they are (profile), which groups they are in (and so which applications
//! they reach), and the actions: edit, suspend or activate, delete.

import {
  ActionIcon,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  DataList,
  Grid,
  Group,
  Menu,
  Skeleton,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconDots,
  IconKeyOff,
  IconPencil,
  IconPlayerPause,
  IconPlayerPlay,
  IconTrash,
  IconUserQuestion,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { User } from '../../bindings/User';
import type { UserState } from '../../bindings/UserState';
import { ConfirmDeleteModal } from '../../components/ConfirmDeleteModal';
import { CopyValue } from '../../components/CopyValue';
import { DetailQuery } from '../../components/DetailQuery';
import { showSuccessToast } from '../../components/notify';
import { formatFullTime, formatRelative } from '../../lib/format';
import { forgetDeleted } from '../directory/queries';
import { displayNameOf } from './names';
import { useDeleteUser, useSetUserState, useUser, useUserGroups } from './queries';
import { UserFormDrawer } from './UserFormDrawer';
import { UserAvatar, UserStateBadge } from './UserStateBadge';
import classes from './UserDetailPage.module.css';

export function UserDetailPage() {
  const { id = '' } = useParams();
  return (
    <DetailQuery
      query={useUser(id)}
      loadingTestId="user-loading"
      avatar="round"
      notFound={{
        testId: 'user-not-found',
        icon: <IconUserQuestion size={30} stroke={1.5} />,
        title: 'User not found',
        description: 'This user is not in the directory: they may have been deleted.',
        backTo: '/users',
        backLabel: 'Back to users',
      }}
      errorTitle="Couldn't load this user"
    >
      {(user) => <UserDetail user={user} />}
    </DetailQuery>
  );
}

function UserDetail({ user }: { user: User }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const groups = useUserGroups(user.id);
  const setState = useSetUserState();
  const remove = useDeleteUser();
  const [editing, editHandlers] = useDisclosure(false);
  const [deleting, deleteHandlers] = useDisclosure(false);
  const name = displayNameOf(user);
  const groupCount = groups.data?.length;

  const changeState = (state: UserState) =>
    setState.mutate(
      { id: user.id, state },
      {
        onSuccess: () =>
          showSuccessToast(
            state === 'active' ? `${name} activated` : state === 'suspended' ? `${name} suspended` : `${name}'s password expired`,
            state === 'active'
              ? 'Their accounts are active again in the applications they can reach.'
              : 'Their accounts are deactivated in every application.',
          ),
      },
    );

  return (
    <Stack gap="lg" data-testid="user-detail">
      <Card padding="lg">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xl">
          <Group gap="lg" wrap="nowrap" miw={0}>
            <UserAvatar name={name} size={60} />
            <Stack gap={6} miw={0}>
              <Group gap="sm" wrap="nowrap">
                <Title order={1} lineClamp={1} data-testid="user-name">
                  {name}
                </Title>
                <UserStateBadge state={user.state} size="md" />
              </Group>
              <Group gap="xs" wrap="nowrap" c="dimmed">
                <Text size="sm" ff="monospace" fz={13}>
                  {user.username}
                </Text>
                <Text size="sm">·</Text>
                <Text size="sm" truncate>
                  {user.email}
                </Text>
              </Group>
              {(user.jobTitle || user.department) && (
                <Text size="sm">{[user.jobTitle, user.department].filter(Boolean).join(' · ')}</Text>
              )}
            </Stack>
          </Group>
          <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={editHandlers.open} data-testid="user-edit">
              Edit
            </Button>
            {user.state === 'active' ? (
              <Button
                variant="default"
                leftSection={<IconPlayerPause size={16} />}
                onClick={() => changeState('suspended')}
                loading={setState.isPending}
                data-testid="user-suspend"
              >
                Suspend
              </Button>
            ) : (
              <Button
                variant="default"
                leftSection={<IconPlayerPlay size={16} />}
                onClick={() => changeState('active')}
                loading={setState.isPending}
                data-testid="user-activate"
              >
                Activate
              </Button>
            )}
            <Button
              variant="default"
              color="red"
              leftSection={<IconTrash size={16} />}
              onClick={deleteHandlers.open}
              className={classes.danger}
              data-testid="user-delete"
            >
              Delete
            </Button>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Tooltip label="More actions">
                  <ActionIcon variant="default" size={36} aria-label="More actions">
                    <IconDots size={16} />
                  </ActionIcon>
                </Tooltip>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item
                  leftSection={<IconKeyOff size={16} />}
                  disabled={user.state === 'password_expired'}
                  onClick={() => changeState('password_expired')}
                >
                  Expire password
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </Card>

      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card padding={0}>
            <ProfileSection title="Identity">
              <Field label="Username" mono>
                {user.username}
              </Field>
              <Field label="Email">{user.email}</Field>
              <Field label="First name">{user.firstname}</Field>
              <Field label="Middle name">{user.middlename}</Field>
              <Field label="Last name">{user.lastname}</Field>
              <Field label="Display name">{user.displayname}</Field>
            </ProfileSection>
            <ProfileSection title="Employment">
              <Field label="Job title">{user.jobTitle}</Field>
              <Field label="Employee ID">{user.employeeIdentifier}</Field>
              <Field label="Employee type">{user.employeeType}</Field>
              <Field label="Department">{user.department}</Field>
              <Field label="Cost center">{user.costCenter}</Field>
              <Field label="Company">{user.company}</Field>
              <Field label="Manager">{user.manager}</Field>
              <Field label="Location">{user.location}</Field>
            </ProfileSection>
            <ProfileSection title="Contact">
              <Field label="Addresses">
                {user.addresses.length > 0 ? (
                  <Stack gap="xs">
                    {user.addresses.map((a, i) => (
                      <Group key={i} gap="sm" align="flex-start" wrap="nowrap">
                        <Badge variant="default" size="sm" miw={56}>
                          {a.type}
                        </Badge>
                        <Text size="sm">
                          {[a.streetAddress, a.poBox && `PO Box ${a.poBox}`, [a.postalCode, a.locality].filter(Boolean).join(' '), a.region, a.country]
                            .filter(Boolean)
                            .join(', ') || '—'}
                        </Text>
                      </Group>
                    ))}
                  </Stack>
                ) : (
                  ''
                )}
              </Field>
              <Field label="Phone numbers">
                {user.phoneNumbers.length > 0 ? (
                  <Stack gap="xs">
                    {user.phoneNumbers.map((p, i) => (
                      <Group key={i} gap="sm" wrap="nowrap">
                        <Badge variant="default" size="sm" miw={56}>
                          {p.type}
                        </Badge>
                        <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                          {p.number}
                        </Text>
                      </Group>
                    ))}
                  </Stack>
                ) : (
                  ''
                )}
              </Field>
              <Field label="Locale">{user.locale}</Field>
              <Field label="Preferred language">{user.preferredLanguage}</Field>
            </ProfileSection>
            <ProfileSection title="Custom attributes">
              {Object.keys(user.customAttributes).length === 0 ? (
                <Text size="sm" c="dimmed">
                  None
                </Text>
              ) : (
                Object.entries(user.customAttributes).map(([k, v]) => (
                  <Field key={k} label={k} labelMono>
                    {v}
                  </Field>
                ))
              )}
            </ProfileSection>
            <ProfileSection title="Description" last>
              <Text size="sm" c={user.description ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
                {user.description || 'No description'}
              </Text>
            </ProfileSection>
          </Card>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <Card padding="lg" data-testid="user-groups">
              <Group justify="space-between" mb="sm">
                <Title order={2} fz="md">
                  Groups
                </Title>
                {groupCount !== undefined && (
                  <Badge variant="light" color="gray" size="sm">
                    {groupCount}
                  </Badge>
                )}
              </Group>
              {groups.isPending ? (
                <Stack gap="xs">
                  <Skeleton h={14} w="60%" />
                  <Skeleton h={14} w="40%" />
                </Stack>
              ) : groups.isError ? (
                <Text size="sm" c="red">
                  {groups.error.message}
                </Text>
              ) : groups.data.length === 0 ? (
                <Text size="sm" c="dimmed">
                  Not in any group, so no application access: access is granted through groups.
                </Text>
              ) : (
                <Stack gap={4}>
                  {groups.data.map((g) => (
                    <Anchor
                      key={g.id}
                      component={Link}
                      to={`/groups/${encodeURIComponent(g.id)}`}
                      size="sm"
                      className={classes.groupLink}
                    >
                      <IconUsersGroup size={16} stroke={1.6} />
                      {g.name}
                    </Anchor>
                  ))}
                </Stack>
              )}
            </Card>
            <Card padding="lg">
              <Title order={2} fz="md" mb="sm">
                Record
              </Title>
              <DataList size="sm" orientation="vertical" gap="sm">
                <DataList.Item>
                  <DataList.ItemLabel>ID</DataList.ItemLabel>
                  <DataList.ItemValue>
                    <CopyValue value={user.id} label="User ID" />
                  </DataList.ItemValue>
                </DataList.Item>
                <DataList.Item>
                  <DataList.ItemLabel>Created</DataList.ItemLabel>
                  <DataList.ItemValue>
                    <Tooltip label={formatFullTime(user.createdAt)}>
                      <Text size="sm" span>
                        {formatRelative(user.createdAt)}
                      </Text>
                    </Tooltip>
                  </DataList.ItemValue>
                </DataList.Item>
                <DataList.Item>
                  <DataList.ItemLabel>Last changed</DataList.ItemLabel>
                  <DataList.ItemValue>
                    <Tooltip label={formatFullTime(user.updatedAt)}>
                      <Text size="sm" span>
                        {formatRelative(user.updatedAt)}
                      </Text>
                    </Tooltip>
                  </DataList.ItemValue>
                </DataList.Item>
              </DataList>
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>

      <UserFormDrawer opened={editing} onClose={editHandlers.close} user={user} onSaved={editHandlers.close} />
      <ConfirmDeleteModal
        opened={deleting}
        onClose={deleteHandlers.close}
        title={`Delete ${name}?`}
        confirmLabel="Delete user"
        loading={remove.isPending}
        onConfirm={() =>
          remove.mutate(user.id, {
            onSuccess: () => {
              deleteHandlers.close();
              showSuccessToast('User deleted', `${name} is no longer in the directory.`);
              navigate('/users');
              forgetDeleted(queryClient, 'user', [user.id]);
            },
          })
        }
      >
        <Text size="sm">
          <b>{name}</b> ({user.username}) is removed from the directory
          {groupCount ? ` and from ${groupCount === 1 ? 'their group' : `all ${groupCount} of their groups`}` : ''}. Their
          accounts in applications are deleted or deactivated, depending on what each application supports.
        </Text>
        <Text size="sm" c="dimmed">
          This cannot be undone.
        </Text>
      </ConfirmDeleteModal>
    </Stack>
  );
}

function ProfileSection({ title, children, last }: { title: string; children: ReactNode; last?: boolean }) {
  return (
    <Box p="lg" className={classes.section} data-last={last || undefined}>
      <Text fw={600} size="xs" className={classes.sectionTitle} mb="sm">
        {title}
      </Text>
      <DataList size="sm" labelWidth={150} gap={10}>
        {children}
      </DataList>
    </Box>
  );
}

function Field({ label, children, mono, labelMono }: { label: string; children: ReactNode; mono?: boolean; labelMono?: boolean }) {
  const empty = children === '' || children === null || children === undefined;
  return (
    <DataList.Item>
      <DataList.ItemLabel ff={labelMono ? 'monospace' : undefined}>{label}</DataList.ItemLabel>
      <DataList.ItemValue ff={mono ? 'monospace' : undefined} c={empty ? 'dimmed' : undefined}>
        {empty ? '—' : children}
      </DataList.ItemValue>
    </DataList.Item>
  );
}

/** Breadcrumb for `/users/:id`: the user's name once loaded. */
export function UserCrumb({ id }: { id: string }) {
  const user = useUser(id);
  return <>{user.data ? displayNameOf(user.data) : id}</>;
}
