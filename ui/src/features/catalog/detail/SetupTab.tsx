//! The admin's steps in the application's own console, numbered, for SSO and for SCIM.

import { Box, Grid, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import type { Connector } from '../../../bindings/Connector';
import { Template } from '../Template';
import { Section } from './Section';

export function SetupTab({ connector }: { connector: Connector }) {
  const placeholders = connector.sso?.placeholders ?? [];
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Section title="Single sign-on" description={`In ${connector.name}'s admin console.`}>
          <Steps steps={connector.setup.sso} empty="No single sign-on setup." placeholders={placeholders} testId="setup-sso" />
        </Section>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Section title="Provisioning (SCIM)" description={`In ${connector.name}'s admin console.`}>
          <Steps steps={connector.setup.scim} empty="No provisioning setup." placeholders={placeholders} testId="setup-scim" />
        </Section>
      </Grid.Col>
    </Grid>
  );
}

function Steps({
  steps,
  empty,
  placeholders,
  testId,
}: {
  steps: string[];
  empty: string;
  placeholders: NonNullable<Connector['sso']>['placeholders'];
  testId: string;
}) {
  if (steps.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid={testId}>
        {empty}
      </Text>
    );
  }
  return (
    <Stack gap={0} component="ol" m={0} p={0} data-testid={testId} style={{ listStyle: 'none' }}>
      {steps.map((step, i) => (
        <Group key={i} component="li" gap="sm" wrap="nowrap" align="flex-start" pb="md" pos="relative">
          {i < steps.length - 1 && (
            <Box
              pos="absolute"
              left={11}
              top={26}
              bottom={2}
              w={2}
              bg="var(--mantine-color-default-border)"
              aria-hidden
            />
          )}
          <ThemeIcon size={24} radius="xl" variant="light" style={{ flexShrink: 0 }}>
            <Text size="xs" fw={700}>
              {i + 1}
            </Text>
          </ThemeIcon>
          <Text size="sm" pt={2} style={{ flex: 1 }}>
            <Template text={step} placeholders={placeholders} mono={false} />
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
