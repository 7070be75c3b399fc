//! The General tab: the application's general info, saved as a whole; the IdP URL value is
//! shown but cannot change (the reference: delete and add the application again).

import { Alert, Box, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import type { Application } from '../../../bindings/Application';
import type { GeneralInfo } from '../../../bindings/GeneralInfo';
import { showSuccessToast } from '../../../components/notify';
import { GENERAL_FIELDS } from '../general';
import { GeneralInfoFields } from '../GeneralInfoFields';
import { useUpdateGeneral } from '../queries';
import classes from './Tabs.module.css';

function generalOf(app: Application): GeneralInfo {
  return {
    label: app.label,
    description: app.description,
    portalImage: app.portalImage,
    portalColor: app.portalColor,
    showInPortal: app.showInPortal,
  };
}

export function GeneralTab({ app }: { app: Application }) {
  const save = useUpdateGeneral();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<GeneralInfo>({
    mode: 'controlled',
    initialValues: generalOf(app),
    validate: { label: (v) => (v.trim() ? null : 'Enter a display label.') },
  });
  const dirty = form.isDirty();

  const submit = form.onSubmit((values) => {
    setFormError(null);
    save.mutate(
      { id: app.id, general: values },
      {
        onSuccess: (saved) => {
          const next = generalOf(saved);
          form.setInitialValues(next);
          form.setValues(next);
          showSuccessToast('Application saved');
        },
        onError: (err) => {
          const field = GENERAL_FIELDS.find((f) => f === err.field);
          if (field) form.setFieldError(field, err.message);
          else if (err.field) setFormError(err.message);
        },
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate data-testid="app-general-form">
      <Card padding={0}>
        <Box p="lg">
          <Stack gap={4} mb="lg">
            <Title order={2} fz="lg">
              General info
            </Title>
            <Text size="sm" c="dimmed">
              How the application is named and shown to users in their portal.
            </Text>
          </Stack>
          {formError && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} mb="md" role="alert">
              {formError}
            </Alert>
          )}
          <GeneralInfoFields form={form} connectorId={app.connectorId} labelTestId="app-general-label" />
          <Box mt="xl" pt="lg" className={classes.divider}>
            <TextInput
              label="IdP URL custom value"
              value={app.idpUrlSuffix}
              readOnly
              leftSection={<IconLock size={15} />}
              maw={420}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              data-testid="app-general-idp-suffix"
            />
            <Text size="xs" c="dimmed" mt={6} data-testid="app-general-idp-note">
              The IdP URL (<span className={classes.mono}>{app.idpUrl}</span>) can&apos;t be changed after the application is
              created. To use another, delete the application and add it again.
            </Text>
          </Box>
        </Box>
        <Group justify="flex-end" gap="sm" px="lg" py="sm" className={classes.footer}>
          <Button variant="default" disabled={!dirty || save.isPending} onClick={() => form.reset()}>
            Discard
          </Button>
          <Button type="submit" loading={save.isPending} disabled={!dirty} data-testid="app-general-save">
            Save changes
          </Button>
        </Group>
      </Card>
    </form>
  );
}
