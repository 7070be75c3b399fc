//! Groups: how users are granted applications. For now an empty state.

import { Button } from '@mantine/core';
import { IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';

export function GroupsPage() {
  return (
    <>
      <PageHeader
        title="Groups"
        description="Bind a group to an application to give its members access; access is denied otherwise."
      />
      <EmptyPanel
        testId="groups-empty"
        icon={<IconUsersGroup size={30} stroke={1.5} />}
        title="No groups yet"
        description="User groups appear here with their members and the applications they are bound to."
        action={
          <Button leftSection={<IconPlus size={16} />} disabled>
            Add group
          </Button>
        }
      />
    </>
  );
}
