//! Applications: the configured SaaS connections. For now an empty state pointing to the
//! catalog, where applications are added from.

import { Button } from '@mantine/core';
import { IconApps, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';

export function ApplicationsPage() {
  return (
    <>
      <PageHeader
        title="Applications"
        description="Applications connected to your directory for single sign-on and provisioning."
      />
      <EmptyPanel
        testId="applications-empty"
        icon={<IconApps size={30} stroke={1.5} />}
        title="No applications connected"
        description="Pick an application from the catalog to connect it. Connected applications appear here with their sign-on and provisioning status."
        action={
          <Button
            component={Link}
            to="/catalog"
            leftSection={<IconPlus size={16} />}
            data-testid="add-application"
          >
            Add application
          </Button>
        }
      />
    </>
  );
}
