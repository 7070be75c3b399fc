//! The one confirmation for anything destructive: says what goes and what it takes with it;
//! the red button (`confirm-delete`) is the only way through.

import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export function ConfirmDeleteModal({
  opened,
  onClose,
  title,
  children,
  confirmLabel = 'Delete',
  onConfirm,
  loading,
  disabled,
  error,
}: {
  opened: boolean;
  onClose: () => void;
  title: ReactNode;
  children: ReactNode;
  confirmLabel?: string;
  onConfirm: () => void;
  loading?: boolean;
  disabled?: boolean;
  /** A failure not tied to a field (shown above the buttons). */
  error?: string | null;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={600}>{title}</Text>} centered size="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!disabled && !loading) onConfirm();
        }}
      >
        <Stack gap="md">
          {children}
          {error && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm" mt="xs">
            {/* Focused first (unless the content asks for focus): Enter must not delete. */}
            <Button variant="default" onClick={onClose} data-autofocus>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={loading} disabled={disabled} data-testid="confirm-delete">
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
