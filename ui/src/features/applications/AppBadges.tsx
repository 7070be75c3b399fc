//! What an application does now: "SSO" when single sign-on is available, and a provisioning
//! badge (none when the connector has no provisioning, grey until it is active, green once it is).

import { Badge, Group, Tooltip } from '@mantine/core';
import { IconKey, IconRefresh } from '@tabler/icons-react';
import type { Application } from '../../bindings/Application';

export function AppBadges({ app, size = 'sm' }: { app: Pick<Application, 'sso' | 'provisioning'>; size?: 'sm' | 'md' }) {
  const icon = size === 'sm' ? 12 : 14;
  return (
    <Group gap={6} wrap="nowrap" data-testid="app-badges">
      {app.sso && (
        <Tooltip label="SAML 2.0 single sign-on">
          <Badge variant="light" color="gate" size={size} leftSection={<IconKey size={icon} stroke={1.8} />} data-badge="sso">
            SSO
          </Badge>
        </Tooltip>
      )}
      {app.provisioning !== 'unsupported' && (
        <Tooltip
          label={
            app.provisioning === 'active'
              ? 'SCIM provisioning is active: accounts follow the directory'
              : 'SCIM provisioning is available but not activated'
          }
          multiline
          maw={260}
        >
          <Badge
            variant="light"
            color={app.provisioning === 'active' ? 'green' : 'gray'}
            size={size}
            leftSection={<IconRefresh size={icon} stroke={1.8} />}
            data-badge="provisioning"
            data-status={app.provisioning}
          >
            Provisioning
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}
