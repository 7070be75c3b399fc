//! Generating a signing certificate: key type and validity, with a progress note while a
//! large RSA key is made (RSA 4096 takes about a second). The first certificate becomes
//! active; during a rollover the new one is the *next* certificate, published beside it.

import { Alert, Button, Group, Loader, Modal, NumberInput, Select, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCertificate } from '@tabler/icons-react';
import { useState } from 'react';
import type { CertificateRecord } from '../../bindings/CertificateRecord';
import type { KeyAlgorithm } from '../../bindings/KeyAlgorithm';
import { IpcError } from '../../lib/ipc';
import { ALGORITHMS, algorithmLabel, DEFAULT_DAYS } from './labels';
import { useGenerateCertificate } from './queries';

const MAX_DAYS = 3650;

function until(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(d);
}

export function GenerateCertificateModal({
  appId,
  connectorName,
  next,
  opened,
  onClose,
  onGenerated,
}: {
  appId: string;
  connectorName: string;
  /** A rollover: the new certificate is the next one. */
  next: boolean;
  opened: boolean;
  onClose: () => void;
  onGenerated: (cert: CertificateRecord) => void;
}) {
  const generate = useGenerateCertificate(appId);
  const [algorithm, setAlgorithm] = useState<KeyAlgorithm>('rsa2048');
  const [days, setDays] = useState<number | string>(DEFAULT_DAYS);
  const [daysError, setDaysError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const help = ALGORITHMS.find((a) => a.value === algorithm)?.help;
  const validDays = typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= MAX_DAYS;

  const close = () => {
    if (generate.isPending) return;
    setError(null);
    setDaysError(null);
    onClose();
  };

  const submit = () => {
    if (!validDays) {
      setDaysError(`Enter a whole number of days from 1 to ${MAX_DAYS}.`);
      return;
    }
    setError(null);
    setDaysError(null);
    generate.mutate(
      { algorithm, days, next },
      {
        onSuccess: (cert) => {
          onGenerated(cert);
          onClose();
        },
        onError: (e) => {
          const err = IpcError.from(e);
          if (err.field === 'days') setDaysError(err.message);
          else if (err.field) setError(err.message);
        },
      },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={<Text fw={600}>{next ? 'Prepare the next certificate' : 'Generate a signing certificate'}</Text>}
      centered
      size="md"
      closeOnClickOutside={!generate.isPending}
      withCloseButton={!generate.isPending}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        data-testid="sso-generate-modal"
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {next
              ? `The new certificate is published in the metadata beside the active one. Once ${connectorName} has the new metadata, activate it: sign-ins keep working throughout.`
              : `Gatehouse signs ${connectorName}'s sign-ins with this key. The private key is kept in the operating system's keychain and never leaves it; only the certificate is exported.`}
          </Text>
          <Select
            label="Key type"
            data={ALGORITHMS.map((a) => ({ value: a.value, label: a.label }))}
            value={algorithm}
            onChange={(v) => v && setAlgorithm(v as KeyAlgorithm)}
            allowDeselect={false}
            description={help}
            disabled={generate.isPending}
            comboboxProps={{ keepMounted: false, withinPortal: true }}
            data-testid="sso-generate-algorithm"
          />
          <NumberInput
            label="Validity"
            description={validDays ? `Valid until ${until(days)}.` : `1 to ${MAX_DAYS} days.`}
            rightSection={
              <Text size="xs" c="dimmed" pr={28}>
                days
              </Text>
            }
            rightSectionWidth={64}
            min={1}
            max={MAX_DAYS}
            allowDecimal={false}
            allowNegative={false}
            value={days}
            onChange={(v) => {
              setDays(v);
              setDaysError(null);
            }}
            error={daysError}
            disabled={generate.isPending}
            data-testid="sso-generate-days"
          />
          {generate.isPending && (
            <Group gap="sm" wrap="nowrap" data-testid="sso-generating">
              <Loader size="sm" />
              <Text size="sm" c="dimmed">
                Generating {algorithmLabel(algorithm)} key pair
                {algorithm === 'rsa4096' || algorithm === 'rsa3072' ? '… large RSA keys can take a second.' : '…'}
              </Text>
            </Group>
          )}
          {error && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert" data-testid="sso-generate-error">
              {error}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={close} disabled={generate.isPending}>
              Cancel
            </Button>
            <Button type="submit" leftSection={<IconCertificate size={16} />} loading={generate.isPending} data-testid="sso-generate-submit">
              {next ? 'Prepare next certificate' : 'Generate certificate'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
