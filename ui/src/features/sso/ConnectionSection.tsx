//! "Connection": where Responses go and how each side names the other. The connector's
//! placeholders (YOURDOMAIN, …) are filled once at the top and shown replaced under every
//! field that uses them; the IdP URL is fixed and only copied; ACS URLs are a list with one
//! default (where IdP-initiated sign-ins are posted).

import { ActionIcon, Box, Button, CopyButton, Input, Radio, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconCheck, IconCopy, IconLock, IconPlugConnected, IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { SsoView } from '../../bindings/SsoView';
import { rowKey, type SsoFormValues } from './draft';
import { Resolved, SsoSection } from './Section';
import classes from './SsoTab.module.css';

type Form = UseFormReturnType<SsoFormValues>;

const mono = { input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } };

/** Where a placeholder is used, in the admin's words. */
function fieldName(path: string): string {
  if (path === 'idpEntityId') return 'IdP entity ID';
  if (path === 'spEntityId') return 'SP entity ID';
  if (path === 'spLoginUrl') return 'SP login URL';
  if (path.startsWith('acsUrls.')) return 'ACS URL';
  return path;
}

export function ConnectionSection({ form, view, actions }: { form: Form; view: SsoView; actions?: ReactNode }) {
  const values = form.getValues();
  const filled = values.placeholders;
  const acs = values.acsUrls;

  return (
    <SsoSection
      icon={IconPlugConnected}
      title="Connection"
      description={`How Gatehouse and ${view.connectorName} identify each other, and where sign-ins are posted.`}
      actions={actions}
      testId="sso-connection"
    >
      <Stack gap="lg">
        {view.placeholders.length > 0 && (
          <Box className={classes.placeholders} data-testid="sso-placeholders">
            <Text size="sm" fw={600} mb={4}>
              Fill in once
            </Text>
            <Text size="xs" c="dimmed" mb="sm">
              Each value replaces its placeholder everywhere it occurs below.
            </Text>
            <Stack gap="sm">
              {view.placeholders.map((p) => {
                const where = [...new Set(p.usedIn.map(fieldName))];
                return (
                  <TextInput
                    key={p.token}
                    label={p.label}
                    description={
                      <>
                        {p.help}
                        {where.length > 0 && (
                          <>
                            {' '}
                            Replaces <b className={classes.mono}>{p.token}</b> in the {where.join(', ')}.
                          </>
                        )}
                      </>
                    }
                    placeholder={p.example ? `e.g. ${p.example}` : p.token}
                    styles={{ input: { maxWidth: 420 }, description: { maxWidth: 760 } }}
                    withAsterisk
                    {...form.getInputProps(`placeholders.${p.token}`)}
                    data-testid={`sso-placeholder-${p.token}`}
                  />
                );
              })}
            </Stack>
          </Box>
        )}

        <TextInput
          label="IdP URL"
          description="Gatehouse's single sign-on endpoint for this application. It is fixed when the application is created."
          value={view.idpUrl}
          readOnly
          leftSection={<IconLock size={15} />}
          rightSection={<CopyAction value={view.idpUrl} label="IdP URL" />}
          styles={mono}
          data-testid="sso-idp-url"
        />

        <Box>
          <TextInput
            label="IdP entity ID"
            description={`The Issuer of every Response: how ${view.connectorName} recognizes Gatehouse.`}
            withAsterisk
            styles={mono}
            {...form.getInputProps('idpEntityId')}
            data-testid="sso-idp-entity-id"
          />
          <Resolved text={values.idpEntityId} values={filled} testId="sso-resolved-idpEntityId" />
        </Box>

        <Box>
          <TextInput
            label="SP entity ID"
            description={`${view.connectorName}'s entity ID: the Audience every assertion is restricted to.`}
            withAsterisk
            styles={mono}
            {...form.getInputProps('spEntityId')}
            data-testid="sso-sp-entity-id"
          />
          <Resolved text={values.spEntityId} values={filled} testId="sso-resolved-spEntityId" />
        </Box>

        <Input.Wrapper
          label="ACS URLs"
          description="Assertion consumer service URLs: where Responses are posted. IdP-initiated sign-ins use the default one."
          withAsterisk
          error={form.errors.acsUrls}
          data-testid="sso-acs-urls"
        >
          <Stack gap="xs" mt={8}>
            <Radio.Group
              value={acs.find((a) => a.isDefault)?.key ?? ''}
              onChange={(key) =>
                form.setFieldValue(
                  'acsUrls',
                  acs.map((a) => ({ ...a, isDefault: a.key === key })),
                )
              }
            >
              <Stack gap="xs">
                {acs.map((a, i) => (
                  <Box key={a.key}>
                    <div className={`${classes.row} ${classes.acsRow}`}>
                      <div className={classes.radioCell}>
                        <Tooltip label={a.isDefault ? 'Default ACS URL' : 'Make this the default'}>
                          <Radio
                            value={a.key}
                            aria-label={`Default ACS URL ${i + 1}`}
                            error={form.errors[`acsUrls.${i}.isDefault`]}
                            data-testid={`sso-acs-default-${i}`}
                          />
                        </Tooltip>
                      </div>
                      <TextInput
                        aria-label={`ACS URL ${i + 1}`}
                        placeholder="https://app.example.com/saml/acs"
                        styles={mono}
                        rightSectionWidth={a.isDefault ? 74 : undefined}
                        rightSection={
                          a.isDefault ? (
                            <Text size="xs" c="dimmed" fw={600}>
                              Default
                            </Text>
                          ) : undefined
                        }
                        {...form.getInputProps(`acsUrls.${i}.url`)}
                        error={form.errors[`acsUrls.${i}.url`] ?? form.errors[`acsUrls.${i}.isDefault`]}
                        data-testid={`sso-acs-url-${i}`}
                      />
                      <div className={classes.iconCell}>
                        <Tooltip label="Remove this ACS URL">
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            onClick={() => {
                              const rest = acs.filter((r) => r.key !== a.key);
                              if (a.isDefault && rest.length > 0) rest[0] = { ...rest[0], isDefault: true };
                              form.setFieldValue('acsUrls', rest);
                            }}
                            disabled={acs.length <= 1}
                            aria-label={`Remove ACS URL ${i + 1}`}
                            data-testid={`sso-acs-remove-${i}`}
                          >
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </div>
                    </div>
                    <Box pl={36}>
                      <Resolved text={a.url} values={filled} testId={`sso-resolved-acsUrls.${i}.url`} />
                    </Box>
                  </Box>
                ))}
              </Stack>
            </Radio.Group>
            <Box pl={36}>
              <Button
                variant="subtle"
                size="xs"
                leftSection={<IconPlus size={14} />}
                onClick={() => form.insertListItem('acsUrls', { key: rowKey(), url: '', isDefault: acs.length === 0 })}
                data-testid="sso-acs-add"
              >
                Add ACS URL
              </Button>
            </Box>
          </Stack>
        </Input.Wrapper>

        {view.hasSpLoginUrl && (
          <Box>
            <TextInput
              label="SP login URL"
              description={`Where users start a sign-in from ${view.connectorName}'s side (SP-initiated). Optional.`}
              styles={mono}
              {...form.getInputProps('spLoginUrl')}
              data-testid="sso-sp-login-url"
            />
            <Resolved text={values.spLoginUrl} values={filled} testId="sso-resolved-spLoginUrl" />
          </Box>
        )}
      </Stack>
    </SsoSection>
  );
}

function CopyAction({ value, label }: { value: string; label: string }) {
  return (
    <CopyButton value={value} timeout={1500}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? 'Copied' : `Copy ${label}`}>
          <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={`Copy ${label}`}>
            {copied ? <IconCheck size={15} /> : <IconCopy size={15} />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}
