//! How close a signing certificate is to expiring (60, 30, 7 days, expired), in one look
//! wherever it is shown: the applications list, the application's header, the SSO tab.

import { Alert, Badge, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconClockExclamation } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { ExpiryLevel } from '../../bindings/ExpiryLevel';
import { expiryColor } from './labels';

const LEVELS: Record<ExpiryLevel, { short: string; long: string }> = {
  days60: {
    short: 'Expires < 60 days',
    long: 'The signing certificate expires within 60 days.',
  },
  days30: {
    short: 'Expires < 30 days',
    long: 'The signing certificate expires within 30 days.',
  },
  days7: {
    short: 'Expires < 7 days',
    long: 'The signing certificate expires within 7 days: sign-ins stop working when it does.',
  },
  expired: {
    short: 'Certificate expired',
    long: 'The signing certificate has expired: applications that check it reject sign-ins.',
  },
};

export function ExpiryBadge({ level, size = 'sm' }: { level: ExpiryLevel; size?: 'xs' | 'sm' | 'md' }) {
  const l = LEVELS[level];
  return (
    <Tooltip label={`${l.long} Prepare a next certificate and roll over on the SSO tab.`} multiline maw={280}>
      <Badge
        variant={level === 'expired' ? 'filled' : 'light'}
        color={expiryColor(level)}
        size={size}
        leftSection={<IconClockExclamation size={size === 'md' ? 14 : 12} stroke={1.8} />}
        data-badge="certificate-expiry"
        data-level={level}
      >
        {l.short}
      </Badge>
    </Tooltip>
  );
}

/** The SSO tab's warning, with what to do about it. */
export function ExpiryAlert({ level, action }: { level: ExpiryLevel; action?: ReactNode }) {
  const l = LEVELS[level];
  return (
    <Alert
      color={expiryColor(level)}
      variant="light"
      icon={<IconAlertTriangle size={20} />}
      title={level === 'expired' ? 'The signing certificate has expired' : l.long}
      data-testid="sso-expiry-alert"
      data-level={level}
    >
      Replace it without downtime: prepare a next certificate, give the application the new metadata (it lists both),
      then activate the next certificate.
      {action}
    </Alert>
  );
}
