//! The welcome on an empty directory: explore with the sample organization, or start empty.

import { Badge, Button, Card, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuildingCommunity, IconUserPlus } from '@tabler/icons-react';
import { LogoMark } from '../../components/Logo';
import { showSuccessToast } from '../../components/notify';
import { useLoadSample } from './queries';
import classes from './FirstRunPanel.module.css';

export function FirstRunPanel({ onStartEmpty }: { onStartEmpty: () => void }) {
  const load = useLoadSample();
  return (
    <Paper withBorder p={40} className={classes.panel} data-testid="first-run">
      <Stack align="center" gap={6} mb={32} ta="center">
        <LogoMark size={44} />
        <Title order={2} mt="sm">
          Welcome to Gatehouse
        </Title>
        <Text c="dimmed" size="sm" maw={520}>
          Your directory is empty. Explore with a ready-made organization, or start with a clean directory and add your own
          people.
        </Text>
      </Stack>
      <SimpleGrid cols={2} spacing="lg" maw={760} mx="auto">
        <Card className={classes.option} data-recommended>
          <Stack gap="sm" h="100%">
            <Group justify="space-between" align="flex-start">
              <ThemeIcon size={44} radius="md" variant="light">
                <IconBuildingCommunity size={24} stroke={1.6} />
              </ThemeIcon>
              <Badge variant="light" size="sm">
                Recommended to explore
              </Badge>
            </Group>
            <Text fw={600}>Load sample organization</Text>
            <Text size="sm" c="dimmed" style={{ flex: 1 }}>
              A fictional company with a few dozen people and their groups, including the cases mappings care about:
              suspended users, expired passwords, missing addresses.
            </Text>
            <Button
              onClick={() =>
                load.mutate(undefined, {
                  onSuccess: () =>
                    showSuccessToast('Sample organization loaded', 'Browse its users and groups, then bind a group to an application.'),
                })
              }
              loading={load.isPending}
              data-testid="first-run-sample"
            >
              Load sample organization
            </Button>
          </Stack>
        </Card>
        <Card className={classes.option}>
          <Stack gap="sm" h="100%">
            <ThemeIcon size={44} radius="md" variant="light" color="gray">
              <IconUserPlus size={24} stroke={1.6} />
            </ThemeIcon>
            <Text fw={600}>Start empty</Text>
            <Text size="sm" c="dimmed" style={{ flex: 1 }}>
              Add people one by one or import them from a CSV file, then organize them into groups.
            </Text>
            <Button variant="default" onClick={onStartEmpty} disabled={load.isPending} data-testid="first-run-empty">
              Start empty
            </Button>
          </Stack>
        </Card>
      </SimpleGrid>
    </Paper>
  );
}
