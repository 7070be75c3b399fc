//! The application's Mappings tab: the attribute mappings as an editable list (required
//! ones locked), and beside it a live preview of the exact SCIM resource the draft produces
//! for a chosen user, refreshed as the admin types, before anything is saved. Save sends
//! the whole list; a refused save is shown at the row and field that caused it.

import { Alert, Badge, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconDeviceFloppy, IconInfoCircle, IconRestore } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { MappingSet } from '../../bindings/MappingSet';
import { ConfirmDeleteModal } from '../../components/ConfirmDeleteModal';
import { showSuccessToast } from '../../components/notify';
import { QueryError } from '../../components/QueryError';
import { IpcError } from '../../lib/ipc';
import { isChanged, keepDraft, newRow, parseField, takeDraft, toMappings, toRows, type DraftRow } from './draft';
import { MappingsTable } from './MappingsTable';
import { PreviewPane } from './PreviewPane';
import {
  useMappedApplication,
  usePickerUsers,
  useDraftPreview,
  useExprCatalog,
  useMappingSet,
  useRestoreMappings,
  useSavedPreview,
  useSaveMappings,
} from './queries';
import { rowFeedback, type SaveError } from './rowFeedback';
import { splitPosition } from './position';
import classes from './MappingsTab.module.css';

export function MappingsTab({ appId }: { appId: string }) {
  const set = useMappingSet(appId);
  let body;
  if (set.isPending) {
    body = (
      <Stack gap="sm">
        <Skeleton h={48} />
        <Skeleton h={320} />
      </Stack>
    );
  } else if (set.isError) {
    const err = IpcError.from(set.error);
    // e.g. a connector without SCIM: the core says why there is nothing to map.
    body =
      err.code === 'invalid_input' ? (
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={20} />} title="No attribute mappings" data-testid="mappings-unavailable">
          {err.message}
        </Alert>
      ) : (
        <QueryError error={err} title="Couldn't load the mappings" onRetry={() => void set.refetch()} />
      );
  } else {
    body = <MappingsEditor appId={appId} set={set.data} />;
  }
  return <div data-testid="mappings-tab">{body}</div>;
}

function MappingsEditor({ appId, set }: { appId: string; set: MappingSet }) {
  const app = useMappedApplication(appId);
  const connectorName = app.data?.connectorName ?? 'the connector';
  const catalog = useExprCatalog();
  const [base, setBase] = useState(set);
  const [rows, setRows] = useState<DraftRow[]>(() => takeDraft(appId, set.mappings) ?? toRows(set.mappings));
  const [saveError, setSaveError] = useState<SaveError | null>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const [user, setUser] = useState('');
  const [confirmRestore, setConfirmRestore] = useState(false);

  // The set was refreshed from elsewhere: an untouched draft follows it.
  if (set !== base) {
    setBase(set);
    if (!isChanged(rows, base.mappings)) setRows(toRows(set.mappings));
  }

  const changed = isChanged(rows, base.mappings);
  useEffect(() => keepDraft(appId, base.mappings, rows), [appId, base, rows]);
  const changedKeys = useMemo(() => {
    const saved = new Set(base.mappings.map((m) => `${m.target}\u0000${m.kind}\u0000${m.source}`));
    return new Set(rows.filter((r) => !saved.has(`${r.target}\u0000${r.kind}\u0000${r.source}`)).map((r) => r.key));
  }, [rows, base]);

  const directory = usePickerUsers('');
  const noUsers = directory.data?.total === 0;
  const draftPreview = useDraftPreview(appId, user, rows, !noUsers);
  const savedPreview = useSavedPreview(appId, user, !noUsers && changed);

  const feedback = useMemo(
    () => rowFeedback(rows, draftPreview.data, saveError, changed ? [] : base.issues),
    [rows, draftPreview.data, saveError, changed, base.issues],
  );

  const save = useSaveMappings(appId);
  const restore = useRestoreMappings(appId);

  const reset = (next: MappingSet) => {
    setBase(next);
    setRows(toRows(next.mappings));
    setSaveError(null);
  };

  const onChange = useCallback((row: DraftRow) => {
    setRows((rs) => rs.map((r) => (r.key === row.key ? row : r)));
    setSaveError((e) => (e && e.key === row.key ? null : e));
  }, []);

  const onRemove = useCallback((key: string) => {
    setRows((rs) => rs.filter((r) => r.key !== key));
    setSaveError((e) => (e && e.key === key ? null : e));
  }, []);

  const onAdd = () => {
    const row = newRow();
    setRows((rs) => [...rs, row]);
    setFocusKey(row.key);
  };

  const onSave = () => {
    const sent = rows;
    setSaveError(null);
    save.mutate(toMappings(sent), {
      onSuccess: (next) => {
        reset(next);
        showSuccessToast('Mappings saved', 'They apply to every provisioned user.');
      },
      onError: (e) => {
        const err = IpcError.from(e);
        if (!err.field) return; // shown as a toast
        const ref = parseField(err.field);
        const pos = splitPosition(err.message);
        const row = ref.index === null ? undefined : sent[ref.index];
        setSaveError({
          key: row?.key ?? null,
          part: ref.index !== null && ref.part === 'target' ? 'target' : 'source',
          message: err.message,
          line: pos.line,
          column: pos.column,
          source: row?.source ?? '',
        });
      },
    });
  };

  const onRestore = () =>
    restore.mutate(undefined, {
      onSuccess: (next) => {
        reset(next);
        setConfirmRestore(false);
        showSuccessToast('Default mappings restored', `${connectorName}'s default mappings apply again.`);
      },
    });

  const required = rows.filter((r) => r.required).length;

  return (
    <div className={classes.layout}>
      <div className={classes.grid}>
        <Card padding={0} className={classes.card}>
          <Group justify="space-between" align="flex-start" className={classes.toolbar} gap="sm">
            <Stack gap={2} miw={0}>
              <Group gap={8}>
                <Title order={3}>User attributes</Title>
                {changed ? (
                  <Badge size="sm" variant="light" color="yellow" data-testid="mappings-unsaved">
                    Unsaved changes
                  </Badge>
                ) : base.isDefault ? (
                  <Badge size="sm" variant="light" color="gray">
                    {connectorName} defaults
                  </Badge>
                ) : (
                  <Badge size="sm" variant="light" color="gate">
                    Customized
                  </Badge>
                )}
              </Group>
              <Text size="xs" c="dimmed">
                {rows.length} {rows.length === 1 ? 'mapping' : 'mappings'}, {required} required. Changes apply to every
                provisioned user.
              </Text>
            </Stack>
            <Group gap="xs" wrap="nowrap">
              <Button
                variant="default"
                size="xs"
                leftSection={<IconRestore size={14} />}
                onClick={() => setConfirmRestore(true)}
                disabled={base.isDefault && !changed}
                data-testid="mapping-restore"
              >
                Restore defaults
              </Button>
              <Button variant="default" size="xs" onClick={() => reset(base)} disabled={!changed || save.isPending} data-testid="mapping-discard">
                Discard
              </Button>
              <Button
                size="xs"
                leftSection={<IconDeviceFloppy size={14} />}
                onClick={onSave}
                disabled={!changed}
                loading={save.isPending}
                data-testid="mapping-save"
              >
                Save
              </Button>
            </Group>
          </Group>

          {feedback.list.length > 0 && (
            <Stack gap={6} px="md" pb="sm" data-testid="mappings-list-issues">
              {feedback.list.map((l, i) => (
                <Alert
                  key={i}
                  color={l.severity === 'error' ? 'red' : 'yellow'}
                  variant="light"
                  p="xs"
                  icon={<IconAlertTriangle size={16} />}
                >
                  <Text size="xs">{l.message}</Text>
                </Alert>
              ))}
            </Stack>
          )}

          <MappingsTable
            rows={rows}
            catalog={catalog.data}
            connectorName={connectorName}
            messages={feedback.messages}
            problems={feedback.problems}
            changed={changedKeys}
            focusKey={focusKey}
            onChange={onChange}
            onRemove={onRemove}
            onAdd={onAdd}
          />
        </Card>

        <div className={classes.side}>
          <PreviewPane
            user={user}
            onUser={setUser}
            preview={draftPreview.data?.preview}
            error={draftPreview.error}
            loading={draftPreview.isPending && !noUsers}
            updating={draftPreview.pending && draftPreview.data !== undefined}
            saved={savedPreview.data}
            savedLoading={savedPreview.isFetching}
            changed={changed}
            noUsers={noUsers}
          />
        </div>
      </div>

      <ConfirmDeleteModal
        opened={confirmRestore}
        onClose={() => setConfirmRestore(false)}
        title="Restore the default mappings?"
        confirmLabel="Restore defaults"
        onConfirm={onRestore}
        loading={restore.isPending}
      >
        <Text size="sm">
          Every mapping goes back to {connectorName}&apos;s defaults: added attributes are removed and edited ones are
          reset{changed ? ', and your unsaved changes are lost' : ''}. It takes effect now, for every provisioned user.
        </Text>
      </ConfirmDeleteModal>
    </div>
  );
}
