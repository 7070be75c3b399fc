//! The SSO tab's building blocks: a titled card with an icon and actions, and the line under
//! a templated field that shows the value actually sent once the placeholders are filled.

import { Card, Group, Mark, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { splitPlaceholders } from '../catalog/placeholders';
import classes from './SsoTab.module.css';

export function SsoSection({
  icon: SectionIcon,
  title,
  description,
  actions,
  children,
  testId,
  flush = false,
}: {
  icon: Icon;
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
  /** The body has its own padding (a table). */
  flush?: boolean;
}) {
  return (
    <Card padding={0} data-testid={testId} className={classes.section}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md" className={classes.sectionHeader}>
        <Group gap="sm" wrap="nowrap" align="flex-start" miw={0}>
          <ThemeIcon variant="light" size={34} radius="md">
            <SectionIcon size={19} stroke={1.6} />
          </ThemeIcon>
          <Stack gap={2} miw={0}>
            <Title order={3}>{title}</Title>
            {description && (
              <Text size="sm" c="dimmed" maw={720}>
                {description}
              </Text>
            )}
          </Stack>
        </Group>
        {actions && (
          <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
            {actions}
          </Group>
        )}
      </Group>
      <div className={flush ? undefined : classes.sectionBody}>{children}</div>
    </Card>
  );
}

/**
 * "Sent as https://acme.15five.com/…": the field's value with the placeholders filled in,
 * unfilled tokens marked. Nothing when the field has no placeholder.
 */
export function Resolved({ text, values, testId }: { text: string; values: Record<string, string>; testId?: string }) {
  const segments = splitPlaceholders(text);
  if (!segments.some((s) => s.placeholder)) return null;
  return (
    <Text size="xs" c="dimmed" className={classes.resolved} data-testid={testId}>
      <span className={classes.resolvedLabel}>Sent as</span>
      <span className={classes.mono}>
        {segments.map((s, i) => {
          const value = s.placeholder ? values[s.text]?.trim() : '';
          if (!s.placeholder) return <span key={i}>{s.text}</span>;
          if (value) {
            return (
              <Text key={i} span inherit fw={700} c="var(--mantine-color-text)">
                {value}
              </Text>
            );
          }
          return (
            <Mark key={i} color="orange" px={3} style={{ borderRadius: 3, fontWeight: 600 }} data-unfilled={s.text}>
              {s.text}
            </Mark>
          );
        })}
      </span>
    </Text>
  );
}
