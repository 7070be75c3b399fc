//! "Attributes": what the assertion says about the user besides the NameID. User attributes
//! (the application's attribute name ← a directory field), constant attributes (the same
//! value for everyone), and the optional group attribute (the names of the user's groups
//! bound to this application, one value each).

import { ActionIcon, Box, Button, Group, Stack, Switch, Text, TextInput, Title, Tooltip } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconArrowLeft, IconLock, IconPlus, IconTags, IconTrash } from '@tabler/icons-react';
import type { SsoView } from '../../bindings/SsoView';
import { rowKey, type SsoFormValues } from './draft';
import { FieldInput } from './FieldInput';
import { SsoSection } from './Section';
import classes from './SsoTab.module.css';

type Form = UseFormReturnType<SsoFormValues>;

const mono = { input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } };

function Subheading({ title, help }: { title: string; help: string }) {
  return (
    <Stack gap={2} mb="sm">
      <Title order={4} fz="sm">
        {title}
      </Title>
      <Text size="xs" c="dimmed">
        {help}
      </Text>
    </Stack>
  );
}

function RemoveButton({ label, onClick, testId }: { label: string; onClick: () => void; testId: string }) {
  return (
    <div className={classes.iconCell}>
      <Tooltip label={label}>
        <ActionIcon variant="subtle" color="gray" onClick={onClick} aria-label={label} data-testid={testId}>
          <IconTrash size={16} />
        </ActionIcon>
      </Tooltip>
    </div>
  );
}

export function AttributesSection({ form, view }: { form: Form; view: SsoView }) {
  const values = form.getValues();
  const jit = new Set(view.jitRequiredAttributes);

  return (
    <SsoSection
      icon={IconTags}
      title="Attributes"
      description={`What each assertion tells ${view.connectorName} about the user, besides the NameID. Attributes a user has no value for are left out.`}
      testId="sso-attributes"
    >
      <Stack gap="xl">
        <Box>
          <Subheading title="User attributes" help="Each user's own value of a directory field." />
          {values.attributes.length > 0 && (
            <div className={`${classes.row} ${classes.attrRow}`} style={{ marginBottom: 6 }}>
              <span className={classes.listHeader}>{view.connectorName} attribute name</span>
              <span />
              <span className={classes.listHeader}>Directory field</span>
              <span />
            </div>
          )}
          <Stack gap="xs" data-testid="sso-attribute-rows">
            {values.attributes.map((a, i) => {
              const locked = jit.has(a.name) && view.config.attributes.some((s) => s.name === a.name);
              return (
                <div key={a.key} className={`${classes.row} ${classes.attrRow}`} data-testid={`sso-attribute-${i}`}>
                  <TextInput
                    aria-label={`Attribute ${i + 1} name`}
                    placeholder="Attribute name"
                    styles={mono}
                    readOnly={locked}
                    leftSection={locked ? <IconLock size={14} /> : undefined}
                    description={locked ? `${view.connectorName} needs this name to create accounts at first sign-in.` : undefined}
                    inputWrapperOrder={['input', 'description', 'error']}
                    {...form.getInputProps(`attributes.${i}.name`)}
                    data-testid={`sso-attribute-name-${i}`}
                  />
                  <div className={classes.arrowCell}>
                    <IconArrowLeft size={16} />
                  </div>
                  <FieldInput
                    aria-label={`Attribute ${i + 1} directory field`}
                    {...form.getInputProps(`attributes.${i}.field`)}
                    data-testid={`sso-attribute-field-${i}`}
                  />
                  <RemoveButton
                    label={`Remove attribute ${a.name || i + 1}`}
                    onClick={() => form.removeListItem('attributes', i)}
                    testId={`sso-attribute-remove-${i}`}
                  />
                </div>
              );
            })}
          </Stack>
          {values.attributes.length === 0 && (
            <Text size="sm" c="dimmed" fs="italic">
              No user attributes: only the NameID identifies the user.
            </Text>
          )}
          <Button
            variant="subtle"
            size="xs"
            mt="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => form.insertListItem('attributes', { key: rowKey(), name: '', field: '' })}
            data-testid="sso-attribute-add"
          >
            Add attribute
          </Button>
        </Box>

        <Box pt="lg" className={classes.divider}>
          <Subheading title="Constant attributes" help="The same value for every user, such as an account or tenant ID." />
          {values.constantAttributes.length > 0 && (
            <div className={`${classes.row} ${classes.attrRow}`} style={{ marginBottom: 6 }}>
              <span className={classes.listHeader}>{view.connectorName} attribute name</span>
              <span />
              <span className={classes.listHeader}>Value</span>
              <span />
            </div>
          )}
          <Stack gap="xs">
            {values.constantAttributes.map((c, i) => (
              <div key={c.key} className={`${classes.row} ${classes.attrRow}`} data-testid={`sso-constant-${i}`}>
                <TextInput
                  aria-label={`Constant attribute ${i + 1} name`}
                  placeholder="Attribute name"
                  styles={mono}
                  {...form.getInputProps(`constantAttributes.${i}.name`)}
                  data-testid={`sso-constant-name-${i}`}
                />
                <div className={classes.arrowCell}>
                  <IconArrowLeft size={16} />
                </div>
                <TextInput
                  aria-label={`Constant attribute ${i + 1} value`}
                  placeholder="Value"
                  {...form.getInputProps(`constantAttributes.${i}.value`)}
                  data-testid={`sso-constant-value-${i}`}
                />
                <RemoveButton
                  label={`Remove constant attribute ${c.name || i + 1}`}
                  onClick={() => form.removeListItem('constantAttributes', i)}
                  testId={`sso-constant-remove-${i}`}
                />
              </div>
            ))}
          </Stack>
          {values.constantAttributes.length === 0 && (
            <Text size="sm" c="dimmed" fs="italic">
              No constant attributes.
            </Text>
          )}
          <Button
            variant="subtle"
            size="xs"
            mt="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => form.insertListItem('constantAttributes', { key: rowKey(), name: '', value: '' })}
            data-testid="sso-constant-add"
          >
            Add constant attribute
          </Button>
        </Box>

        <Box pt="lg" className={classes.divider}>
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="lg">
            <Subheading
              title="Group attribute"
              help={
                view.groupAttributeSupported
                  ? `One value per user group bound to ${view.connectorName} that the user belongs to.`
                  : `${view.connectorName} does not accept a group attribute.`
              }
            />
            <Switch
              aria-label="Include group attribute"
              label="Include"
              labelPosition="left"
              disabled={!view.groupAttributeSupported && !values.groupEnabled}
              {...form.getInputProps('groupEnabled', { type: 'checkbox' })}
              data-testid="sso-group-enabled"
            />
          </Group>
          {values.groupEnabled && (
            <TextInput
              label="Attribute name"
              maw={420}
              styles={mono}
              withAsterisk
              {...form.getInputProps('groupAttribute')}
              data-testid="sso-group-attribute"
            />
          )}
        </Box>
      </Stack>
    </SsoSection>
  );
}
