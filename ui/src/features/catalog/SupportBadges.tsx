//! What a connector supports, as compact badges with an explanation on hover.

import { Badge, Group, Tooltip } from '@mantine/core';
import {
  IconKey,
  IconBolt,
  IconRefresh,
  IconUsersGroup,
  IconUserOff,
  IconTrash,
  IconDownload,
} from '@tabler/icons-react';
import type { Supports } from '../../bindings/Supports';

type BadgeSpec = { key: string; label: string; color: string; icon: typeof IconKey; help: string };

function supportBadges(s: Supports): BadgeSpec[] {
  const out: BadgeSpec[] = [];
  if (s.sso) out.push({ key: 'sso', label: 'SSO', color: 'gate', icon: IconKey, help: 'SAML 2.0 single sign-on' });
  if (s.jit)
    out.push({ key: 'jit', label: 'JIT', color: 'violet', icon: IconBolt, help: 'Accounts are created on first sign-in (just-in-time)' });
  if (s.provisioning)
    out.push({ key: 'provisioning', label: 'Provisioning', color: 'teal', icon: IconRefresh, help: 'SCIM 2.0: accounts are created, updated and deactivated automatically' });
  if (s.groups)
    out.push({ key: 'groups', label: 'Groups', color: 'cyan', icon: IconUsersGroup, help: 'Groups and memberships are pushed over SCIM' });
  if (s.manualImport)
    out.push({ key: 'import', label: 'Import', color: 'gray', icon: IconDownload, help: 'Existing accounts in the application can be imported into the directory' });
  if (s.deprovision === 'deactivate')
    out.push({ key: 'deprovision', label: 'Deactivates', color: 'orange', icon: IconUserOff, help: 'Deleting a directory user deactivates the account in the application' });
  if (s.deprovision === 'delete')
    out.push({ key: 'deprovision', label: 'Deletes', color: 'red', icon: IconTrash, help: 'Deleting a directory user deletes the account in the application' });
  return out;
}

export function SupportBadges({ supports, size = 'sm' }: { supports: Supports; size?: 'sm' | 'md' }) {
  return (
    <Group gap={6} data-testid="support-badges">
      {supportBadges(supports).map((b) => (
        <Tooltip key={b.key} label={b.help} multiline maw={260}>
          <Badge
            variant="light"
            color={b.color}
            size={size}
            leftSection={<b.icon size={size === 'sm' ? 12 : 14} stroke={1.8} />}
            data-badge={b.key}
          >
            {b.label}
          </Badge>
        </Tooltip>
      ))}
    </Group>
  );
}
