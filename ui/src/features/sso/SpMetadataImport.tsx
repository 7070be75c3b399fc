//! "Import SP metadata": the admin picks the application's metadata XML in the native open
//! dialog; the core reads it and lists what it would change (entity ID, ACS URLs, NameID
//! format, signing), shown before → after for the admin to confirm. A refused file
//! (malformed, over 1 MiB, DTD, not SAML) is explained in the same window.

import { Alert, Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight, IconCircleCheck, IconFileImport, IconFileX } from '@tabler/icons-react';
import { useState } from 'react';
import type { FieldChange } from '../../bindings/FieldChange';
import type { SpMetadataChanges } from '../../bindings/SpMetadataChanges';
import { showSuccessToast } from '../../components/notify';
import { chooseOpenPath } from '../../lib/dialogs';
import { IpcError } from '../../lib/ipc';
import { nameIdFormatLabel } from './draft';
import { useApplySpMetadata, usePreviewSpMetadata } from './queries';
import classes from './SsoTab.module.css';

type Shown = { path: string; changes: SpMetadataChanges; error?: undefined } | { path: string; error: string; changes?: undefined };

const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** A value as the SSO tab shows it (NameID formats by name). */
function shownValue(change: FieldChange, value: string): string {
  return change.field === 'nameIdFormat' ? nameIdFormatLabel(value) : value;
}

function Values({ change, values, testId }: { change: FieldChange; values: string[]; testId: string }) {
  if (values.length === 0 || values.every((v) => !v)) {
    return (
      <Text size="xs" c="dimmed" fs="italic">
        (empty)
      </Text>
    );
  }
  return (
    <Stack gap={2} data-testid={testId}>
      {values.map((v, i) => (
        <Text key={i} size="xs" className={classes.mono}>
          {shownValue(change, v)}
        </Text>
      ))}
    </Stack>
  );
}

export function SpMetadataImport({ appId, connectorName, disabled }: { appId: string; connectorName: string; disabled?: boolean }) {
  const preview = usePreviewSpMetadata(appId);
  const apply = useApplySpMetadata(appId);
  const [shown, setShown] = useState<Shown | null>(null);
  const [applyError, setApplyError] = useState<string | null>(null);
  const [choosing, setChoosing] = useState(false);

  const choose = async () => {
    setChoosing(true);
    try {
      const path = await chooseOpenPath(`Import ${connectorName} SP metadata`, 'sp-metadata.xml', [
        { name: 'SAML metadata (XML)', extensions: ['xml'] },
      ]);
      if (!path) return;
      setApplyError(null);
      preview.mutate(path, {
        onSuccess: (changes) => setShown({ path, changes }),
        onError: (e) => {
          const err = IpcError.from(e);
          if (err.field) setShown({ path, error: err.message });
        },
      });
    } finally {
      setChoosing(false);
    }
  };

  const close = () => {
    setShown(null);
    setApplyError(null);
  };

  const onApply = () => {
    if (!shown) return;
    setApplyError(null);
    apply.mutate(shown.path, {
      onSuccess: () => {
        const n = shown.changes?.changes.length ?? 0;
        close();
        showSuccessToast('SP metadata imported', `${n} ${n === 1 ? 'field' : 'fields'} updated and saved.`);
      },
      onError: (e) => {
        const err = IpcError.from(e);
        if (err.field) setApplyError(err.message);
      },
    });
  };

  const changes = shown?.changes?.changes ?? [];

  return (
    <>
      <Button
        variant="default"
        size="xs"
        leftSection={<IconFileImport size={15} />}
        onClick={() => void choose()}
        loading={choosing || preview.isPending}
        disabled={disabled}
        data-testid="sso-import-metadata"
      >
        Import SP metadata
      </Button>
      <Modal
        opened={shown !== null}
        onClose={close}
        title={<Text fw={600}>Import SP metadata</Text>}
        size={shown?.error ? 'md' : 'xl'}
        centered
      >
        {shown && (
          <Stack gap="md" data-testid="sso-import-modal">
            <Group gap="xs" wrap="nowrap">
              <Text size="sm" c="dimmed">
                File
              </Text>
              <Text size="sm" fw={600} className={classes.mono} title={shown.path}>
                {baseName(shown.path)}
              </Text>
            </Group>
            {shown.error !== undefined ? (
              <Alert color="red" variant="light" icon={<IconFileX size={20} />} title="This file can't be imported" data-testid="sso-import-refused">
                {shown.error}
              </Alert>
            ) : changes.length === 0 ? (
              <Alert color="teal" variant="light" icon={<IconCircleCheck size={20} />} title="Nothing to change" data-testid="sso-import-nothing">
                The metadata of {shown.changes.metadata.entityId} matches the configuration already.
              </Alert>
            ) : (
              <>
                <Text size="sm">
                  The file describes <b className={classes.mono}>{shown.changes.metadata.entityId}</b>. Importing it changes
                  {changes.length === 1 ? ' this field' : ` these ${changes.length} fields`} and saves the configuration:
                </Text>
                <Table withTableBorder verticalSpacing="sm" data-testid="sso-import-changes">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={140}>Field</Table.Th>
                      <Table.Th>Now</Table.Th>
                      <Table.Th w={28} />
                      <Table.Th>After import</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {changes.map((c) => (
                      <Table.Tr key={c.field} data-testid={`sso-import-change-${c.field}`}>
                        <Table.Td>
                          <Badge variant="light" color="gray" size="sm" radius="sm">
                            {c.label}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          <Values change={c} values={c.before} testId={`sso-import-before-${c.field}`} />
                        </Table.Td>
                        <Table.Td>
                          <IconArrowRight size={14} color="var(--mantine-color-dimmed)" />
                        </Table.Td>
                        <Table.Td>
                          <Values change={c} values={c.after} testId={`sso-import-after-${c.field}`} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </>
            )}
            {applyError && (
              <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert" data-testid="sso-import-error">
                {applyError}
              </Alert>
            )}
            <Group justify="flex-end" gap="sm">
              {shown.error !== undefined || changes.length === 0 ? (
                <>
                  <Button variant="default" onClick={close}>
                    Close
                  </Button>
                  <Button variant="light" onClick={() => void choose()} data-testid="sso-import-choose-again">
                    Choose another file
                  </Button>
                </>
              ) : (
                <>
                  <Button variant="default" onClick={close} data-autofocus>
                    Cancel
                  </Button>
                  <Button onClick={onApply} loading={apply.isPending} data-testid="sso-import-apply">
                    Apply and save
                  </Button>
                </>
              )}
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
