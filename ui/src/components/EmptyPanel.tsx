//! A bordered empty state: an illustrative icon in a soft circle, a title, one line of
//! explanation, and optionally the page's primary action.

import { EmptyState, Paper } from '@mantine/core';
import type { ReactNode } from 'react';

export function EmptyPanel({
  icon,
  title,
  description,
  action,
  color,
  testId,
}: {
  icon: ReactNode;
  title: ReactNode;
  description: ReactNode;
  action?: ReactNode;
  color?: string;
  testId?: string;
}) {
  return (
    <Paper withBorder py={56} px="xl" data-testid={testId}>
      <EmptyState
        size="md"
        variant="light"
        color={color}
        icon={icon}
        title={title}
        description={description}
        maw={460}
        mx="auto"
      >
        {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
      </EmptyState>
    </Paper>
  );
}
