//! A titled card inside a connector tab.

import { Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function Section({
  title,
  description,
  right,
  children,
  padding = 'lg',
  testId,
}: {
  title: string;
  description?: ReactNode;
  right?: ReactNode;
  children: ReactNode;
  padding?: 0 | 'lg';
  testId?: string;
}) {
  return (
    <Card padding={0} data-testid={testId}>
      <Group justify="space-between" align="flex-start" px="lg" pt="lg" pb={padding === 0 ? 'md' : 0} wrap="nowrap">
        <Stack gap={2}>
          <Title order={3}>{title}</Title>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
        </Stack>
        {right}
      </Group>
      <div style={{ padding: padding === 0 ? 0 : 'var(--mantine-spacing-md) var(--mantine-spacing-lg) var(--mantine-spacing-lg)' }}>
        {children}
      </div>
    </Card>
  );
}

/** What a tab shows when the connector has nothing for it (e.g. no SSO). */
export function NotSupported({ children }: { children: ReactNode }) {
  return (
    <Card>
      <Text size="sm" c="dimmed" ta="center" py="lg">
        {children}
      </Text>
    </Card>
  );
}
