//! Users: the directory's people, searched, sorted and paged in the core. Add one in a
//! drawer, or many from a CSV file; on an empty directory, the first-run welcome.

import { Box, Button, Card, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFileImport, IconSearchOff, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import type { UserQuery } from '../../bindings/UserQuery';
import type { UserSort } from '../../bindings/UserSort';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';
import { PagedFooter } from '../../components/PagedFooter';
import { QueryError } from '../../components/QueryError';
import { SearchInput } from '../../components/SearchInput';
import { useListParams } from '../../components/useListParams';
import { FirstRunPanel } from '../directory/FirstRunPanel';
import { useFirstRun } from '../directory/firstRun';
import { ImportCsvModal } from './ImportCsvModal';
import { USERS_PAGE_SIZE, useUsers } from './queries';
import { UserFormDrawer } from './UserFormDrawer';
import { UsersTable } from './UsersTable';
import classes from '../../components/DataTable.module.css';

const SORTS: readonly UserSort[] = ['name', 'username', 'email', 'state', 'created'];

export function UsersPage() {
  const list = useListParams(SORTS, 'name');
  const firstRun = useFirstRun();
  const [adding, addHandlers] = useDisclosure(false);
  const [importing, importHandlers] = useDisclosure(false);
  // Bumped to reset the search box when the search is cleared from elsewhere.
  const [searchKey, setSearchKey] = useState(0);
  const clearSearch = () => {
    list.setSearch('');
    setSearchKey((k) => k + 1);
  };

  const query: UserQuery = {
    ...(list.search ? { search: list.search } : {}),
    sort: list.sort,
    descending: list.descending,
    page: list.page,
    pageSize: USERS_PAGE_SIZE,
  };
  const users = useUsers(query, !firstRun.show);
  const data = users.data;

  let body;
  if (firstRun.show) {
    body = <FirstRunPanel onStartEmpty={firstRun.dismiss} />;
  } else if (users.isError && !data) {
    body = <QueryError error={users.error} title="Couldn't load users" onRetry={() => void users.refetch()} />;
  } else if (data && data.total === 0 && !list.search) {
    body = (
      <EmptyPanel
        testId="users-empty"
        icon={<IconUsers size={30} stroke={1.5} />}
        title="No users yet"
        description="Add people one by one, or import a CSV file with everyone at once. They reach applications through the groups they belong to."
        action={
          <Group gap="sm">
            <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={importHandlers.open}>
              Import CSV
            </Button>
            <Button leftSection={<IconUserPlus size={16} />} onClick={addHandlers.open}>
              Add user
            </Button>
          </Group>
        }
      />
    );
  } else {
    body = (
      <Card padding={0}>
        <Group justify="space-between" px="md" py="sm" className={classes.toolbar} wrap="nowrap">
          <SearchInput
            key={searchKey}
            initial={list.search}
            onSearch={list.setSearch}
            placeholder="Search by name, username or email"
            label="Search users"
            testId="users-search"
          />
        </Group>
        {data && data.total === 0 ? (
          <Box py={48} ta="center" data-testid="users-no-match">
            <IconSearchOff size={28} stroke={1.5} color="var(--mantine-color-dimmed)" />
            <Text fw={600} mt="xs">
              No users match “{list.search}”
            </Text>
            <Text size="sm" c="dimmed" mt={4}>
              Search looks at names, usernames and email addresses.
            </Text>
            <Button mt="md" variant="default" onClick={clearSearch}>
              Clear search
            </Button>
          </Box>
        ) : (
          <UsersTable
            users={data?.items}
            loading={users.isFetching}
            sort={list.sort}
            descending={list.descending}
            onSort={list.setSort}
            testId="users-table"
          />
        )}
        {data && data.total > 0 && (
          <PagedFooter
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            shown={data.items.length}
            noun={data.total === 1 ? 'user' : 'users'}
            fetching={users.isFetching}
            onPage={list.setPage}
            testId="users-footer"
          />
        )}
      </Card>
    );
  }

  return (
    <>
      <PageHeader
        title="Users"
        description="Everyone in your directory. Users reach applications through the groups they belong to."
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconFileImport size={16} />}
              onClick={importHandlers.open}
              data-testid="users-import"
            >
              Import CSV
            </Button>
            <Button leftSection={<IconUserPlus size={16} />} onClick={addHandlers.open} data-testid="user-add">
              Add user
            </Button>
          </>
        }
      />
      {body}
      <UserFormDrawer opened={adding} onClose={addHandlers.close} user={null} onSaved={addHandlers.close} />
      <ImportCsvModal opened={importing} onClose={importHandlers.close} />
    </>
  );
}
