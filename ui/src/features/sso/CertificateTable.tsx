//! The application's signing certificates: status (active, next, retired), key type, subject and serial, validity, and both fingerprints to copy (what an
//! application's admin compares when it asks "is this the right certificate?").

import { Badge, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import type { CertificateRecord } from '../../bindings/CertificateRecord';
import type { CertificateStatus } from '../../bindings/CertificateStatus';
import { CopyValue } from '../../components/CopyValue';
import { formatFullTime, formatRelative } from '../../lib/format';
import { expiryColor } from './labels';
import { algorithmLabel } from './labels';

const STATUS: Record<CertificateStatus, { color: string; label: string; help: string }> = {
  active: { color: 'green', label: 'Active', help: 'Signs every Response; exported as certificate.pem.' },
  next: {
    color: 'blue',
    label: 'Next',
    help: 'Published in the metadata beside the active one; activate it once the application has it.',
  },
  retired: { color: 'gray', label: 'Retired', help: 'Replaced by a newer certificate; kept for the record. Its key is deleted.' },
};

const dateFmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function day(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateFmt.format(d);
}

export function CertificateTable({ certificates }: { certificates: CertificateRecord[] }) {
  return (
    <Table.ScrollContainer minWidth={900} type="native">
      <Table layout="fixed" verticalSpacing="md" horizontalSpacing="lg" data-testid="sso-certificates-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={124}>Status</Table.Th>
            <Table.Th>Certificate</Table.Th>
            <Table.Th w={196}>Valid</Table.Th>
            <Table.Th w={310}>Fingerprints</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {certificates.map((c) => {
            const s = STATUS[c.status];
            const retired = c.status === 'retired';
            return (
              <Table.Tr key={c.id} data-testid={`sso-certificate-${c.status}`} data-serial={c.serialHex} style={{ opacity: retired ? 0.72 : 1 }}>
                <Table.Td>
                  <Tooltip label={s.help} multiline maw={260}>
                    <Badge color={s.color} variant={c.status === 'active' ? 'filled' : 'light'} size="sm" data-badge="certificate-status">
                      {s.label}
                    </Badge>
                  </Tooltip>
                </Table.Td>
                <Table.Td>
                  <Stack gap={4} miw={0}>
                    <Text size="sm" fw={500} truncate data-testid="sso-certificate-subject">
                      {c.subject}
                    </Text>
                    <Group gap={6} wrap="nowrap" miw={0}>
                      <Text size="xs" c="dimmed" style={{ flexShrink: 0 }} data-testid="sso-certificate-algorithm">
                        {algorithmLabel(c.algorithm)} · Serial
                      </Text>
                      <CopyValue value={c.serialHex} label="Serial number" />
                    </Group>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <Tooltip label={`From ${formatFullTime(c.notBefore)}`} openDelay={400}>
                      <Text size="sm">{day(c.notBefore)}</Text>
                    </Tooltip>
                    <Tooltip label={`Until ${formatFullTime(c.notAfter)}`} openDelay={400}>
                      <Text size="sm">→ {day(c.notAfter)}</Text>
                    </Tooltip>
                    {!retired && c.expiry ? (
                      <Group gap={4} wrap="nowrap" c={`var(--mantine-color-${expiryColor(c.expiry)}-text)`} data-testid="sso-certificate-expiry">
                        <IconClockExclamation size={13} stroke={1.8} />
                        <Text size="xs" fw={600} style={{ whiteSpace: 'nowrap' }}>
                          {c.expiry === 'expired' ? 'Expired' : 'Expires'} {formatRelative(c.notAfter)}
                        </Text>
                      </Group>
                    ) : (
                      <Text size="xs" c="dimmed">
                        {c.expiry === 'expired' ? 'Expired' : 'Expires'} {formatRelative(c.notAfter)}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Stack gap={4} miw={0}>
                    <Fingerprint label="SHA-1" value={c.sha1Fingerprint} />
                    <Fingerprint label="SHA-256" value={c.sha256Fingerprint} />
                  </Stack>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Fingerprint({ label, value }: { label: string; value: string }) {
  return (
    <Group gap={8} wrap="nowrap" miw={0}>
      <Text size="xs" c="dimmed" fw={600} w={58} style={{ flexShrink: 0, whiteSpace: 'nowrap' }}>
        {label}
      </Text>
      <CopyValue value={value} label={`${label} fingerprint`} />
    </Group>
  );
}
