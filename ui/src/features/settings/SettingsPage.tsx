//! Settings: the organization's identity (name, IdP base URL) and, read-only, where this
//! installation keeps its data.

import { Skeleton, Stack } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { AboutCard } from './AboutCard';
import { useSettings } from './queries';
import { SettingsForm } from './SettingsForm';

export function SettingsPage() {
  const settings = useSettings();
  return (
    <>
      <PageHeader title="Settings" description="Your organization's identity provider details, and this installation." />
      <Stack gap="lg" maw={820}>
        {settings.isPending ? (
          <Skeleton h={292} radius="md" data-testid="settings-loading" />
        ) : settings.isError ? (
          <QueryError error={settings.error} title="Couldn't load settings" onRetry={() => void settings.refetch()} />
        ) : (
          <SettingsForm settings={settings.data} />
        )}
        <AboutCard />
      </Stack>
    </>
  );
}
