//! Full-window screen shown instead of the console when the core could not open its data
//! (a database from a newer Gatehouse, or an unusable data folder). Nothing else can work, so
//! nothing else is shown: the admin gets the message (the core names the data folder in
//! it) and what to do next.

import { Box, Center, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconDatabaseOff } from '@tabler/icons-react';
import type { IpcError } from '../../lib/ipc';
import { LogoMark } from '../../components/Logo';

const HINTS: Record<'store_too_new' | 'store_unavailable', string[]> = {
  store_too_new: [
    'This data folder was last used by a newer version of Gatehouse. Install that version (or newer) to keep using it.',
    'Gatehouse never downgrades a database: doing so could lose configuration written by the newer version.',
  ],
  store_unavailable: [
    'Check that the data folder exists, is writable by your user account, and is not on a disconnected drive.',
    'Close any other running copy of Gatehouse that might be holding the database open.',
    'Then quit Gatehouse and start it again.',
  ],
};

export function StartupErrorScreen({ error }: { error: IpcError }) {
  const kind = error.code === 'store_too_new' ? 'store_too_new' : 'store_unavailable';
  return (
    <Center mih="100vh" p="xl" bg="var(--gh-page-bg)" data-testid="startup-error">
      <Paper withBorder shadow="sm" radius="lg" p={40} maw={600} w="100%">
        <Stack gap="lg">
          <Group gap="md" wrap="nowrap" align="flex-start">
            <ThemeIcon size={52} radius="xl" variant="light" color="red">
              <IconDatabaseOff size={28} stroke={1.6} />
            </ThemeIcon>
            <Stack gap={4}>
              <Title order={1} fz={22}>
                Gatehouse can&apos;t open its data
              </Title>
              <Text size="sm" c="dimmed">
                {kind === 'store_too_new' ? 'The database is from a newer version.' : 'The data folder could not be used.'}
              </Text>
            </Stack>
          </Group>

          <Box
            p="md"
            bg="var(--mantine-color-red-light)"
            style={{ borderRadius: 'var(--mantine-radius-md)' }}
            data-testid="startup-error-message"
          >
            <Text size="sm">{error.message}</Text>
          </Box>

          <Stack gap={6}>
            <Text size="xs" fw={600} c="dimmed" tt="uppercase">
              What you can do
            </Text>
            <List size="sm" spacing={6}>
              {HINTS[kind].map((hint) => (
                <List.Item key={hint}>{hint}</List.Item>
              ))}
              <List.Item>Your existing data has not been changed.</List.Item>
            </List>
          </Stack>

          <Group gap={8} mt="xs">
            <LogoMark size={18} />
            <Text size="xs" c="dimmed">
              Gatehouse
            </Text>
          </Group>
        </Stack>
      </Paper>
    </Center>
  );
}
