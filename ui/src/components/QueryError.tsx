//! What a page shows when its first load fails: the core's message and a retry button.

import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { IpcError } from '../lib/ipc';

export function QueryError({
  error,
  title = "Couldn't load this page",
  onRetry,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}) {
  const err = IpcError.from(error);
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={20} />} title={title} role="alert">
      <Text size="sm">{err.message}</Text>
      {onRetry && (
        <Group mt="sm">
          <Button size="xs" variant="default" leftSection={<IconRefresh size={14} />} onClick={onRetry}>
            Try again
          </Button>
        </Group>
      )}
    </Alert>
  );
}
