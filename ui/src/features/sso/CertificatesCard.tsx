//! "Certificates": the signing certificates and everything done with them. Generate the
//! first one; export certificate.pem and the IdP metadata for the application; roll over
//! without downtime (prepare a next certificate, published beside the active one, then
//! activate it once the application has the new metadata), or discard the next one.

import { Alert, Button, Group, Modal, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCertificate, IconCertificateOff, IconDownload, IconFileCode, IconRefreshDot, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { SsoView } from '../../bindings/SsoView';
import { ConfirmDeleteModal } from '../../components/ConfirmDeleteModal';
import { showSuccessToast } from '../../components/notify';
import { CertificateTable } from './CertificateTable';
import { fileSlug, PEM_FILTER, useFileExport, XML_FILTER } from './exportFile';
import { GenerateCertificateModal } from './GenerateCertificateModal';
import { useActivateNext, useDiscardNext } from './queries';
import { SsoSection } from './Section';

export function CertificatesCard({ view }: { view: SsoView }) {
  const appId = view.appId;
  const active = view.certificates.find((c) => c.status === 'active');
  const next = view.certificates.find((c) => c.status === 'next');
  const [generating, setGenerating] = useState<null | 'first' | 'next'>(null);
  const [confirm, setConfirm] = useState<null | 'activate' | 'discard'>(null);
  const activate = useActivateNext(appId);
  const discard = useDiscardNext(appId);
  const files = useFileExport(appId);

  const exportCertificate = () =>
    void files.run('certificate', 'Save certificate.pem', 'certificate.pem', PEM_FILTER, 'Certificate saved');
  const exportMetadata = () =>
    void files.run(
      'metadata',
      'Save IdP metadata',
      `${fileSlug(view.appLabel)}-idp-metadata.xml`,
      XML_FILTER,
      'Metadata saved',
    );

  const actions = active ? (
    <>
      <Button
        variant="default"
        size="xs"
        leftSection={<IconDownload size={15} />}
        onClick={exportCertificate}
        loading={files.busy === 'certificate'}
        data-testid="sso-export-certificate"
      >
        Download certificate
      </Button>
      <Button
        variant="default"
        size="xs"
        leftSection={<IconFileCode size={15} />}
        onClick={exportMetadata}
        loading={files.busy === 'metadata'}
        data-testid="sso-export-metadata"
      >
        Export metadata
      </Button>
      {!next && (
        <Button
          variant="light"
          size="xs"
          leftSection={<IconRefreshDot size={15} />}
          onClick={() => setGenerating('next')}
          data-testid="sso-cert-prepare-next"
        >
          Prepare next certificate
        </Button>
      )}
    </>
  ) : undefined;

  return (
    <SsoSection
      icon={IconCertificate}
      title="Certificates"
      description={`The key pair that signs ${view.connectorName}'s sign-ins. Private keys never leave the OS keychain.`}
      actions={actions}
      testId="sso-certificates"
      flush
    >
      {view.certificates.length === 0 ? (
        <Stack align="center" gap="sm" py={36} px="lg" ta="center" data-testid="sso-certificates-empty">
          <ThemeIcon size={52} radius="xl" variant="light" color="gray">
            <IconCertificateOff size={28} stroke={1.5} />
          </ThemeIcon>
          <Text fw={600}>No signing certificate yet</Text>
          <Text size="sm" c="dimmed" maw={520}>
            Generate one to sign Responses. Then download certificate.pem (or export the metadata) and give it to{' '}
            {view.connectorName}.
          </Text>
          <Button mt="xs" leftSection={<IconCertificate size={16} />} onClick={() => setGenerating('first')} data-testid="sso-cert-generate">
            Generate certificate
          </Button>
        </Stack>
      ) : (
        <Stack gap={0}>
          {next && (
            <Alert
              mx="lg"
              mt="md"
              color="blue"
              variant="light"
              icon={<IconRefreshDot size={20} />}
              title="Rollover in progress"
              data-testid="sso-rollover"
            >
              <Stack gap="sm">
                <Text size="sm">
                  The metadata now lists both certificates. Give {view.connectorName} the new metadata (or the next
                  certificate), then activate the next certificate. Sign-ins keep working throughout.
                </Text>
                <Group gap="xs">
                  <Button size="xs" onClick={() => setConfirm('activate')} data-testid="sso-cert-activate-next">
                    Activate next certificate
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    leftSection={<IconTrash size={14} />}
                    onClick={() => setConfirm('discard')}
                    data-testid="sso-cert-discard-next"
                  >
                    Discard next
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
          <CertificateTable certificates={view.certificates} />
        </Stack>
      )}

      <GenerateCertificateModal
        appId={appId}
        connectorName={view.connectorName}
        next={generating === 'next'}
        opened={generating !== null}
        onClose={() => setGenerating(null)}
        onGenerated={(cert) =>
          showSuccessToast(
            cert.status === 'next' ? 'Next certificate prepared' : 'Certificate generated',
            cert.status === 'next'
              ? 'It is published in the metadata beside the active one.'
              : `${view.appLabel}'s sign-ins are signed with it. Download certificate.pem for ${view.connectorName}.`,
          )
        }
      />

      <Modal
        opened={confirm === 'activate'}
        onClose={() => setConfirm(null)}
        title={<Text fw={600}>Activate the next certificate?</Text>}
        centered
        size="md"
      >
        <Stack gap="md" data-testid="sso-activate-modal">
          <Text size="sm">
            From now on, every Response to {view.connectorName} is signed with the next certificate
            {next ? ` (serial ${next.serialHex.slice(0, 16)}…)` : ''}. The active one is retired.
          </Text>
          <Alert color="yellow" variant="light" title={`${view.connectorName} must already have the new metadata`}>
            If {view.connectorName} still trusts only the current certificate, sign-ins fail until you give it the new
            metadata or certificate.pem.
          </Alert>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirm(null)} data-autofocus>
              Cancel
            </Button>
            <Button
              loading={activate.isPending}
              onClick={() =>
                activate.mutate(undefined, {
                  onSuccess: () => {
                    setConfirm(null);
                    showSuccessToast('Next certificate activated', 'The previous certificate is retired.');
                  },
                })
              }
              data-testid="sso-activate-confirm"
            >
              Activate
            </Button>
          </Group>
        </Stack>
      </Modal>

      <ConfirmDeleteModal
        opened={confirm === 'discard'}
        onClose={() => setConfirm(null)}
        title="Discard the next certificate?"
        confirmLabel="Discard"
        loading={discard.isPending}
        onConfirm={() =>
          discard.mutate(undefined, {
            onSuccess: () => {
              setConfirm(null);
              showSuccessToast('Next certificate discarded');
            },
          })
        }
      >
        <Text size="sm">
          The next certificate and its private key are deleted, and the metadata lists only the active certificate again.
          If you already gave {view.connectorName} the metadata with both, that does no harm.
        </Text>
      </ConfirmDeleteModal>
    </SsoSection>
  );
}
