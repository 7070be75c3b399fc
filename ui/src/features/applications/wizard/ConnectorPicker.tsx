//! Step 1 of the wizard: every connector as a selectable card, searchable; double-click (or
//! Enter on a card) picks it and moves on.

import { Badge, Box, Group, SimpleGrid, Skeleton, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconCircleCheckFilled, IconSearchOff } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { Connector } from '../../../bindings/Connector';
import { SearchInput } from '../../../components/SearchInput';
import { ConnectorLogo } from '../../catalog/ConnectorLogo';
import { filterConnectors } from '../../catalog/search';
import classes from './AddApplicationWizard.module.css';

export function ConnectorPicker({
  connectors,
  value,
  onChange,
  onPick,
}: {
  connectors: Connector[] | undefined;
  value: string | null;
  onChange: (id: string) => void;
  /** Chosen decisively (double-click, Enter): go on to the next step. */
  onPick: () => void;
}) {
  const [search, setSearch] = useState('');
  const shown = useMemo(() => filterConnectors(connectors ?? [], search), [connectors, search]);
  const selected = connectors?.find((c) => c.id === value);
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="nowrap">
        <SearchInput
          initial=""
          onSearch={setSearch}
          debounceMs={60}
          placeholder="Search applications"
          label="Search connectors"
          testId="wizard-search"
        />
        <Text size="sm" c="dimmed">
          {selected ? (
            <>
              Selected: <b>{selected.name}</b>
            </>
          ) : (
            'Choose the application to connect, or a custom SAML or SCIM app.'
          )}
        </Text>
      </Group>
      {connectors === undefined ? (
        <SimpleGrid cols={{ base: 2, lg: 3 }} spacing="md">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} h={92} radius="md" />
          ))}
        </SimpleGrid>
      ) : shown.length === 0 ? (
        <Box py={40} ta="center">
          <IconSearchOff size={28} stroke={1.5} color="var(--mantine-color-dimmed)" />
          <Text fw={600} mt="xs">
            No connector matches “{search.trim()}”
          </Text>
          <Text size="sm" c="dimmed" mt={4}>
            For any other application, use Custom SAML app or Custom SCIM app.
          </Text>
        </Box>
      ) : (
        <SimpleGrid cols={{ base: 2, lg: 3 }} spacing="md" role="radiogroup" aria-label="Connector">
          {shown.map((c) => {
            const checked = c.id === value;
            return (
              <UnstyledButton
                key={c.id}
                role="radio"
                aria-checked={checked}
                data-checked={checked || undefined}
                className={classes.connector}
                onClick={() => onChange(c.id)}
                onDoubleClick={() => {
                  onChange(c.id);
                  onPick();
                }}
                data-testid={`wizard-connector-${c.id}`}
              >
                <Group gap="md" wrap="nowrap" align="flex-start">
                  <ConnectorLogo name={c.name} src={c.logoDataUrl} size={40} />
                  <Stack gap={2} miw={0} style={{ flex: 1 }}>
                    <Group gap={6} wrap="nowrap">
                      <Text fw={600} size="sm" truncate>
                        {c.name}
                      </Text>
                    </Group>
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {c.description}
                    </Text>
                    <Group gap={4} mt={6}>
                      {c.supports.sso && (
                        <Badge size="xs" variant="light" color="gate">
                          SSO
                        </Badge>
                      )}
                      {c.supports.provisioning && (
                        <Badge size="xs" variant="light" color="teal">
                          Provisioning
                        </Badge>
                      )}
                      {c.supports.groups && (
                        <Badge size="xs" variant="light" color="cyan">
                          Groups
                        </Badge>
                      )}
                    </Group>
                  </Stack>
                  <IconCircleCheckFilled size={20} className={classes.check} aria-hidden />
                </Group>
              </UnstyledButton>
            );
          })}
        </SimpleGrid>
      )}
    </Stack>
  );
}
