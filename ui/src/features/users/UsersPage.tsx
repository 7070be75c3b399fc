//! Users: the directory's people. For now an empty state; the directory work fills it.

import { Button } from '@mantine/core';
import { IconUserPlus, IconUsers } from '@tabler/icons-react';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';

export function UsersPage() {
  return (
    <>
      <PageHeader
        title="Users"
        description="Everyone in your directory. Users reach applications through the groups they belong to."
      />
      <EmptyPanel
        testId="users-empty"
        icon={<IconUsers size={30} stroke={1.5} />}
        title="No users yet"
        description="People you add or import appear here, with their status and the applications they can use."
        action={
          <Button leftSection={<IconUserPlus size={16} />} disabled>
            Add user
          </Button>
        }
      />
    </>
  );
}
