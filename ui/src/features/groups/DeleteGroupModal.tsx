//! Deleting a group: says how many members lose what, by application, before anything goes.

import { Badge, Group as Row, List, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { Group } from '../../bindings/Group';
import { ConfirmDeleteModal } from '../../components/ConfirmDeleteModal';
import { showSuccessToast } from '../../components/notify';
import { forgetDeleted } from '../directory/queries';
import { useDeleteGroup } from './queries';

export function DeleteGroupModal({
  group,
  onClose,
  onDeleted,
}: {
  group: Group | null;
  onClose: () => void;
  onDeleted?: () => void;
}) {
  const remove = useDeleteGroup();
  const queryClient = useQueryClient();
  const members = group?.memberCount ?? 0;
  const apps = group?.applications ?? [];
  const membersText = members === 0 ? 'It has no members' : members === 1 ? 'Its 1 member' : `Its ${members.toLocaleString()} members`;
  return (
    <ConfirmDeleteModal
      opened={group !== null}
      onClose={onClose}
      title={`Delete the group ${group?.name ?? ''}?`}
      confirmLabel="Delete group"
      loading={remove.isPending}
      onConfirm={() =>
        group &&
        remove.mutate(group.id, {
          onSuccess: () => {
            showSuccessToast('Group deleted', `${group.name} is gone; its members are still in the directory.`);
            onClose();
            onDeleted?.();
            forgetDeleted(queryClient, 'group', [group.id]);
          },
        })
      }
    >
      <div data-testid="delete-group-summary">
        {apps.length === 0 ? (
          <Text size="sm">
            <b>{group?.name}</b> is not bound to any application. {membersText}
            {members === 0 ? '.' : ' stay in the directory; only the group goes.'}
          </Text>
        ) : (
          <>
            <Text size="sm">
              <b>{group?.name}</b> is bound to {apps.length === 1 ? 'one application' : `${apps.length} applications`}.{' '}
              {members === 0
                ? 'It has no members, so nobody loses access.'
                : `${membersText} lose access to ${apps.length === 1 ? 'it' : 'them'} unless another bound group still grants it:`}
            </Text>
            <List size="sm" mt="xs" spacing={4}>
              {apps.map((a) => (
                <List.Item key={a.id}>
                  <Row gap={6} wrap="nowrap">
                    <Text size="sm" fw={500}>
                      {a.label}
                    </Text>
                  </Row>
                </List.Item>
              ))}
            </List>
          </>
        )}
        {members > 0 && (
          <Text size="sm" c="dimmed" mt="sm">
            The users themselves stay in the directory. Applications that manage groups delete the group on their side.
          </Text>
        )}
        {members > 0 && apps.length > 0 && (
          <Badge color="red" variant="light" mt="sm" size="sm">
            {members.toLocaleString()} {members === 1 ? 'member' : 'members'} · {apps.length}{' '}
            {apps.length === 1 ? 'application' : 'applications'}
          </Badge>
        )}
      </div>
    </ConfirmDeleteModal>
  );
}
