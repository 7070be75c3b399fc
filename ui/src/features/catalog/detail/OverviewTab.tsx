//! Overview of a connector: what the admin needs first, what to know (considerations and the
//! connector's special rules), and its capabilities at a glance.

import { Badge, Card, Code, Grid, Group, List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCircleCheck, IconInfoCircle, IconMinus, IconLock } from '@tabler/icons-react';
import type { Connector } from '../../../bindings/Connector';
import { Template } from '../Template';
import { Section } from './Section';

export function OverviewTab({ connector }: { connector: Connector }) {
  const rules = connector.scim?.rules ?? [];
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack gap="lg">
          {connector.prerequisites.length > 0 && (
            <Section title="Before you start" description="What you need to have at hand.">
              <List
                spacing={8}
                size="sm"
                icon={
                  <ThemeIcon size={20} radius="xl" variant="light" color="teal">
                    <IconCheck size={13} />
                  </ThemeIcon>
                }
                data-testid="connector-prerequisites"
              >
                {connector.prerequisites.map((p) => (
                  <List.Item key={p}>
                    <Template text={p} mono={false} />
                  </List.Item>
                ))}
              </List>
            </Section>
          )}

          {rules.length > 0 && (
            <Section title="Special rules" description="Gatehouse checks these when you edit mappings and before it sends a user.">
              <Stack gap="sm" data-testid="connector-rules">
                {rules.map((r) => (
                  <Group key={r.message} gap="sm" wrap="nowrap" align="flex-start">
                    <ThemeIcon
                      size={24}
                      radius="xl"
                      variant="light"
                      color={r.severity === 'error' ? 'red' : 'yellow'}
                      mt={2}
                    >
                      {r.severity === 'error' ? <IconLock size={14} /> : <IconAlertTriangle size={14} />}
                    </ThemeIcon>
                    <Stack gap={4}>
                      <Text size="sm">{r.message}</Text>
                      <Group gap={6}>
                        <Badge size="xs" variant="outline" color={r.severity === 'error' ? 'red' : 'yellow'}>
                          {r.severity === 'error' ? 'Blocks saving' : 'Warning'}
                        </Badge>
                        <Text size="xs" c="dimmed">
                          {r.kind === 'sameSource' ? 'Same source for' : 'Same value for'}
                        </Text>
                        {r.targets.map((t) => (
                          <Code key={t} fz="xs">
                            {t}
                          </Code>
                        ))}
                      </Group>
                    </Stack>
                  </Group>
                ))}
              </Stack>
            </Section>
          )}

          <Section title="Important considerations" description="How this application behaves with single sign-on and provisioning.">
            {connector.considerations.length > 0 ? (
              <List
                spacing={10}
                size="sm"
                icon={
                  <ThemeIcon size={20} radius="xl" variant="light" color="gray">
                    <IconInfoCircle size={13} />
                  </ThemeIcon>
                }
                data-testid="connector-considerations"
              >
                {connector.considerations.map((c) => (
                  <List.Item key={c}>
                    <Template text={c} mono={false} />
                  </List.Item>
                ))}
              </List>
            ) : (
              <Text size="sm" c="dimmed">
                Nothing special to consider.
              </Text>
            )}
          </Section>
        </Stack>
      </Grid.Col>

      <Grid.Col span={{ base: 12, md: 4 }}>
        <Capabilities connector={connector} />
      </Grid.Col>
    </Grid>
  );
}

function Capabilities({ connector }: { connector: Connector }) {
  const s = connector.supports;
  const sso = connector.sso;
  const flows = sso
    ? [sso.idpInitiated && 'IdP-initiated', sso.spInitiated && 'SP-initiated'].filter(Boolean).join(', ')
    : '';
  const rows: { label: string; on: boolean; detail?: string }[] = [
    { label: 'Single sign-on', on: s.sso, detail: s.sso ? `SAML 2.0${flows ? ` · ${flows}` : ''}` : undefined },
    { label: 'Just-in-time accounts', on: s.jit },
    {
      label: 'Provisioning',
      on: s.provisioning,
      detail: connector.scim
        ? connector.scim.baseUrl.kind === 'fixed'
          ? 'SCIM 2.0 · fixed base URL'
          : 'SCIM 2.0 · base URL from the application'
        : undefined,
    },
    { label: 'Group provisioning', on: s.groups },
    { label: 'Manual import', on: s.manualImport },
    {
      label: 'Deleting a user',
      on: s.deprovision !== null,
      detail:
        s.deprovision === 'delete'
          ? 'Deletes the account'
          : s.deprovision === 'deactivate'
            ? 'Deactivates the account'
            : undefined,
    },
  ];
  const unsupported = connector.scim?.unsupportedAttributes ?? [];
  return (
    <Card data-testid="connector-capabilities">
      <Title order={3} mb="md">
        At a glance
      </Title>
      <Stack gap="sm">
        {rows.map((r) => (
          <Group key={r.label} gap="sm" wrap="nowrap" align="flex-start">
            <ThemeIcon size={20} radius="xl" variant="light" color={r.on ? 'teal' : 'gray'} mt={1}>
              {r.on ? <IconCircleCheck size={14} /> : <IconMinus size={14} />}
            </ThemeIcon>
            <Stack gap={0}>
              <Text size="sm" fw={500} c={r.on ? undefined : 'dimmed'}>
                {r.label}
              </Text>
              {r.detail && (
                <Text size="xs" c="dimmed">
                  {r.detail}
                </Text>
              )}
            </Stack>
          </Group>
        ))}
      </Stack>
      {unsupported.length > 0 && (
        <>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase" mt="lg" mb={6}>
            Not supported by the application
          </Text>
          <Group gap={6} data-testid="connector-unsupported">
            {unsupported.map((a) => (
              <Badge key={a} variant="default" ff="monospace" fw={500}>
                {a}
              </Badge>
            ))}
          </Group>
        </>
      )}
    </Card>
  );
}
