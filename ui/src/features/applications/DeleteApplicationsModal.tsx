//! Deleting applications: the admin types how many are going (the core checks the number
//! and says so at the field when it is wrong).

import { List, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Application } from '../../bindings/Application';
import { ConfirmDeleteModal } from '../../components/ConfirmDeleteModal';
import { showSuccessToast } from '../../components/notify';
import { forgetDeleted } from '../directory/queries';
import { useDeleteApplications } from './queries';

export function DeleteApplicationsModal({
  apps,
  opened,
  onClose,
  onDeleted,
}: {
  apps: Pick<Application, 'id' | 'label'>[];
  opened: boolean;
  onClose: () => void;
  onDeleted?: () => void;
}) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [otherError, setOtherError] = useState<string | null>(null);
  const remove = useDeleteApplications();
  const queryClient = useQueryClient();
  const n = apps.length;
  // Each opening starts clean.
  const close = () => {
    setTyped('');
    setError(null);
    setOtherError(null);
    onClose();
  };

  return (
    <ConfirmDeleteModal
      opened={opened}
      onClose={close}
      title={n === 1 ? `Delete ${apps[0]?.label ?? 'application'}?` : `Delete ${n} applications?`}
      confirmLabel={n === 1 ? 'Delete application' : `Delete ${n} applications`}
      loading={remove.isPending}
      disabled={typed.trim() === ''}
      error={otherError}
      onConfirm={() => {
        setError(null);
        setOtherError(null);
        remove.mutate(
          { ids: apps.map((a) => a.id), typedCount: typed },
          {
            onSuccess: (deleted) => {
              showSuccessToast(deleted === 1 ? 'Application deleted' : `${deleted} applications deleted`);
              close();
              onDeleted?.();
              forgetDeleted(queryClient, 'application', apps.map((a) => a.id));
            },
            onError: (err) => {
              if (err.field === 'confirmation') setError(err.message);
              else if (err.field) setOtherError(err.message);
            },
          },
        );
      }}
    >
      <Text size="sm">
        {n === 1
          ? 'This removes its single sign-on configuration, certificates, provisioning connection and group bindings. Accounts inside the application stay as they are.'
          : 'This removes their single sign-on configurations, certificates, provisioning connections and group bindings. Accounts inside the applications stay as they are.'}
      </Text>
      <List size="sm" spacing={4} data-testid="delete-apps-list">
        {apps.map((a) => (
          <List.Item key={a.id}>
            <Text span size="sm" fw={600}>
              {a.label}
            </Text>
          </List.Item>
        ))}
      </List>
      <TextInput
        label={`Type ${n} to confirm deleting ${n} application(s)`}
        value={typed}
        onChange={(e) => {
          setTyped(e.currentTarget.value);
          setError(null);
        }}
        error={error}
        inputMode="numeric"
        autoComplete="off"
        data-autofocus
        w={320}
        data-testid="delete-confirm-count"
      />
    </ConfirmDeleteModal>
  );
}
