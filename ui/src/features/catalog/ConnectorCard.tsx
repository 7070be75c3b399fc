//! A connector in the catalog grid: logo, name, description, what it supports. The whole
//! card is one link to the connector's detail page.

import { Card, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Connector } from '../../bindings/Connector';
import { ConnectorLogo } from './ConnectorLogo';
import { SupportBadges } from './SupportBadges';
import classes from './ConnectorCard.module.css';

export function ConnectorCard({ connector }: { connector: Connector }) {
  return (
    <Card
      component={Link}
      to={`/catalog/${encodeURIComponent(connector.id)}`}
      className={classes.card}
      data-testid={`catalog-card-${connector.id}`}
      aria-label={`${connector.name}: ${connector.description}`}
    >
      <Stack gap="md" h="100%">
        <Group gap="md" wrap="nowrap" align="flex-start">
          <ConnectorLogo name={connector.name} src={connector.logoDataUrl} />
          <Stack gap={2} miw={0}>
            <Text fw={600} size="md" truncate>
              {connector.name}
            </Text>
            <Text size="sm" c="dimmed" lineClamp={3} className={classes.description}>
              {connector.description}
            </Text>
          </Stack>
        </Group>
        <div className={classes.spacer} />
        <SupportBadges supports={connector.supports} />
      </Stack>
    </Card>
  );
}
