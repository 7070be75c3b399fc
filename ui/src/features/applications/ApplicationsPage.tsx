//! Applications: the configured connections, what each does now (SSO, provisioning, a
//! signing certificate about to expire) and how many groups reach it. Select rows to delete; "Add application" opens the wizard.

import {
  ActionIcon,
  Box,
  Button,
  Card,
  Checkbox,
  Group,
  Skeleton,
  Stack,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconApps, IconBuildingStore, IconPlus, IconSearchOff, IconTrash, IconX } from '@tabler/icons-react';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Application } from '../../bindings/Application';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { SearchInput } from '../../components/SearchInput';
import { FirstRunPanel } from '../directory/FirstRunPanel';
import { ExpiryBadge } from '../sso/ExpiryBadge';
import { useFirstRun } from '../directory/firstRun';
import { AppBadges } from './AppBadges';
import { AppLogo } from './AppLogo';
import { DeleteApplicationsModal } from './DeleteApplicationsModal';
import { useApplications } from './queries';
import classes from '../../components/DataTable.module.css';

export function ApplicationsPage() {
  const apps = useApplications();
  const firstRun = useFirstRun();
  const [search, setSearch] = useState('');
  const [searchKey, setSearchKey] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [deleting, deleteHandlers] = useDisclosure(false);

  const all = apps.data;
  const shown = useMemo(() => {
    const text = search.trim().toLowerCase();
    return (all ?? []).filter(
      (a) => !text || `${a.label} ${a.connectorName} ${a.description} ${a.idpUrlSuffix}`.toLowerCase().includes(text),
    );
  }, [all, search]);
  // Only applications that still exist count as selected.
  const selectedApps = (all ?? []).filter((a) => selected.has(a.id));
  const clearSearch = () => {
    setSearch('');
    setSearchKey((k) => k + 1);
  };

  const addButton = (
    <Button component={Link} to="/applications/new" leftSection={<IconPlus size={16} />} data-testid="add-application">
      Add application
    </Button>
  );

  let body;
  if (firstRun.show) {
    body = <FirstRunPanel onStartEmpty={firstRun.dismiss} />;
  } else if (apps.isError) {
    body = <QueryError error={apps.error} title="Couldn't load applications" onRetry={() => void apps.refetch()} />;
  } else if (all && all.length === 0) {
    body = (
      <EmptyPanel
        testId="applications-empty"
        icon={<IconApps size={30} stroke={1.5} />}
        title="No applications connected"
        description="Add an application from the catalog to set up single sign-on and provisioning. Then bind user groups to it: access is denied to everyone else."
        action={
          <Group gap="sm">
            <Button component={Link} to="/catalog" variant="default" leftSection={<IconBuildingStore size={16} />}>
              Browse catalog
            </Button>
            <Button component={Link} to="/applications/new" leftSection={<IconPlus size={16} />}>
              Add application
            </Button>
          </Group>
        }
      />
    );
  } else {
    body = (
      <Card padding={0}>
        <Group justify="space-between" px="md" py="sm" className={classes.toolbar} wrap="nowrap" mih={58}>
          {selectedApps.length > 0 ? (
            <Group gap="sm" data-testid="applications-selection">
              <ActionIcon variant="subtle" color="gray" onClick={() => setSelected(new Set())} aria-label="Clear selection">
                <IconX size={16} />
              </ActionIcon>
              <Text size="sm" fw={600}>
                {selectedApps.length} selected
              </Text>
              <Button
                size="xs"
                color="red"
                variant="light"
                leftSection={<IconTrash size={14} />}
                onClick={deleteHandlers.open}
                data-testid="applications-delete"
              >
                Delete
              </Button>
            </Group>
          ) : (
            <SearchInput
              key={searchKey}
              initial={search}
              onSearch={setSearch}
              debounceMs={60}
              placeholder="Search by name or connector"
              label="Search applications"
              testId="applications-search"
            />
          )}
          {all && (
            <Text size="sm" c="dimmed" data-testid="applications-count">
              {shown.length === all.length
                ? `${all.length} ${all.length === 1 ? 'application' : 'applications'}`
                : `${shown.length} of ${all.length} applications`}
            </Text>
          )}
        </Group>
        {all && shown.length === 0 ? (
          <Box py={48} ta="center" data-testid="applications-no-match">
            <IconSearchOff size={28} stroke={1.5} color="var(--mantine-color-dimmed)" />
            <Text fw={600} mt="xs">
              No applications match “{search.trim()}”
            </Text>
            <Button mt="md" variant="default" onClick={clearSearch}>
              Clear search
            </Button>
          </Box>
        ) : (
          <ApplicationsTable apps={all ? shown : undefined} selected={selected} onSelect={setSelected} />
        )}
      </Card>
    );
  }

  return (
    <>
      <PageHeader
        title="Applications"
        description="Applications connected to your directory for single sign-on and provisioning."
        actions={addButton}
      />
      {body}
      <DeleteApplicationsModal
        apps={selectedApps}
        opened={deleting && selectedApps.length > 0}
        onClose={deleteHandlers.close}
        onDeleted={() => setSelected(new Set())}
      />
    </>
  );
}

function ApplicationsTable({
  apps,
  selected,
  onSelect,
}: {
  apps: Application[] | undefined;
  selected: ReadonlySet<string>;
  onSelect: (next: Set<string>) => void;
}) {
  const navigate = useNavigate();
  const ids = apps?.map((a) => a.id) ?? [];
  const here = ids.filter((id) => selected.has(id)).length;
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onSelect(next);
  };
  return (
    <Table.ScrollContainer minWidth={820} type="native">
      <Table highlightOnHover verticalSpacing={10} className={classes.table} data-testid="applications-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th className={classes.checkCell}>
              <Checkbox
                size="xs"
                aria-label="Select all applications"
                checked={ids.length > 0 && here === ids.length}
                indeterminate={here > 0 && here < ids.length}
                disabled={ids.length === 0}
                onChange={() => {
                  const next = new Set(selected);
                  if (here === ids.length) ids.forEach((id) => next.delete(id));
                  else ids.forEach((id) => next.add(id));
                  onSelect(next);
                }}
              />
            </Table.Th>
            <Table.Th>Application</Table.Th>
            <Table.Th>Connector</Table.Th>
            <Table.Th>Capabilities</Table.Th>
            <Table.Th w={120} ta="right">
              Groups
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {apps === undefined
            ? Array.from({ length: 4 }, (_, i) => (
                <Table.Tr key={i}>
                  <Table.Td className={classes.checkCell}>
                    <Skeleton h={14} w={14} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap="sm" wrap="nowrap">
                      <Skeleton h={36} w={36} radius="md" />
                      <Stack gap={6}>
                        <Skeleton h={12} w={140} />
                        <Skeleton h={10} w={200} />
                      </Stack>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Skeleton h={12} w={90} />
                  </Table.Td>
                  <Table.Td>
                    <Skeleton h={18} w={130} />
                  </Table.Td>
                  <Table.Td>
                    <Skeleton h={12} w={30} ml="auto" />
                  </Table.Td>
                </Table.Tr>
              ))
            : apps.map((a) => {
                const open = () => navigate(`/applications/${encodeURIComponent(a.id)}`);
                const onKeyDown = (e: KeyboardEvent) => {
                  if (e.target !== e.currentTarget) return;
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    open();
                  }
                };
                const groups = a.groups.length;
                return (
                  <Table.Tr
                    key={a.id}
                    className={classes.row}
                    tabIndex={0}
                    onClick={open}
                    onKeyDown={onKeyDown}
                    aria-label={`${a.label}: open application`}
                    data-selected={selected.has(a.id) || undefined}
                    data-testid={`application-row-${a.idpUrlSuffix}`}
                  >
                    <Table.Td className={classes.checkCell} onClick={(e) => e.stopPropagation()}>
                      <Checkbox
                        size="xs"
                        aria-label={`Select ${a.label}`}
                        checked={selected.has(a.id)}
                        onChange={(e) => toggle(a.id, e.currentTarget.checked)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Group gap="sm" wrap="nowrap" miw={0}>
                        <AppLogo
                          connectorId={a.connectorId}
                          label={a.label}
                          portalImage={a.portalImage}
                          portalColor={a.portalColor}
                          size={36}
                        />
                        <Stack gap={0} miw={0}>
                          <Text size="sm" fw={600} truncate maw={300}>
                            {a.label}
                          </Text>
                          <Text size="xs" c="dimmed" ff="monospace" truncate maw={300}>
                            /saml2/{a.idpUrlSuffix}
                          </Text>
                        </Stack>
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{a.connectorName}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <AppBadges app={a} />
                        {a.certificateExpiry && <ExpiryBadge level={a.certificateExpiry} />}
                      </Group>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Tooltip
                        label={groups ? a.groups.map((g) => g.name).join(', ') : 'No group is bound: nobody can use it yet'}
                        multiline
                        maw={260}
                      >
                        <Text size="sm" fw={500} c={groups ? undefined : 'dimmed'} span data-testid="application-group-count">
                          {groups}
                        </Text>
                      </Tooltip>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
