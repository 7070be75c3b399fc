//! Create a group, or rename and describe one. The core checks the name (required, unique);
//! its message is shown at the field and what was typed stays.

import { Alert, Button, Group as Row, Modal, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import type { Group } from '../../bindings/Group';
import type { GroupDraft } from '../../bindings/GroupDraft';
import { showSuccessToast } from '../../components/notify';
import { useOpenSession } from '../../components/useOpenSession';
import { useSaveGroup } from './queries';

const FIELDS: readonly (keyof GroupDraft)[] = ['name', 'description'];

export function GroupFormModal({
  opened,
  onClose,
  group,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  /** The group to edit; `null` creates one. */
  group: Group | null;
  onSaved?: (group: Group) => void;
}) {
  const session = useOpenSession(opened);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      centered
      size="md"
      title={
        <Title order={2} fz="lg">
          {group ? 'Edit group' : 'Add group'}
        </Title>
      }
    >
      <GroupForm key={session} group={group} onCancel={onClose} onSaved={onSaved} />
    </Modal>
  );
}

function GroupForm({ group, onCancel, onSaved }: { group: Group | null; onCancel: () => void; onSaved?: (group: Group) => void }) {
  const save = useSaveGroup();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<GroupDraft>({
    mode: 'controlled',
    initialValues: { name: group?.name ?? '', description: group?.description ?? '' },
    validate: { name: (v) => (v.trim() ? null : 'Group name is required.') },
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    save.mutate(
      { id: group?.id ?? null, draft: values },
      {
        onSuccess: (saved) => {
          showSuccessToast(group ? 'Group saved' : 'Group added', group ? undefined : `Add members to ${saved.name}, then bind it to applications.`);
          onSaved?.(saved);
        },
        onError: (err) => {
          const field = FIELDS.find((f) => f === err.field);
          if (field) form.setFieldError(field, err.message);
          else if (err.field) setFormError(err.message);
        },
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate data-testid="group-form">
      <Stack gap="md">
        {formError && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert">
            {formError}
          </Alert>
        )}
        <TextInput
          label="Name"
          placeholder="Engineering"
          withAsterisk
          data-autofocus
          data-testid="group-form-name"
          {...form.getInputProps('name')}
        />
        <Textarea
          label="Description"
          placeholder="Who belongs here, and why"
          autosize
          minRows={2}
          maxRows={5}
          data-testid="group-form-description"
          {...form.getInputProps('description')}
        />
        {group && group.applications.length > 0 && (
          <Text size="xs" c="dimmed">
            A new name is pushed to applications that manage groups.
          </Text>
        )}
        <Row justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="group-form-save">
            {group ? 'Save changes' : 'Add group'}
          </Button>
        </Row>
      </Stack>
    </form>
  );
}
