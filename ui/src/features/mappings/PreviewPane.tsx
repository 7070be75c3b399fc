//! The live preview beside the mappings: for a chosen user, the exact SCIM resource the
//! draft produces (before anything is saved), which mappings fail and why (line:column),
//! what differs from the saved mappings' resource, and every mapping's value.

import { Alert, Badge, Button, Card, Divider, EmptyState, Group, Loader, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle, IconUserPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Preview } from '../../bindings/Preview';
import { IpcError } from '../../lib/ipc';
import { JsonBlock } from './JsonBlock';
import { PreviewUserPicker } from './PreviewUserPicker';
import { brief, diffResources, type ResourceChange } from './resourceDiff';
import classes from './PreviewPane.module.css';

export function PreviewPane({
  user,
  onUser,
  preview,
  error,
  loading,
  updating,
  saved,
  savedLoading,
  changed,
  noUsers,
}: {
  user: string;
  onUser: (id: string) => void;
  /** The draft's preview (the last one, while a newer one is on its way). */
  preview: Preview | undefined;
  error: unknown;
  loading: boolean;
  updating: boolean;
  /** The saved mappings' preview for the same user. */
  saved: Preview | undefined;
  savedLoading: boolean;
  /** The draft differs from what is saved. */
  changed: boolean;
  noUsers: boolean;
}) {
  const err = error ? IpcError.from(error) : null;
  const shown = preview ? { id: preview.userId, label: preview.username } : null;
  return (
    <Card padding="md" className={classes.pane} data-testid="mappings-preview">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Stack gap={2} miw={0}>
            <Title order={3}>Preview</Title>
            <Text size="xs" c="dimmed">
              The exact SCIM User resource Gatehouse would send{changed ? ', with your unsaved changes' : ''}.
            </Text>
          </Stack>
          {updating && (
            <Group gap={6} wrap="nowrap" c="dimmed" data-testid="preview-updating">
              <Loader size={12} />
              <Text size="xs" c="dimmed">
                Updating
              </Text>
            </Group>
          )}
        </Group>
        {!noUsers && <PreviewUserPicker value={user} shown={shown} onChange={onUser} />}
      </Stack>

      <Divider my="md" />

      {noUsers ? (
        <EmptyState
          size="sm"
          variant="light"
          icon={<IconUserPlus size={24} stroke={1.5} />}
          title="Add a user to preview"
          description="The preview shows the exact resource one user would be sent. The directory has no users yet."
          data-testid="preview-empty"
        >
          <EmptyState.Actions>
            <Button component={Link} to="/users" variant="default" size="xs">
              Go to Users
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      ) : err && !preview ? (
        <Alert
          color={err.code === 'invalid_input' ? 'blue' : 'red'}
          variant="light"
          icon={err.code === 'invalid_input' ? <IconInfoCircle size={18} /> : <IconAlertTriangle size={18} />}
          title="No preview"
          data-testid="preview-unavailable"
        >
          {err.message}
        </Alert>
      ) : loading || !preview ? (
        <Stack gap="xs">
          <Skeleton h={14} w="60%" />
          <Skeleton h={220} />
        </Stack>
      ) : (
        <Stack gap="lg">
          {err && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} p="xs" data-testid="preview-unavailable">
              <Text size="xs">{err.message} The preview below is the last one that worked.</Text>
            </Alert>
          )}
          <Failures preview={preview} />
          <DiffSection preview={preview} saved={saved} loading={savedLoading} changed={changed} />
          <Stack gap={6}>
            <Text className={classes.sectionTitle}>SCIM resource</Text>
            <JsonBlock
              text={JSON.stringify(preview.resource, null, 2)}
              testId="preview-resource"
              label={`SCIM resource for ${preview.username}`}
            />
          </Stack>
          <Values preview={preview} />
        </Stack>
      )}
    </Card>
  );
}

function Failures({ preview }: { preview: Preview }) {
  if (preview.errors.length === 0) {
    return (
      <Group gap={6} wrap="nowrap" data-testid="preview-errors" data-count={0}>
        <IconCircleCheck size={16} stroke={1.8} color="var(--mantine-color-teal-text)" />
        <Text size="xs" c="dimmed">
          Every mapping works for <b>{preview.username}</b>.
        </Text>
      </Group>
    );
  }
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={`${preview.errors.length} ${preview.errors.length === 1 ? 'mapping fails' : 'mappings fail'} for ${preview.username}`}
      data-testid="preview-errors"
      data-count={preview.errors.length}
      p="sm"
    >
      <Stack gap={4}>
        {preview.errors.map((e, i) => (
          <Text key={`${e.target}#${i}`} size="xs" style={{ overflowWrap: 'anywhere' }}>
            <span className={classes.diffPath}>{e.target}</span>: {e.message}
          </Text>
        ))}
        <Text size="xs" c="dimmed">
          These attributes are left out; the rest of the resource is sent.
        </Text>
      </Stack>
    </Alert>
  );
}

const SIGN: Record<ResourceChange['kind'], string> = { added: '+', removed: '−', changed: '~' };

function DiffSection({
  preview,
  saved,
  loading,
  changed,
}: {
  preview: Preview;
  saved: Preview | undefined;
  loading: boolean;
  changed: boolean;
}) {
  const sameUser = saved?.userId === preview.userId;
  const changes = saved && sameUser ? diffResources(saved.resource, preview.resource) : [];
  return (
    <Stack gap={6} data-testid="preview-diff" data-count={changes.length}>
      <Group gap={8}>
        <Text className={classes.sectionTitle}>Diff vs saved</Text>
        {changes.length > 0 && (
          <Badge size="xs" variant="light" color="yellow">
            {changes.length} {changes.length === 1 ? 'attribute' : 'attributes'}
          </Badge>
        )}
      </Group>
      {!changed && changes.length === 0 ? (
        <Text size="xs" c="dimmed">
          No unsaved changes: this is what is sent today.
        </Text>
      ) : loading || !saved || !sameUser ? (
        <Skeleton h={14} w="50%" />
      ) : changes.length === 0 ? (
        <Text size="xs" c="dimmed">
          Your changes give {preview.username} the same resource as the saved mappings.
        </Text>
      ) : (
        <Stack gap={6}>
          {changes.map((c) => (
            <div key={`${c.kind}:${c.path}`} className={classes.diffRow} data-testid={`preview-diff-${c.path}`} data-kind={c.kind}>
              <span className={`${classes.diffSign} ${classes[c.kind]}`} aria-label={c.kind}>
                {SIGN[c.kind]}
              </span>
              <div>
                <div className={classes.diffPath}>{c.path}</div>
                <div className={classes.diffValues}>
                  {c.kind === 'added' && <span className={classes.after}>{brief(c.after)}</span>}
                  {c.kind === 'removed' && <span className={classes.before}>{brief(c.before)}</span>}
                  {c.kind === 'changed' && (
                    <>
                      <span className={classes.before}>{brief(c.before)}</span>
                      {' → '}
                      <span className={classes.after}>{brief(c.after)}</span>
                    </>
                  )}
                </div>
              </div>
            </div>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function Values({ preview }: { preview: Preview }) {
  return (
    <Stack gap={6}>
      <Text className={classes.sectionTitle}>Values</Text>
      <div className={classes.valueList} data-testid="preview-values">
        {preview.values.map((v, i) => (
          <div key={`${v.target}#${i}`} style={{ display: 'contents' }} data-target={v.target}>
            <span className={classes.valueTarget}>{v.target || '(no attribute)'}</span>
            {v.error ? (
              <span className={`${classes.value} ${classes.error}`}>
                {v.error.line !== null && v.error.column !== null ? `${v.error.line}:${v.error.column}: ` : ''}
                {v.error.message}
              </span>
            ) : v.value === null ? (
              <span className={`${classes.value} ${classes.left}`}>empty: left out</span>
            ) : (
              <span className={classes.value}>{brief(v.value, 200)}</span>
            )}
          </div>
        ))}
      </div>
    </Stack>
  );
}
