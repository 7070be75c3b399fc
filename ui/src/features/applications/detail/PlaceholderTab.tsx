//! SSO, Identity Management, Mappings and Import: not built yet. Each says what it will hold
//! for this application (no controls that do nothing), and links to what the catalog
//! already knows about the connector.

import { Anchor, Card, List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowsExchange, IconDownload, IconKey, IconRefresh, type Icon } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Application } from '../../../bindings/Application';
import classes from './Tabs.module.css';

type Kind = 'sso' | 'idm' | 'mappings' | 'import';

const CONTENT: Record<Kind, { icon: Icon; title: string; lead: string; items: string[]; catalogTab?: string }> = {
  sso: {
    icon: IconKey,
    title: 'Single sign-on (SAML 2.0)',
    lead: 'SAML configuration, certificates and metadata export arrive here.',
    items: [
      'SP entity ID and ACS URL from the connector’s defaults, with its placeholders to replace',
      'NameID format and source, user and constant attributes, group attribute, signing',
      'The signing certificate, with expiry warnings and rollover',
      'certificate.pem and IdP metadata export; SP metadata import',
    ],
    catalogTab: 'sso',
  },
  idm: {
    icon: IconRefresh,
    title: 'Identity management (SCIM 2.0)',
    lead: 'The provisioning connection arrives here.',
    items: [
      'SCIM base URL and token, checked against the application before activation',
      'Group management, and what deleting a user does in the application',
      'Per-user provisioning history with the real request, response and error',
    ],
    catalogTab: 'setup',
  },
  mappings: {
    icon: IconArrowsExchange,
    title: 'Attribute mappings',
    lead: 'Which directory field, expression or constant fills each SCIM and SAML attribute arrives here.',
    items: [
      'The connector’s default mappings, required and optional',
      'Expressions such as notNullOrEmpty(jcUser.displayname) ? … : …',
      'A live preview of the exact SCIM JSON and SAML attributes for a chosen user, before saving',
    ],
    catalogTab: 'mappings',
  },
  import: {
    icon: IconDownload,
    title: 'Manual import',
    lead: 'Accounts that exist in the application but not in the directory arrive here.',
    items: [
      'The application’s accounts, each marked New or Imported, with a “new only” filter',
      'Select accounts and import them into the directory (inactive accounts are not created)',
    ],
  },
};

export function PlaceholderTab({ app, kind }: { app: Application; kind: Kind }) {
  const c = CONTENT[kind];
  const unsupported =
    (kind === 'sso' && !app.sso) || ((kind === 'idm' || kind === 'mappings' || kind === 'import') && app.provisioning === 'unsupported');
  return (
    <Card padding="xl" data-testid={`app-${kind}-placeholder`}>
      <Stack gap="md" maw={680}>
        <ThemeIcon size={48} radius="md" variant="light" color={unsupported ? 'gray' : undefined}>
          <c.icon size={26} stroke={1.5} />
        </ThemeIcon>
        <Title order={2} fz="lg">
          {c.title}
        </Title>
        {unsupported ? (
          <Text size="sm" c="dimmed">
            {app.connectorName} does not support {kind === 'sso' ? 'single sign-on' : 'provisioning'} through Gatehouse, so
            there is nothing to configure here for {app.label}.
          </Text>
        ) : (
          <>
            <Text size="sm">{c.lead}</Text>
            <List size="sm" spacing={6} className={classes.planned} c="dimmed">
              {c.items.map((item) => (
                <List.Item key={item}>{item}</List.Item>
              ))}
            </List>
            {c.catalogTab && (
              <Text size="sm" c="dimmed">
                Meanwhile, the catalog shows{' '}
                <Anchor component={Link} to={`/catalog/${encodeURIComponent(app.connectorId)}?tab=${c.catalogTab}`} size="sm">
                  {app.connectorName}’s defaults
                </Anchor>
                .
              </Text>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
