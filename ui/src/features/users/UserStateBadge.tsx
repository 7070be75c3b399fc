//! A user's state, in the same colours everywhere: green active, orange suspended, red
//! password expired (both of the latter are inactive in every application).

import { Avatar, Badge, Tooltip } from '@mantine/core';
import type { UserState } from '../../bindings/UserState';

const STATES: Record<UserState, { label: string; color: string; help: string }> = {
  active: { label: 'Active', color: 'green', help: 'Can sign in; accounts are active in bound applications' },
  suspended: { label: 'Suspended', color: 'orange', help: 'Inactive in every application until reactivated' },
  password_expired: {
    label: 'Password expired',
    color: 'red',
    help: 'Inactive in every application until the password is updated',
  },
};

export function UserStateBadge({ state, size = 'sm' }: { state: UserState; size?: 'sm' | 'md' }) {
  const s = STATES[state];
  return (
    <Tooltip label={s.help} multiline maw={260}>
      <Badge variant="light" color={s.color} size={size} data-state={state}>
        {s.label}
      </Badge>
    </Tooltip>
  );
}

/** Initials on a colour derived from the name (stable for a given person). */
export function UserAvatar({ name, size = 32 }: { name: string; size?: number | 'sm' | 'md' | 'lg' | 'xl' }) {
  return <Avatar name={name || '?'} color="initials" size={size} radius="xl" />;
}
