//! The connector's SAML defaults: the values the admin supplies (placeholders), the
//! endpoint templates with those placeholders highlighted, NameID, signing and attributes.

import { Badge, Code, DataList, Grid, Stack, Table, Text } from '@mantine/core';
import type { Connector } from '../../../bindings/Connector';
import type { NameIdFormat } from '../../../bindings/NameIdFormat';
import type { SamlSigning } from '../../../bindings/SamlSigning';
import type { SsoDefaults } from '../../../bindings/SsoDefaults';
import { Template } from '../Template';
import { NotSupported, Section } from './Section';

const NAME_ID_LABELS: Record<NameIdFormat, string> = {
  'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified': 'Unspecified',
  'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress': 'Email address',
  'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent': 'Persistent',
  'urn:oasis:names:tc:SAML:2.0:nameid-format:transient': 'Transient',
};

const SIGNING_LABELS: Record<SamlSigning, string> = {
  assertion: 'Assertion',
  response: 'Response',
  both: 'Response and assertion',
};

export function SsoTab({ connector }: { connector: Connector }) {
  const sso = connector.sso;
  if (!sso) {
    return <NotSupported>{connector.name} does not use single sign-on through Gatehouse.</NotSupported>;
  }
  return (
    <Stack gap="lg" data-testid="connector-sso">
      {sso.placeholders.length > 0 && <PlaceholdersSection sso={sso} />}
      <EndpointsSection sso={sso} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <AssertionSection sso={sso} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <AttributesSection sso={sso} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function PlaceholdersSection({ sso }: { sso: SsoDefaults }) {
  return (
    <Section
      title="Values you supply"
      description="Replace these placeholders when you add the application. They are highlighted in the templates below."
      padding={0}
    >
      <Table verticalSpacing="sm" horizontalSpacing="lg" data-testid="sso-placeholders">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={220}>Placeholder</Table.Th>
            <Table.Th>What it is</Table.Th>
            <Table.Th w={200}>Example</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sso.placeholders.map((p) => (
            <Table.Tr key={p.token}>
              <Table.Td>
                <Template text={p.token} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {p.label}
                </Text>
                <Text size="xs" c="dimmed">
                  {p.help}
                </Text>
              </Table.Td>
              <Table.Td>
                {p.example ? (
                  <Code fz="xs">{p.example}</Code>
                ) : (
                  <Text size="xs" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Section>
  );
}

function TemplateValue({ text, sso, testId }: { text: string; sso: SsoDefaults; testId: string }) {
  if (!text) {
    return (
      <Text size="sm" c="dimmed" fs="italic" data-testid={testId}>
        Entered by you when you add the application
      </Text>
    );
  }
  return <Template text={text} placeholders={sso.placeholders} testId={testId} />;
}

function EndpointsSection({ sso }: { sso: SsoDefaults }) {
  return (
    <Section title="Endpoints" description="Defaults for a new application; placeholders are filled from the values you supply.">
      <DataList labelWidth={170} gap="sm" withDivider>
        <DataList.Item>
          <DataList.ItemLabel>IdP entity ID</DataList.ItemLabel>
          <DataList.ItemValue>
            <TemplateValue text={sso.idpEntityIdTemplate} sso={sso} testId="sso-idp-entity-id" />
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>SP entity ID</DataList.ItemLabel>
          <DataList.ItemValue>
            <TemplateValue text={sso.spEntityIdTemplate} sso={sso} testId="sso-sp-entity-id" />
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>ACS URL{sso.acsUrlTemplates.length > 1 ? 's' : ''}</DataList.ItemLabel>
          <DataList.ItemValue>
            {sso.acsUrlTemplates.length === 0 ? (
              <TemplateValue text="" sso={sso} testId="sso-acs-urls" />
            ) : (
              <Stack gap={6} data-testid="sso-acs-urls">
                {sso.acsUrlTemplates.map((url, i) => (
                  <div key={url}>
                    <Template text={url} placeholders={sso.placeholders} />
                    {i === 0 && sso.acsUrlTemplates.length > 1 && (
                      <Badge size="xs" variant="light" color="gray" ml={8}>
                        Default
                      </Badge>
                    )}
                  </div>
                ))}
              </Stack>
            )}
          </DataList.ItemValue>
        </DataList.Item>
        {sso.spLoginUrlTemplate && (
          <DataList.Item>
            <DataList.ItemLabel>SP login URL</DataList.ItemLabel>
            <DataList.ItemValue>
              <TemplateValue text={sso.spLoginUrlTemplate} sso={sso} testId="sso-sp-login-url" />
            </DataList.ItemValue>
          </DataList.Item>
        )}
      </DataList>
    </Section>
  );
}

function AssertionSection({ sso }: { sso: SsoDefaults }) {
  const flows = [sso.idpInitiated && 'IdP-initiated', sso.spInitiated && 'SP-initiated'].filter(Boolean) as string[];
  return (
    <Section title="Assertion">
      <DataList labelWidth={120} gap="sm" withDivider>
        <DataList.Item>
          <DataList.ItemLabel>NameID</DataList.ItemLabel>
          <DataList.ItemValue data-testid="sso-name-id">
            <Text size="sm" fw={500}>
              {NAME_ID_LABELS[sso.nameIdFormat] ?? sso.nameIdFormat}
            </Text>
            <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
              {sso.nameIdFormat}
            </Text>
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>NameID source</DataList.ItemLabel>
          <DataList.ItemValue>
            <Code fz="xs">jcUser.{sso.nameIdSource}</Code>
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Signed</DataList.ItemLabel>
          <DataList.ItemValue>
            <Text size="sm">{SIGNING_LABELS[sso.signing] ?? sso.signing}</Text>
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Sign-in starts</DataList.ItemLabel>
          <DataList.ItemValue>
            <Text size="sm">{flows.length ? flows.join(' and ') : '—'}</Text>
          </DataList.ItemValue>
        </DataList.Item>
      </DataList>
    </Section>
  );
}

function AttributesSection({ sso }: { sso: SsoDefaults }) {
  const empty = sso.userAttributes.length === 0 && sso.constantAttributes.length === 0;
  return (
    <Section title="Attributes" description="Sent in each assertion, besides the NameID." padding={0}>
      {empty ? (
        <Text size="sm" c="dimmed" px="lg" pb="lg">
          No attributes by default.
        </Text>
      ) : (
        <Table verticalSpacing="xs" horizontalSpacing="lg" data-testid="sso-attributes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Attribute</Table.Th>
              <Table.Th>Value</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sso.userAttributes.map((a) => (
              <Table.Tr key={`u:${a.name}`}>
                <Table.Td>
                  <Text size="xs" ff="monospace">
                    {a.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Code fz="xs">jcUser.{a.source}</Code>
                  {a.jitRequired && (
                    <Badge size="xs" variant="light" color="violet" ml={8}>
                      JIT required
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
            {sso.constantAttributes.map((a) => (
              <Table.Tr key={`c:${a.name}`}>
                <Table.Td>
                  <Text size="xs" ff="monospace">
                    {a.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Code fz="xs">&quot;{a.value}&quot;</Code>
                  <Badge size="xs" variant="light" color="gray" ml={8}>
                    Constant
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text size="xs" c="dimmed" px="lg" py="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
        Group attribute:{' '}
        {sso.groupAttribute
          ? sso.groupAttributeName
            ? <Code fz="xs">{sso.groupAttributeName}</Code>
            : 'supported (name of your choice)'
          : 'not supported'}
      </Text>
    </Section>
  );
}
