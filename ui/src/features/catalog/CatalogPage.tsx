//! Catalog: every connector Gatehouse can set up, searchable; broken connector files are
//! reported above the grid without hiding the rest.

import { Card, Group, Kbd, SimpleGrid, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconBuildingStore, IconSearch } from '@tabler/icons-react';
import { useMemo, useRef, useState } from 'react';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { CatalogIssuesAlert } from './CatalogIssuesAlert';
import { ConnectorCard } from './ConnectorCard';
import { useCatalog } from './queries';
import { filterConnectors } from './search';

export function CatalogPage() {
  const catalog = useCatalog();
  const [search, setSearch] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  useHotkeys([['/', () => searchRef.current?.focus()]]);
  const [debounced] = useDebouncedValue(search, 80);
  const connectors = catalog.data?.connectors;
  const shown = useMemo(() => filterConnectors(connectors ?? [], debounced), [connectors, debounced]);

  return (
    <>
      <PageHeader
        title="Catalog"
        description="Applications Gatehouse can connect for single sign-on and automatic provisioning."
      />
      {catalog.isError ? (
        <QueryError error={catalog.error} title="Couldn't load the catalog" onRetry={() => void catalog.refetch()} />
      ) : (
        <>
          {catalog.data && catalog.data.issues.length > 0 && <CatalogIssuesAlert issues={catalog.data.issues} />}
          <Group justify="space-between" mb="md" wrap="nowrap">
            <TextInput
              ref={searchRef}
              placeholder="Search by name or description"
              aria-label="Search the catalog"
              leftSection={<IconSearch size={16} stroke={1.6} />}
              rightSection={search ? undefined : <Kbd size="xs">/</Kbd>}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') setSearch('');
              }}
              w={360}
              data-testid="catalog-search"
            />
            {connectors && (
              <Text size="sm" c="dimmed" data-testid="catalog-count">
                {shown.length === connectors.length
                  ? `${connectors.length} connectors`
                  : `${shown.length} of ${connectors.length} connectors`}
              </Text>
            )}
          </Group>
          {catalog.isPending ? (
            <CatalogSkeleton />
          ) : shown.length > 0 ? (
            <SimpleGrid cols={{ base: 2, lg: 3 }} spacing="md" data-testid="catalog-grid">
              {shown.map((c) => (
                <ConnectorCard key={c.id} connector={c} />
              ))}
            </SimpleGrid>
          ) : (
            <EmptyPanel
              testId="catalog-no-match"
              icon={<IconBuildingStore size={30} stroke={1.5} />}
              title={connectors?.length ? 'No connectors match your search' : 'The catalog is empty'}
              description={
                connectors?.length
                  ? `Nothing is called or described as “${debounced.trim()}”. For any other application, use Custom SAML app or Custom SCIM app.`
                  : 'No connector could be loaded.'
              }
            />
          )}
        </>
      )}
    </>
  );
}

function CatalogSkeleton() {
  return (
    <SimpleGrid cols={{ base: 2, lg: 3 }} spacing="md" data-testid="catalog-loading">
      {Array.from({ length: 6 }, (_, i) => (
        <Card key={i}>
          <Group gap="md" wrap="nowrap" align="flex-start">
            <Skeleton h={44} w={44} radius="md" />
            <Stack gap={8} style={{ flex: 1 }}>
              <Skeleton h={14} w="50%" />
              <Skeleton h={10} />
              <Skeleton h={10} w="80%" />
            </Stack>
          </Group>
          <Group gap={6} mt="lg">
            <Skeleton h={18} w={48} />
            <Skeleton h={18} w={84} />
          </Group>
        </Card>
      ))}
    </SimpleGrid>
  );
}
