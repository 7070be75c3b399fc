//! A built Response, read two ways: what it says (issuer, destination, audience, NameID,
//! validity, signature, and each attribute with all its values) beside the signed XML
//! itself, pretty-printed.

import { Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { AssertionPreview } from '../../bindings/AssertionPreview';
import { formatFullTime } from '../../lib/format';
import { nameIdFormatLabel } from './draft';
import classes from './AssertionResult.module.css';
import { XmlBlock } from './XmlBlock';

const SIGNED: Record<AssertionPreview['signing'], string> = {
  assertion: 'Assertion signed',
  response: 'Response signed',
  both: 'Assertion and Response signed',
};

const timeFmt = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

function time(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : timeFmt.format(d);
}

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <>
      <Text size="xs" c="dimmed" fw={600} className={classes.factLabel}>
        {label}
      </Text>
      <div className={classes.factValue} data-testid={testId}>
        {children}
      </div>
    </>
  );
}

export function AssertionResult({ preview }: { preview: AssertionPreview }) {
  return (
    <div className={classes.layout} data-testid="sso-preview-result">
      <div className={classes.grid}>
        <Stack gap="lg" miw={0}>
          <div className={classes.facts}>
            <Fact label="User">
              <Text size="sm" fw={600}>
                {preview.username}
              </Text>
            </Fact>
            <Fact label="NameID" testId="sso-preview-nameid">
              <Text size="sm" className={classes.mono}>
                {preview.nameId}
              </Text>
              <Text size="xs" c="dimmed">
                {nameIdFormatLabel(preview.nameIdFormat)}
              </Text>
            </Fact>
            <Fact label="Issuer">
              <Text size="sm" className={classes.mono}>
                {preview.issuer}
              </Text>
            </Fact>
            <Fact label="Destination" testId="sso-preview-destination">
              <Text size="sm" className={classes.mono}>
                {preview.destination}
              </Text>
            </Fact>
            <Fact label="Audience">
              <Text size="sm" className={classes.mono}>
                {preview.audience}
              </Text>
            </Fact>
            <Fact label="Valid">
              <Text size="sm" title={`${formatFullTime(preview.notBefore)} – ${formatFullTime(preview.notOnOrAfter)}`}>
                {time(preview.notBefore)} – {time(preview.notOnOrAfter)}
              </Text>
            </Fact>
            <Fact label="Signature">
              <Text size="sm">{SIGNED[preview.signing]}</Text>
              <Text size="xs" c="dimmed" className={classes.mono}>
                SHA-256 · certificate {preview.certificateSerial.slice(0, 16)}…
              </Text>
            </Fact>
          </div>

          <Stack gap={6}>
            <Title order={4} fz="sm">
              Attributes
            </Title>
            {preview.attributes.length === 0 ? (
              <Text size="sm" c="dimmed" fs="italic">
                No attributes: only the NameID identifies the user.
              </Text>
            ) : (
              <Table withTableBorder verticalSpacing={6} data-testid="sso-preview-attributes">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Value</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.attributes.map((a) => (
                    <Table.Tr key={a.name} data-testid={`sso-preview-attribute-${a.name}`}>
                      <Table.Td>
                        <Text size="xs" className={classes.mono} fw={600}>
                          {a.name}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {a.values.length === 1 ? (
                          <Text size="sm" className={classes.mono}>
                            {a.values[0]}
                          </Text>
                        ) : (
                          <Group gap={4}>
                            {a.values.map((v) => (
                              <Badge key={v} variant="light" color="gray" size="sm" tt="none">
                                {v}
                              </Badge>
                            ))}
                          </Group>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {preview.omittedAttributes.length > 0 && (
              <Text size="xs" c="dimmed" data-testid="sso-preview-omitted">
                Left out (no value for {preview.username}): {preview.omittedAttributes.join(', ')}
              </Text>
            )}
          </Stack>
        </Stack>

        <Stack gap={6} miw={0}>
          <Group justify="space-between">
            <Title order={4} fz="sm">
              SAML Response
            </Title>
            <Text size="xs" c="dimmed">
              Indented for reading; saving and copying keep the signed original.
            </Text>
          </Group>
          <XmlBlock text={preview.prettyXml} copyText={preview.xml} label="The signed SAML Response" testId="sso-preview-xml" />
        </Stack>
      </div>
    </div>
  );
}
