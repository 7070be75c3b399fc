//! One configured application. Not built yet: applications arrive with the directory work.

import { Button } from '@mantine/core';
import { IconApps, IconArrowLeft } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';

export function ApplicationDetailPage() {
  const { id } = useParams();
  return (
    <>
      <PageHeader title="Application" />
      <EmptyPanel
        icon={<IconApps size={30} stroke={1.5} />}
        title="Application not found"
        description={`There is no configured application with the id “${id ?? ''}”.`}
        action={
          <Button component={Link} to="/applications" variant="default" leftSection={<IconArrowLeft size={16} />}>
            Back to applications
          </Button>
        }
      />
    </>
  );
}
