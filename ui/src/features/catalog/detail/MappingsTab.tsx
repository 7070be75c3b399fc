//! The connector's default SCIM mappings: where the base URL comes from, then one table per
//! resource (users, groups) with required/optional, kind, source, SCIM target and when each
//! mapping is applied.

import { Badge, Code, ColorSwatch, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconInfoCircle, IconLock } from '@tabler/icons-react';
import type { Connector } from '../../../bindings/Connector';
import type { MappingDefault } from '../../../bindings/MappingDefault';
import type { MappingKind } from '../../../bindings/MappingKind';
import type { ScimDefaults } from '../../../bindings/ScimDefaults';
import { NotSupported, Section } from './Section';
import classes from './MappingsTab.module.css';

const KIND: Record<MappingKind, { label: string; color: string }> = {
  direct: { label: 'Direct', color: 'gray' },
  expression: { label: 'Expression', color: 'grape' },
  constant: { label: 'Constant', color: 'blue' },
};

export function MappingsTab({ connector }: { connector: Connector }) {
  const scim = connector.scim;
  if (!scim) {
    return <NotSupported>{connector.name} is not provisioned over SCIM, so there are no attribute mappings.</NotSupported>;
  }
  const required = scim.mappings.filter((m) => m.required).length;
  return (
    <Stack gap="lg">
      <BaseUrlSection scim={scim} />
      <Section
        title="User attributes"
        description={`${scim.mappings.length} default mappings: ${required} required, ${scim.mappings.length - required} optional. Optional mappings can be removed per application.`}
        padding={0}
      >
        <MappingsTable mappings={scim.mappings} testId="connector-mappings-table" />
      </Section>
      {scim.groupMappings.length > 0 && (
        <Section title="Group attributes" description="Sent when groups are provisioned." padding={0}>
          <MappingsTable mappings={scim.groupMappings} testId="connector-group-mappings-table" />
        </Section>
      )}
      {scim.unsupportedAttributes.length > 0 && (
        <Section title="Not supported by the application" description="These directory attributes are never sent.">
          <Group gap={6}>
            {scim.unsupportedAttributes.map((a) => (
              <Badge key={a} variant="default" ff="monospace" fw={500}>
                {a}
              </Badge>
            ))}
          </Group>
        </Section>
      )}
    </Stack>
  );
}

function BaseUrlSection({ scim }: { scim: ScimDefaults }) {
  const b = scim.baseUrl;
  return (
    <Section title="SCIM base URL">
      {b.kind === 'fixed' ? (
        <Stack gap={4} data-testid="scim-base-url">
          <Code fz="sm">{b.url}</Code>
          <Text size="xs" c="dimmed">
            The same for every organization: you only paste the API token when you activate provisioning.
          </Text>
        </Stack>
      ) : (
        <Stack gap={4} data-testid="scim-base-url">
          <Text size="sm">{b.help}</Text>
          <Text size="xs" c="dimmed">
            For example <Code fz="xs">{b.example}</Code>
          </Text>
        </Stack>
      )}
    </Section>
  );
}

function MappingsTable({ mappings, testId }: { mappings: MappingDefault[]; testId: string }) {
  return (
    <Table.ScrollContainer minWidth={760} type="native">
      <Table layout="fixed" verticalSpacing="sm" horizontalSpacing="md" className={classes.table} data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={112} pl="lg">
              Status
            </Table.Th>
            <Table.Th w={112}>Kind</Table.Th>
            <Table.Th>Source</Table.Th>
            <Table.Th w={252}>SCIM target</Table.Th>
            <Table.Th w={132} pr="lg">
              Applied
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {mappings.map((m, i) => (
            <MappingRow key={`${m.target}#${i}`} mapping={m} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function MappingRow({ mapping: m }: { mapping: MappingDefault }) {
  const kind = KIND[m.kind] ?? { label: m.kind, color: 'gray' };
  return (
    <Table.Tr data-target={m.target} data-required={m.required}>
      <Table.Td pl="lg">
        {m.required ? (
          <Group gap={4} wrap="nowrap" c="var(--mantine-primary-color-filled)">
            <IconLock size={13} stroke={2} />
            <Text size="xs" fw={600} span>
              Required
            </Text>
          </Group>
        ) : (
          <Group gap={4} wrap="nowrap">
            <Text size="xs" c="dimmed" span>
              Optional
            </Text>
          </Group>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <ColorSwatch color={`var(--mantine-color-${kind.color}-5)`} size={8} withShadow={false} />
          <Text size="xs" span>
            {kind.label}
          </Text>
        </Group>
      </Table.Td>
      <Table.Td>
        <Source mapping={m} />
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Text size="xs" ff="monospace" fw={600} className={classes.break}>
            {m.target}
          </Text>
          {m.note && (
            <Tooltip label={m.note} multiline maw={320}>
              <IconInfoCircle size={15} stroke={1.6} className={classes.noteIcon} aria-label={m.note} />
            </Tooltip>
          )}
        </Group>
        {m.referenceTarget && (
          <Text size="xs" c="dimmed" ff="monospace" className={classes.break}>
            ref: {m.referenceTarget}
          </Text>
        )}
        {m.appAttribute && (
          <Text size="xs" c="dimmed" className={classes.break}>
            App: <span className={classes.mono}>{m.appAttribute}</span>
          </Text>
        )}
      </Table.Td>
      <Table.Td pr="lg">
        <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
          {m.appliedOn === 'createOnly' ? 'On create only' : 'Create & update'}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

function Source({ mapping: m }: { mapping: MappingDefault }) {
  if (m.kind === 'expression') {
    return (
      <Stack gap={2}>
        <Code block fz="xs" className={classes.expression}>
          {m.source}
        </Code>
        {m.label && (
          <Text size="xs" c="dimmed">
            {m.label}
          </Text>
        )}
      </Stack>
    );
  }
  if (m.kind === 'constant') {
    return (
      <Code fz="xs" w="fit-content">
        &quot;{m.source}&quot;
      </Code>
    );
  }
  const field = m.directoryField ?? m.source;
  return (
    <Stack gap={2}>
      <Code fz="xs" className={classes.break} w="fit-content">
        jcUser.{field}
      </Code>
      {(m.label || m.directoryField) && (
        <Text size="xs" c="dimmed">
          {m.label}
          {m.label && m.directoryField ? ' · ' : ''}
          {m.directoryField && <>reference: {m.source}</>}
        </Text>
      )}
    </Stack>
  );
}
