//! The organization form. Server-side validation is the authority: an `invalid_input` error
//! names its field, and the message is shown at that field while the admin's input stays.

import { Button, Code, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Settings } from '../../bindings/Settings';
import { showSuccessToast } from '../../components/notify';
import { exampleIdpUrl } from './idpUrl';
import { useUpdateSettings } from './queries';
import { SettingsSection } from './SettingsSection';

const FIELDS: readonly (keyof Settings)[] = ['organizationName', 'idpBaseUrl'];

export function SettingsForm({ settings }: { settings: Settings }) {
  const save = useUpdateSettings();
  const form = useForm<Settings>({
    mode: 'controlled',
    initialValues: settings,
    validate: {
      organizationName: (v) => (v.trim() ? null : 'Enter your organization’s name'),
      idpBaseUrl: (v) => (v.trim() ? null : 'Enter the base URL of your identity provider'),
    },
  });

  const submit = form.onSubmit((values) => {
    save.mutate(values, {
      onSuccess: (saved) => {
        // The saved (server-normalised) values become both the content and the baseline.
        form.setInitialValues(saved);
        form.setValues(saved);
        showSuccessToast('Settings saved');
      },
      onError: (err) => {
        const field = FIELDS.find((f) => f === err.field);
        if (field) form.setFieldError(field, err.message);
      },
    });
  });

  const dirty = form.isDirty();

  return (
    <form onSubmit={submit} noValidate data-testid="settings-form">
      <SettingsSection
        title="Organization"
        description="Shown in the console and used to build each application's single sign-on URLs."
        footer={
          <>
            <Button variant="default" disabled={!dirty || save.isPending} onClick={() => form.reset()}>
              Discard
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!dirty} data-testid="settings-save">
              Save changes
            </Button>
          </>
        }
      >
        <Stack gap="lg">
          <TextInput
            label="Organization name"
            placeholder="Acme Inc."
            withAsterisk
            data-testid="settings-org-name"
            {...form.getInputProps('organizationName')}
          />
          <TextInput
            label="IdP base URL"
            placeholder="https://sso.example.com"
            withAsterisk
            spellCheck={false}
            autoCapitalize="off"
            autoCorrect="off"
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            description={
              <>
                Each application&apos;s IdP URL is <Code fz="inherit">&lt;base&gt;/saml2/&lt;custom value&gt;</Code>
              </>
            }
            inputWrapperOrder={['label', 'description', 'input', 'error']}
            data-testid="settings-idp-base-url"
            {...form.getInputProps('idpBaseUrl')}
          />
          <Text size="xs" c="dimmed" mt={-8} data-testid="settings-idp-example">
            For example:{' '}
            <Text span ff="monospace" size="xs" c="var(--mantine-color-text)">
              {exampleIdpUrl(form.values.idpBaseUrl)}
            </Text>
          </Text>
        </Stack>
      </SettingsSection>
    </form>
  );
}
