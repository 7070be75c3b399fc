//! The SSO configuration form: Connection, Name ID, Signing and Attributes, saved as a whole
//! from a toolbar that stays in view and says when there are unsaved changes. The core
//! validates every field; a refused save is shown at the input it names (the form's paths
//! are the core's), anything else above the form.

import { Alert, Badge, Button, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconDeviceFloppy } from '@tabler/icons-react';
import { useState } from 'react';
import type { SsoView } from '../../bindings/SsoView';
import { showSuccessToast } from '../../components/notify';
import { IpcError } from '../../lib/ipc';
import { AttributesSection } from './AttributesSection';
import { ConnectionSection } from './ConnectionSection';
import { formValues, isChanged, isFormPath, toInput, type SsoFormValues } from './draft';
import { NameIdSigningSection } from './NameIdSigningSection';
import { useSaveSso } from './queries';
import { SpMetadataImport } from './SpMetadataImport';
import classes from './SsoTab.module.css';

/** What a refresh of the view can change under the form. */
function configKey(view: SsoView): string {
  return JSON.stringify([view.config, view.placeholders.map((p) => [p.token, p.value])]);
}

export function SsoForm({ view }: { view: SsoView }) {
  const save = useSaveSso(view.appId);
  const [base, setBase] = useState(view);
  const [saved, setSaved] = useState<SsoFormValues>(() => formValues(view));
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<SsoFormValues>({ mode: 'controlled', initialValues: saved });
  const values = form.getValues();
  const changed = isChanged(values, saved, view.hasSpLoginUrl);

  const reset = (next: SsoView) => {
    const v = formValues(next);
    setBase(next);
    setSaved(v);
    form.setInitialValues(v);
    form.setValues(v);
    form.clearErrors();
    setFormError(null);
  };

  // The view was refreshed (a certificate generated, metadata imported): the draft follows a
  // new configuration, and is kept when only the certificates changed.
  if (view !== base) {
    setBase(view);
    if (configKey(view) !== configKey(base)) reset(view);
  }

  const submit = form.onSubmit((v) => {
    setFormError(null);
    save.mutate(toInput(v, view.hasSpLoginUrl), {
      onSuccess: (next) => {
        reset(next);
        showSuccessToast('SSO configuration saved', `${view.appLabel} signs in with the new settings.`);
      },
      onError: (e) => {
        const err = IpcError.from(e);
        if (!err.field) return; // a toast says it
        if (isFormPath(err.field, v)) {
          form.setFieldError(err.field, err.message);
          const node = form.getInputNode(err.field);
          node?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
          node?.focus({ preventScroll: true });
        } else {
          setFormError(err.message);
        }
      },
    });
  });

  const unfilled = view.placeholders.filter((p) => view.unfilled.includes(p.token)).map((p) => p.label);
  const status = changed ? (
    <Badge size="sm" variant="light" color="yellow" data-testid="sso-unsaved">
      Unsaved changes
    </Badge>
  ) : view.isDefault ? (
    <Badge size="sm" variant="light" color="gray" data-testid="sso-status">
      Not saved yet
    </Badge>
  ) : (
    <Badge size="sm" variant="light" color="green" data-testid="sso-status">
      Saved
    </Badge>
  );

  return (
    <form onSubmit={submit} noValidate data-testid="sso-form">
      <Stack gap="lg">
        <Group justify="space-between" wrap="nowrap" gap="md" className={classes.toolbar} data-changed={changed || undefined}>
          <Stack gap={2} miw={0}>
            <Group gap={8}>
              <Title order={3}>SAML configuration</Title>
              {status}
            </Group>
            {!changed && unfilled.length > 0 ? (
              <Text size="xs" c="var(--mantine-color-orange-text)" fw={500} truncate data-testid="sso-setup-hint">
                To finish the setup, fill in the {unfilled.join(' and ')} below, then save.
              </Text>
            ) : (
              <Text size="xs" c="dimmed" truncate>
                {changed
                  ? 'Save to apply your changes to the next sign-in, the metadata and the preview.'
                  : view.isDefault
                    ? `${view.connectorName}'s defaults, not saved yet.`
                    : `In force for every sign-in to ${view.appLabel}.`}
              </Text>
            )}
          </Stack>
          <Group gap="xs" wrap="nowrap">
            <Button variant="default" size="sm" disabled={!changed || save.isPending} onClick={() => reset(base)} data-testid="sso-discard">
              Discard
            </Button>
            <Button
              type="submit"
              size="sm"
              leftSection={<IconDeviceFloppy size={16} />}
              disabled={!changed && !view.isDefault}
              loading={save.isPending}
              data-testid="sso-save"
            >
              Save
            </Button>
          </Group>
        </Group>

        {formError && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert" data-testid="sso-form-error">
            {formError}
          </Alert>
        )}

        <ConnectionSection
          form={form}
          view={view}
          actions={
            <Tooltip label="Save or discard your changes first" disabled={!changed}>
              <span>
                <SpMetadataImport appId={view.appId} connectorName={view.connectorName} disabled={changed} />
              </span>
            </Tooltip>
          }
        />
        <NameIdSigningSection form={form} connectorName={view.connectorName} />
        <AttributesSection form={form} view={view} />
      </Stack>
    </form>
  );
}
