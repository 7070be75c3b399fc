//! Add members to a group: pick users with the searchable picker, then add them in one go.

import { Button, Group as Row, Modal, Stack, Text, Title } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Group } from '../../bindings/Group';
import type { UserSummary } from '../../bindings/UserSummary';
import { showSuccessToast } from '../../components/notify';
import { useOpenSession } from '../../components/useOpenSession';
import { MemberPicker } from './MemberPicker';
import { useChangeMembers } from './queries';

export function AddMembersModal({ group, opened, onClose }: { group: Group; opened: boolean; onClose: () => void }) {
  const session = useOpenSession(opened);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size={560}
      title={
        <Title order={2} fz="lg">
          Add members to {group.name}
        </Title>
      }
    >
      <AddMembers key={session} group={group} onDone={onClose} />
    </Modal>
  );
}

function AddMembers({ group, onDone }: { group: Group; onDone: () => void }) {
  const [picked, setPicked] = useState<UserSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  const change = useChangeMembers();
  const apps = group.applications;

  const save = () =>
    change.mutate(
      { id: group.id, userIds: picked.map((u) => u.id), add: true },
      {
        onSuccess: (added) => {
          showSuccessToast(
            added === 1 ? `Added 1 member to ${group.name}` : `Added ${added} members to ${group.name}`,
            apps.length ? `They can now use ${apps.map((a) => a.label).join(', ')}.` : undefined,
          );
          onDone();
        },
        onError: (err) => {
          if (err.field) setError(err.message);
        },
      },
    );

  return (
    <Stack gap="md">
      <MemberPicker
        groupId={group.id}
        value={picked}
        onChange={(next) => {
          setError(null);
          setPicked(next);
        }}
        error={error}
      />
      <Text size="sm" c="dimmed">
        {apps.length === 0
          ? 'This group is not bound to any application yet: adding members gives them no access until it is.'
          : `Members get access to ${apps.map((a) => a.label).join(', ')}.`}
      </Text>
      <Row justify="flex-end" gap="sm">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button
          leftSection={<IconUserPlus size={16} />}
          disabled={picked.length === 0}
          loading={change.isPending}
          onClick={save}
          data-testid="member-picker-save"
        >
          {picked.length === 0 ? 'Add members' : picked.length === 1 ? 'Add 1 member' : `Add ${picked.length} members`}
        </Button>
      </Row>
    </Stack>
  );
}
