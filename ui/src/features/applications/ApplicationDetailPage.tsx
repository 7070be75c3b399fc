//! One configured application: header (logo, label, connector, what it does, the IdP URL to
//! copy, a certificate expiry warning), and its configuration in tabs kept in the URL
//! (`?tab=groups`). General, SSO, Mappings and User Groups work now; Identity Management and
//! Import say what they will hold.

import { Button, Card, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconAppsOff,
  IconArrowsExchange,
  IconDownload,
  IconInfoCircle,
  IconKey,
  IconRefresh,
  IconTrash,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { Application } from '../../bindings/Application';
import { CopyValue } from '../../components/CopyValue';
import { DetailQuery } from '../../components/DetailQuery';
import { MappingsTab } from '../mappings/MappingsTab';
import { ExpiryBadge } from '../sso/ExpiryBadge';
import { SsoTab } from '../sso/SsoTab';
import { AppBadges } from './AppBadges';
import { AppLogo } from './AppLogo';
import { DeleteApplicationsModal } from './DeleteApplicationsModal';
import { GeneralTab } from './detail/GeneralTab';
import { PlaceholderTab } from './detail/PlaceholderTab';
import { UserGroupsTab } from './detail/UserGroupsTab';
import { useApplication } from './queries';
import classes from './ApplicationDetailPage.module.css';

const TABS = ['general', 'sso', 'idm', 'mappings', 'groups', 'import'] as const;
type Tab = (typeof TABS)[number];

export function ApplicationDetailPage() {
  const { id = '' } = useParams();
  return (
    <DetailQuery
      query={useApplication(id)}
      loadingTestId="app-loading"
      avatar="square"
      notFound={{
        testId: 'application-not-found',
        icon: <IconAppsOff size={30} stroke={1.5} />,
        title: 'Application not found',
        description: 'There is no configured application with this id: it may have been deleted.',
        backTo: '/applications',
        backLabel: 'Back to applications',
      }}
      errorTitle="Couldn't load this application"
    >
      {(app) => <ApplicationDetail app={app} />}
    </DetailQuery>
  );
}

function ApplicationDetail({ app }: { app: Application }) {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(raw ?? '') ? (raw as Tab) : 'general';
  const [deleting, deleteHandlers] = useDisclosure(false);

  return (
    <Stack gap="lg" data-testid="app-detail">
      <Card padding="lg">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xl">
          <Group gap="lg" wrap="nowrap" align="flex-start" miw={0}>
            <AppLogo connectorId={app.connectorId} label={app.label} portalImage={app.portalImage} portalColor={app.portalColor} size={64} />
            <Stack gap={6} miw={0}>
              <Title order={1} lineClamp={1} data-testid="app-label">
                {app.label}
              </Title>
              <Group gap="sm" wrap="nowrap" mt={-2}>
                <Text size="sm" c="dimmed">
                  {app.connectorName}
                </Text>
                <AppBadges app={app} />
                {app.certificateExpiry && <ExpiryBadge level={app.certificateExpiry} />}
              </Group>
              <Group gap="xs" wrap="nowrap" miw={0} mt={2} data-testid="app-idp-url">
                <Text size="xs" fw={600} c="dimmed" style={{ flexShrink: 0 }}>
                  IdP URL
                </Text>
                <CopyValue value={app.idpUrl} label="IdP URL" />
              </Group>
            </Stack>
          </Group>
          <Button
            variant="default"
            leftSection={<IconTrash size={16} />}
            onClick={deleteHandlers.open}
            c="var(--mantine-color-red-text)"
            style={{ flexShrink: 0 }}
            data-testid="app-delete"
          >
            Delete
          </Button>
        </Group>
      </Card>

      <Tabs
        value={tab}
        onChange={(v) => {
          const next = new URLSearchParams(params);
          if (!v || v === 'general') next.delete('tab');
          else next.set('tab', v);
          setParams(next, { replace: true });
        }}
        keepMounted={false}
        classNames={{ tab: classes.tab }}
      >
        <Tabs.List mb="lg">
          <Tabs.Tab value="general" leftSection={<IconInfoCircle size={16} stroke={1.6} />} data-testid="app-tab-general">
            General
          </Tabs.Tab>
          <Tabs.Tab value="sso" leftSection={<IconKey size={16} stroke={1.6} />} data-testid="app-tab-sso">
            SSO
          </Tabs.Tab>
          <Tabs.Tab value="idm" leftSection={<IconRefresh size={16} stroke={1.6} />} data-testid="app-tab-idm">
            Identity Management
          </Tabs.Tab>
          <Tabs.Tab value="mappings" leftSection={<IconArrowsExchange size={16} stroke={1.6} />} data-testid="app-tab-mappings">
            Mappings
          </Tabs.Tab>
          <Tabs.Tab
            value="groups"
            leftSection={<IconUsersGroup size={16} stroke={1.6} />}
            rightSection={
              <Text span size="xs" c="dimmed">
                {app.groups.length}
              </Text>
            }
            data-testid="app-tab-groups"
          >
            User Groups
          </Tabs.Tab>
          <Tabs.Tab value="import" leftSection={<IconDownload size={16} stroke={1.6} />} data-testid="app-tab-import">
            Import
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="general">
          <GeneralTab app={app} />
        </Tabs.Panel>
        <Tabs.Panel value="sso">{app.sso ? <SsoTab appId={app.id} /> : <PlaceholderTab app={app} kind="sso" />}</Tabs.Panel>
        <Tabs.Panel value="idm">
          <PlaceholderTab app={app} kind="idm" />
        </Tabs.Panel>
        <Tabs.Panel value="mappings">
          <MappingsTab appId={app.id} />
        </Tabs.Panel>
        <Tabs.Panel value="groups">
          <UserGroupsTab app={app} />
        </Tabs.Panel>
        <Tabs.Panel value="import">
          <PlaceholderTab app={app} kind="import" />
        </Tabs.Panel>
      </Tabs>

      <DeleteApplicationsModal
        apps={[app]}
        opened={deleting}
        onClose={deleteHandlers.close}
        onDeleted={() => navigate('/applications')}
      />
    </Stack>
  );
}

/** Breadcrumb for `/applications/:id`: the application's label once loaded. */
export function ApplicationCrumb({ id }: { id: string }) {
  const app = useApplication(id);
  return <>{app.data?.label ?? id}</>;
}
