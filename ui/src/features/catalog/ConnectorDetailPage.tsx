//! One connector: header (logo, name, what it supports) and its documentation in tabs, the
//! tab kept in the URL (`?tab=sso`) so a link lands on the right one.

import { Button, Card, Group, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconBuildingStore, IconPlus, IconInfoCircle, IconKey, IconListNumbers, IconArrowsExchange } from '@tabler/icons-react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Connector } from '../../bindings/Connector';
import { EmptyPanel } from '../../components/EmptyPanel';
import { QueryError } from '../../components/QueryError';
import { ConnectorLogo } from './ConnectorLogo';
import { MappingsTab } from './detail/MappingsTab';
import { OverviewTab } from './detail/OverviewTab';
import { SetupTab } from './detail/SetupTab';
import { SsoTab } from './detail/SsoTab';
import { useCatalog } from './queries';
import { SupportBadges } from './SupportBadges';

const TABS = ['overview', 'sso', 'mappings', 'setup'] as const;
type Tab = (typeof TABS)[number];

export function ConnectorDetailPage() {
  const { id } = useParams();
  const catalog = useCatalog();

  if (catalog.isPending) return <DetailSkeleton />;
  if (catalog.isError) {
    return <QueryError error={catalog.error} title="Couldn't load the catalog" onRetry={() => void catalog.refetch()} />;
  }
  const connector = catalog.data.connectors.find((c) => c.id === id);
  if (!connector) {
    return (
      <EmptyPanel
        testId="connector-not-found"
        icon={<IconBuildingStore size={30} stroke={1.5} />}
        title="Connector not found"
        description={`The catalog has no connector “${id ?? ''}”. Its file may have failed to load; the catalog page lists such files.`}
        action={
          <Button component={Link} to="/catalog" variant="default" leftSection={<IconArrowLeft size={16} />}>
            Back to catalog
          </Button>
        }
      />
    );
  }
  return <ConnectorDetail connector={connector} />;
}

function ConnectorDetail({ connector }: { connector: Connector }) {
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(raw ?? '') ? (raw as Tab) : 'overview';
  const mappingCount = connector.scim?.mappings.length ?? 0;

  return (
    <Stack gap="lg" data-testid={`connector-detail-${connector.id}`}>
      <Card padding="lg">
        <Group gap="lg" wrap="nowrap" align="flex-start">
          <ConnectorLogo name={connector.name} src={connector.logoDataUrl} size={64} />
          <Stack gap={8} miw={0} style={{ flex: 1 }}>
            <Title order={1} data-testid="connector-name">
              {connector.name}
            </Title>
            <Text c="dimmed" size="sm" maw={720} mt={-4}>
              {connector.description}
            </Text>
            <SupportBadges supports={connector.supports} size="md" />
          </Stack>
          <Button
            component={Link}
            to={`/applications/new?connector=${encodeURIComponent(connector.id)}`}
            leftSection={<IconPlus size={16} />}
            style={{ flexShrink: 0 }}
            data-testid="catalog-add-application"
          >
            Add this application
          </Button>
        </Group>
      </Card>

      <Tabs
        value={tab}
        onChange={(v) => {
          const next = new URLSearchParams(params);
          if (!v || v === 'overview') next.delete('tab');
          else next.set('tab', v);
          setParams(next, { replace: true });
        }}
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          <Tabs.Tab value="overview" leftSection={<IconInfoCircle size={16} stroke={1.6} />}>
            Overview
          </Tabs.Tab>
          <Tabs.Tab value="sso" leftSection={<IconKey size={16} stroke={1.6} />} data-testid="tab-sso">
            Single sign-on
          </Tabs.Tab>
          <Tabs.Tab
            value="mappings"
            leftSection={<IconArrowsExchange size={16} stroke={1.6} />}
            rightSection={
              mappingCount > 0 ? (
                <Text span size="xs" c="dimmed">
                  {mappingCount}
                </Text>
              ) : undefined
            }
            data-testid="tab-mappings"
          >
            Attribute mappings
          </Tabs.Tab>
          <Tabs.Tab value="setup" leftSection={<IconListNumbers size={16} stroke={1.6} />} data-testid="tab-setup">
            Setup steps
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview">
          <OverviewTab connector={connector} />
        </Tabs.Panel>
        <Tabs.Panel value="sso">
          <SsoTab connector={connector} />
        </Tabs.Panel>
        <Tabs.Panel value="mappings">
          <MappingsTab connector={connector} />
        </Tabs.Panel>
        <Tabs.Panel value="setup">
          <SetupTab connector={connector} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function DetailSkeleton() {
  return (
    <Stack gap="lg" data-testid="connector-loading">
      <Card padding="xl">
        <Group gap="lg" wrap="nowrap">
          <Skeleton h={64} w={64} radius="lg" />
          <Stack gap={10} style={{ flex: 1 }}>
            <Skeleton h={20} w={180} />
            <Skeleton h={12} w="60%" />
            <Skeleton h={18} w={240} />
          </Stack>
        </Group>
      </Card>
      <Skeleton h={36} w={520} />
      <Skeleton h={240} />
    </Stack>
  );
}

/** Breadcrumb for `/catalog/:id`: the connector's name once the catalog is loaded. */
export function ConnectorCrumb({ id }: { id: string }) {
  const catalog = useCatalog();
  return <>{catalog.data?.connectors.find((c) => c.id === id)?.name ?? id}</>;
}
