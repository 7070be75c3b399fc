//! Step 3 of the wizard: everything that will be saved, the IdP URL above all (it is final).

import { Alert, Box, Card, DataList, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconLock } from '@tabler/icons-react';
import type { Connector } from '../../../bindings/Connector';
import type { GeneralInfo } from '../../../bindings/GeneralInfo';
import { AppLogo } from '../AppLogo';
import classes from './AddApplicationWizard.module.css';

export function ReviewStep({
  connector,
  general,
  idpUrl,
  error,
}: {
  connector: Connector;
  general: GeneralInfo;
  idpUrl: string;
  error: string | null;
}) {
  return (
    <Stack gap="lg" data-testid="wizard-review">
      {error && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert">
          {error}
        </Alert>
      )}
      <Card withBorder padding="lg" className={classes.reviewCard}>
        <Group gap="md" mb="lg" wrap="nowrap">
          <AppLogo
            connectorId={connector.id}
            label={general.label}
            portalImage={general.portalImage}
            portalColor={general.portalColor}
            size={48}
          />
          <Stack gap={0}>
            <Text fw={700} size="lg">
              {general.label}
            </Text>
            <Text size="sm" c="dimmed">
              {connector.name}
            </Text>
          </Stack>
        </Group>
        <DataList labelWidth={180} gap={12} size="sm">
          <DataList.Item>
            <DataList.ItemLabel>Description</DataList.ItemLabel>
            <DataList.ItemValue c={general.description ? undefined : 'dimmed'}>{general.description || '—'}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>User portal image</DataList.ItemLabel>
            <DataList.ItemValue>
              {general.portalImage === 'logo' ? (
                'Logo'
              ) : (
                <Group gap={8}>
                  <Box w={14} h={14} style={{ borderRadius: '50%', background: general.portalColor }} />
                  <Text size="sm" ff="monospace">
                    {general.portalColor}
                  </Text>
                </Group>
              )}
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Show in user portal</DataList.ItemLabel>
            <DataList.ItemValue>{general.showInPortal ? 'Yes' : 'No'}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>IdP URL</DataList.ItemLabel>
            <DataList.ItemValue>
              <Group gap={6} wrap="nowrap">
                <IconLock size={14} color="var(--mantine-color-orange-6)" style={{ flexShrink: 0 }} />
                <Text size="sm" ff="monospace" className={classes.url} data-testid="wizard-review-idp-url">
                  {idpUrl}
                </Text>
              </Group>
              <Text size="xs" c="dimmed" mt={4}>
                Fixed once saved.
              </Text>
            </DataList.ItemValue>
          </DataList.Item>
        </DataList>
      </Card>
      <Text size="sm" c="dimmed">
        After saving, nobody can use {general.label} until you bind user groups to it: access is implicitly denied.
      </Text>
    </Stack>
  );
}
