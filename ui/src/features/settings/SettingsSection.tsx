//! A settings card: heading and explanation on top, content, and an optional footer bar for
//! actions (the layout admins know from Vercel/GitHub settings pages).

import { Box, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './SettingsSection.module.css';

export function SettingsSection({
  title,
  description,
  children,
  footer,
  testId,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  testId?: string;
}) {
  return (
    <Card padding={0} data-testid={testId}>
      <Box p="lg">
        <Stack gap={4} mb="lg">
          <Title order={2} fz="lg">
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
        </Stack>
        {children}
      </Box>
      {footer && (
        <Group className={classes.footer} px="lg" py="sm" justify="flex-end" gap="sm">
          {footer}
        </Group>
      )}
    </Card>
  );
}
