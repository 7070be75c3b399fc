//! Add or edit a user, in a drawer over the page: identity, employment, addresses, phone
//! numbers, locale, custom attributes, description. The core validates; each error it
//! returns is shown at its input (rows included) and nothing the admin typed is lost.

import {
  ActionIcon,
  Alert,
  Box,
  Button,
  Drawer,
  Grid,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { User } from '../../bindings/User';
import { showSuccessToast } from '../../components/notify';
import { useOpenSession } from '../../components/useOpenSession';
import { displayNameOf } from './names';
import { useSaveUser } from './queries';
import {
  ADDRESS_TYPES,
  PHONE_TYPES,
  emptyAddress,
  emptyAttribute,
  emptyPhone,
  emptyUserDraft,
  formPathOf,
  toDraft,
  toFormValues,
  validateAttributes,
  type UserFormValues,
} from './userForm';
import classes from './UserFormDrawer.module.css';

const typeOptions = (types: readonly string[]) => types.map((t) => ({ value: t, label: t[0].toUpperCase() + t.slice(1) }));

export function UserFormDrawer({
  opened,
  onClose,
  user,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  /** The user to edit; `null` adds a new one. */
  user: User | null;
  onSaved?: (user: User) => void;
}) {
  const session = useOpenSession(opened);
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      size={720}
      title={
        <Title order={2} fz="lg">
          {user ? `Edit ${displayNameOf(user)}` : 'Add user'}
        </Title>
      }
      classNames={{ body: classes.body, header: classes.header }}
    >
      {/* Mounted fresh on each opening: the form starts from the user as saved. */}
      <UserForm key={session} user={user} onCancel={onClose} onSaved={onSaved} />
    </Drawer>
  );
}

function UserForm({
  user,
  onCancel,
  onSaved,
}: {
  user: User | null;
  onCancel: () => void;
  onSaved?: (user: User) => void;
}) {
  const save = useSaveUser();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<UserFormValues>({
    mode: 'uncontrolled',
    name: 'user-form',
    initialValues: toFormValues(user ?? emptyUserDraft()),
    validate: (values) => ({
      ...(values.username.trim() ? {} : { username: 'Username is required.' }),
      ...(values.email.trim() ? {} : { email: 'Email is required.' }),
      ...validateAttributes(values.customAttributes),
    }),
  });

  const submit = form.onSubmit(
    (values) => {
      setFormError(null);
      const { draft, addressRows, phoneRows } = toDraft(values);
      save.mutate(
        { id: user?.id ?? null, draft },
        {
          onSuccess: (saved) => {
            showSuccessToast(user ? 'Changes saved' : 'User added', user ? undefined : `${saved.username} is in the directory.`);
            onSaved?.(saved);
          },
          onError: (err) => {
            const path = formPathOf(err.field, values, { addressRows, phoneRows });
            if (path) {
              form.setFieldError(path, err.message);
              showField(form.getInputNode(path));
            } else if (err.field) {
              // A field the form has no input for: say so, rather than lose the message.
              setFormError(err.message);
            }
          },
        },
      );
    },
    (errors) => {
      const first = Object.keys(errors)[0];
      if (first) showField(form.getInputNode(first));
    },
  );

  const text = (path: keyof UserFormValues, label: string, props: Record<string, unknown> = {}) => (
    <TextInput label={label} {...props} key={form.key(path)} {...form.getInputProps(path)} />
  );

  return (
    <form onSubmit={submit} noValidate data-testid="user-form" className={classes.form}>
      <Stack gap={0} className={classes.sections}>
        {formError && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} mb="lg" role="alert" data-testid="user-form-error">
            {formError}
          </Alert>
        )}

        <Section title="Identity" description="How this person signs in and is named in applications.">
          <SimpleGrid cols={2} spacing="md" verticalSpacing="sm">
            {text('username', 'Username', {
              withAsterisk: true,
              autoComplete: 'off',
              spellCheck: false,
              'data-testid': 'user-form-username',
              'data-autofocus': true,
            })}
            {text('email', 'Email', {
              withAsterisk: true,
              type: 'email',
              autoComplete: 'off',
              spellCheck: false,
              'data-testid': 'user-form-email',
            })}
          </SimpleGrid>
          <SimpleGrid cols={3} spacing="md" verticalSpacing="sm" mt="sm">
            {text('firstname', 'First name', { 'data-testid': 'user-form-firstname' })}
            {text('middlename', 'Middle name')}
            {text('lastname', 'Last name', { 'data-testid': 'user-form-lastname' })}
          </SimpleGrid>
          <Box mt="sm">
            {text('displayname', 'Display name', {
              description: 'Leave empty to use the first and last name.',
              inputWrapperOrder: ['label', 'input', 'description', 'error'],
            })}
          </Box>
        </Section>

        <Section title="Employment">
          <SimpleGrid cols={2} spacing="md" verticalSpacing="sm">
            {text('jobTitle', 'Job title')}
            {text('employeeIdentifier', 'Employee ID')}
            {text('employeeType', 'Employee type', { placeholder: 'Full-time, Contractor…' })}
            {text('department', 'Department')}
            {text('costCenter', 'Cost center')}
            {text('company', 'Company')}
            {text('manager', 'Manager')}
            {text('location', 'Location')}
          </SimpleGrid>
        </Section>

        <Section
          title="Addresses"
          action={
            <AddButton onClick={() => form.insertListItem('addresses', emptyAddress(form.getValues().addresses.length ? 'home' : 'work'))}>
              Add address
            </AddButton>
          }
        >
          {form.getValues().addresses.length === 0 ? (
            <NoneYet>No addresses.</NoneYet>
          ) : (
            <Stack gap="sm">
              {form.getValues().addresses.map((a, i) => (
                <Paper key={a.key} withBorder p="md" className={classes.row} data-testid={`user-form-address-${i}`}>
                  <Group justify="space-between" mb="sm" wrap="nowrap">
                    <Select
                      aria-label={`Address ${i + 1} type`}
                      data={typeOptions(ADDRESS_TYPES)}
                      allowDeselect={false}
                      w={140}
                      key={form.key(`addresses.${i}.type`)} {...form.getInputProps(`addresses.${i}.type`)}
                    />
                    <RemoveButton label={`Remove address ${i + 1}`} onClick={() => form.removeListItem('addresses', i)} />
                  </Group>
                  <Grid columnGap="md" rowGap="sm">
                    <Grid.Col span={8}>
                      <TextInput label="Street address" key={form.key(`addresses.${i}.streetAddress`)} {...form.getInputProps(`addresses.${i}.streetAddress`)} />
                    </Grid.Col>
                    <Grid.Col span={4}>
                      <TextInput label="PO box" key={form.key(`addresses.${i}.poBox`)} {...form.getInputProps(`addresses.${i}.poBox`)} />
                    </Grid.Col>
                    <Grid.Col span={5}>
                      <TextInput label="City" key={form.key(`addresses.${i}.locality`)} {...form.getInputProps(`addresses.${i}.locality`)} />
                    </Grid.Col>
                    <Grid.Col span={4}>
                      <TextInput label="Region" placeholder="State, province…" key={form.key(`addresses.${i}.region`)} {...form.getInputProps(`addresses.${i}.region`)} />
                    </Grid.Col>
                    <Grid.Col span={3}>
                      <TextInput label="Postal code" key={form.key(`addresses.${i}.postalCode`)} {...form.getInputProps(`addresses.${i}.postalCode`)} />
                    </Grid.Col>
                    <Grid.Col span={5}>
                      <TextInput label="Country" placeholder="US, GB…" key={form.key(`addresses.${i}.country`)} {...form.getInputProps(`addresses.${i}.country`)} />
                    </Grid.Col>
                  </Grid>
                </Paper>
              ))}
            </Stack>
          )}
        </Section>

        <Section
          title="Phone numbers"
          action={
            <AddButton onClick={() => form.insertListItem('phoneNumbers', emptyPhone(form.getValues().phoneNumbers.length ? 'mobile' : 'work'))}>
              Add phone number
            </AddButton>
          }
        >
          {form.getValues().phoneNumbers.length === 0 ? (
            <NoneYet>No phone numbers.</NoneYet>
          ) : (
            <Stack gap="xs">
              {form.getValues().phoneNumbers.map((p, i) => (
                <Group key={p.key} gap="sm" align="flex-start" wrap="nowrap" data-testid={`user-form-phone-${i}`}>
                  <Select
                    aria-label={`Phone ${i + 1} type`}
                    data={typeOptions(PHONE_TYPES)}
                    allowDeselect={false}
                    w={140}
                    key={form.key(`phoneNumbers.${i}.type`)} {...form.getInputProps(`phoneNumbers.${i}.type`)}
                  />
                  <TextInput
                    aria-label={`Phone ${i + 1} number`}
                    placeholder="+1 415 555 0100"
                    style={{ flex: 1 }}
                    key={form.key(`phoneNumbers.${i}.number`)} {...form.getInputProps(`phoneNumbers.${i}.number`)}
                  />
                  <RemoveButton label={`Remove phone number ${i + 1}`} onClick={() => form.removeListItem('phoneNumbers', i)} />
                </Group>
              ))}
            </Stack>
          )}
        </Section>

        <Section title="Locale">
          <SimpleGrid cols={2} spacing="md">
            {text('locale', 'Locale', { placeholder: 'en-US' })}
            {text('preferredLanguage', 'Preferred language', { placeholder: 'en' })}
          </SimpleGrid>
        </Section>

        <Section
          title="Custom attributes"
          description={
            <>
              Extra values for mappings, available as <code>jcUser.&lt;name&gt;</code>. Names start with a letter and use
              letters, digits and _.
            </>
          }
          action={<AddButton onClick={() => form.insertListItem('customAttributes', emptyAttribute())}>Add attribute</AddButton>}
        >
          {form.getValues().customAttributes.length === 0 ? (
            <NoneYet>No custom attributes.</NoneYet>
          ) : (
            <Stack gap="xs">
              {form.getValues().customAttributes.map((c, i) => (
                <Group key={c.key} gap="sm" align="flex-start" wrap="nowrap" data-testid={`user-form-attribute-${i}`}>
                  <TextInput
                    aria-label={`Attribute ${i + 1} name`}
                    placeholder="name"
                    spellCheck={false}
                    w={220}
                    styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                    key={form.key(`customAttributes.${i}.name`)} {...form.getInputProps(`customAttributes.${i}.name`)}
                  />
                  <TextInput
                    aria-label={`Attribute ${i + 1} value`}
                    placeholder="value"
                    style={{ flex: 1 }}
                    key={form.key(`customAttributes.${i}.value`)} {...form.getInputProps(`customAttributes.${i}.value`)}
                  />
                  <RemoveButton label={`Remove attribute ${i + 1}`} onClick={() => form.removeListItem('customAttributes', i)} />
                </Group>
              ))}
            </Stack>
          )}
        </Section>

        <Section title="Description" last>
          <Textarea
            aria-label="Description"
            placeholder="Notes for admins"
            autosize
            minRows={2}
            maxRows={6}
            key={form.key('description')} {...form.getInputProps('description')}
          />
        </Section>
      </Stack>

      <Group justify="flex-end" gap="sm" className={classes.footer}>
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" loading={save.isPending} data-testid="user-form-save">
          {user ? 'Save changes' : 'Add user'}
        </Button>
      </Group>
    </form>
  );
}

function Section({
  title,
  description,
  action,
  children,
  last,
}: {
  title: string;
  description?: ReactNode;
  action?: ReactNode;
  children: ReactNode;
  last?: boolean;
}) {
  return (
    <Box component="section" className={classes.section} data-last={last || undefined} aria-label={title}>
      <Group justify="space-between" align="flex-start" mb="md" wrap="nowrap">
        <Stack gap={2}>
          <Title order={3} fz="sm" className={classes.sectionTitle}>
            {title}
          </Title>
          {description && (
            <Text size="xs" c="dimmed">
              {description}
            </Text>
          )}
        </Stack>
        {action}
      </Group>
      {children}
    </Box>
  );
}

function AddButton({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={onClick} style={{ flexShrink: 0 }}>
      {children}
    </Button>
  );
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Tooltip label={label}>
      <ActionIcon variant="subtle" color="gray" size={36} onClick={onClick} aria-label={label}>
        <IconTrash size={16} />
      </ActionIcon>
    </Tooltip>
  );
}

function NoneYet({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed" className={classes.none}>
      {children}
    </Text>
  );
}

/** Brings a field with an error into view (the drawer scrolls) and puts the cursor in it. */
function showField(node: HTMLElement | null) {
  if (!node) return;
  node.scrollIntoView({ block: 'center' });
  node.focus({ preventScroll: true });
}
