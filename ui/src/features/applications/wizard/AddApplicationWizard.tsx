//! Add Application, as the reference's wizard: pick a connector, enter the general info
//! (with the IdP URL value under Advanced, suggested from the label until the admin edits
//! it, and fixed once saved), review, save; then configure it now or later. Every value
//! stays in the wizard until saved: an error sends the admin back to the field concerned.

import {
  Alert,
  Anchor,
  Box,
  Button,
  Card,
  Collapse,
  Group,
  Loader,
  Stack,
  Stepper,
  Text,
  TextInput,
  ThemeIcon,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconArrowRight,
  IconCheck,
  IconChevronDown,
  IconChevronRight,
  IconLock,
} from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { Application } from '../../../bindings/Application';
import type { Connector } from '../../../bindings/Connector';
import type { GeneralInfo } from '../../../bindings/GeneralInfo';
import { CopyValue } from '../../../components/CopyValue';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { suggestIdpUrlSuffix } from '../../../lib/ipc';
import { useCatalog } from '../../catalog/queries';
import { exampleIdpUrl } from '../../settings/idpUrl';
import { useSettings } from '../../settings/queries';
import { AppLogo } from '../AppLogo';
import { GENERAL_FIELDS } from '../general';
import { GeneralInfoFields } from '../GeneralInfoFields';
import { useCreateApplication } from '../queries';
import { ConnectorPicker } from './ConnectorPicker';
import { ReviewStep } from './ReviewStep';
import classes from './AddApplicationWizard.module.css';

const DEFAULT_GENERAL: GeneralInfo = {
  label: '',
  description: '',
  portalImage: 'logo',
  portalColor: '#4a5dd6',
  showInPortal: true,
};

export function AddApplicationWizard() {
  const catalog = useCatalog();
  if (catalog.isError) {
    return (
      <>
        <PageHeader title="Add application" />
        <QueryError error={catalog.error} title="Couldn't load the catalog" onRetry={() => void catalog.refetch()} />
      </>
    );
  }
  return <Wizard connectors={catalog.data?.connectors} />;
}

function Wizard({ connectors }: { connectors: Connector[] | undefined }) {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const settings = useSettings();
  const create = useCreateApplication();

  const [step, setStep] = useState(0);
  const [connectorId, setConnectorId] = useState<string | null>(params.get('connector'));
  const [connectorError, setConnectorError] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [created, setCreated] = useState<Application | null>(null);
  const form = useForm<GeneralInfo>({
    mode: 'controlled',
    initialValues: DEFAULT_GENERAL,
    validate: { label: (v) => (v.trim() ? null : 'Enter a display label.') },
  });

  // The IdP URL value: the core's suggestion for the label, until the admin types their own
  // (`typedSuffix` not null), after which the label no longer changes it.
  const [typedSuffix, setTypedSuffix] = useState<string | null>(null);
  const [suffixError, setSuffixError] = useState<string | null>(null);
  const [advanced, setAdvanced] = useState(true);
  const [label] = useDebouncedValue(form.values.label.trim(), 250);
  const suggestion = useQuery({
    queryKey: ['idpSuffixSuggestion', label],
    queryFn: () => suggestIdpUrlSuffix(label),
    enabled: step >= 1 && typedSuffix === null && label !== '',
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  const suffix = typedSuffix ?? suggestion.data ?? '';

  const connector = connectors?.find((c) => c.id === connectorId) ?? null;
  const idpUrl = exampleIdpUrl(settings.data?.idpBaseUrl ?? '', suffix || '…');

  const choose = (id: string) => {
    setConnectorError(null);
    setConnectorId(id);
  };

  const toGeneral = () => {
    if (!connector) return;
    // The label starts as the connector's name (again, if the admin switched connector
    // without making the label their own).
    const previous = connectors?.find((c) => c.name === form.values.label);
    if (!form.values.label.trim() || previous) form.setFieldValue('label', connector.name);
    setStep(1);
  };

  const toReview = () => {
    if (form.validate().hasErrors) return;
    setStep(2);
  };

  const save = () => {
    if (!connector) return;
    setSaveError(null);
    create.mutate(
      { connectorId: connector.id, general: form.values, idpUrlSuffix: suffix },
      {
        onSuccess: (app) => {
          setCreated(app);
          setStep(3);
        },
        onError: (err) => {
          const field = GENERAL_FIELDS.find((f) => f === err.field);
          if (err.field === 'connectorId') {
            setConnectorError(err.message);
            setStep(0);
          } else if (err.field === 'idpUrlSuffix') {
            setSuffixError(err.message);
            setAdvanced(true);
            setStep(1);
          } else if (field) {
            form.setFieldError(field, err.message);
            setStep(1);
          } else if (err.field) {
            setSaveError(err.message);
          }
        },
      },
    );
  };

  const next = step === 0 ? toGeneral : toReview;

  return (
    <>
      <PageHeader
        title="Add application"
        description="Connect an application from the catalog. You configure single sign-on, provisioning and user groups once it is saved."
      />
      <Card padding={0} data-testid="app-wizard" className={classes.card}>
        <Box px="xl" pt="lg" pb="md" className={classes.stepper}>
          <Stepper
            active={step}
            onStepClick={(s) => {
              if (step < 3 && s < step) setStep(s);
            }}
            allowNextStepsSelect={false}
            size="sm"
            iconSize={32}
          >
            <Stepper.Step label="Application" description={connector ? connector.name : 'Pick a connector'} />
            <Stepper.Step label="General info" description="Label, portal, IdP URL" />
            <Stepper.Step label="Review" description="Check and save" />
          </Stepper>
        </Box>

        <Box p="xl" className={classes.body}>
          {step === 0 && (
            <Stack gap="md">
              {connectorError && (
                <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert">
                  {connectorError}
                </Alert>
              )}
              <ConnectorPicker connectors={connectors} value={connectorId} onChange={choose} onPick={toGeneral} />
            </Stack>
          )}

          {step === 1 && connector && (
            <Stack gap="xl">
              <Group gap="sm">
                <AppLogo connectorId={connector.id} label={connector.name} size={28} />
                <Text size="sm" c="dimmed">
                  Adding <b>{connector.name}</b>
                </Text>
              </Group>
              <GeneralInfoFields form={form} connectorId={connector.id} labelTestId="wizard-label" />

              <Box className={classes.advanced}>
                <UnstyledButton
                  onClick={() => setAdvanced((o) => !o)}
                  className={classes.advancedToggle}
                  aria-expanded={advanced}
                  data-testid="wizard-advanced"
                >
                  {advanced ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                  <Text size="sm" fw={600}>
                    Advanced settings
                  </Text>
                  {!advanced && (
                    <Text size="xs" c="dimmed" ff="monospace" truncate>
                      {idpUrl}
                    </Text>
                  )}
                </UnstyledButton>
                <Collapse expanded={advanced} keepMounted keepMountedMode="display-none">
                  <Stack gap="sm" pt="md" px="md" pb="md">
                    <TextInput
                      label="IdP URL custom value"
                      description="Replaces the application name at the end of the single sign-on IdP URL. Lowercase letters, digits and hyphens."
                      value={suffix}
                      onChange={(e) => {
                        setSuffixError(null);
                        setTypedSuffix(e.currentTarget.value);
                      }}
                      error={suffixError}
                      spellCheck={false}
                      autoCapitalize="off"
                      autoComplete="off"
                      maw={420}
                      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                      rightSection={suggestion.isFetching && typedSuffix === null ? <Loader size={14} /> : undefined}
                      data-testid="wizard-idp-suffix"
                    />
                    {typedSuffix !== null && (
                      <Anchor component="button" type="button" size="xs" onClick={() => setTypedSuffix(null)} w="fit-content">
                        Use the value suggested from the label
                      </Anchor>
                    )}
                    <Box>
                      <Text size="xs" c="dimmed" mb={4}>
                        IdP URL
                      </Text>
                      <Text ff="monospace" size="sm" className={classes.url} data-testid="wizard-idp-url">
                        {idpUrl}
                      </Text>
                    </Box>
                    <Alert
                      color="orange"
                      variant="light"
                      icon={<IconLock size={18} />}
                      p="sm"
                      data-testid="wizard-idp-warning"
                    >
                      <Text size="sm">
                        <b>Not editable after the application is saved.</b> To change the IdP URL later, you must delete the
                        application and add it again.
                      </Text>
                    </Alert>
                  </Stack>
                </Collapse>
              </Box>
            </Stack>
          )}

          {step === 2 && connector && <ReviewStep connector={connector} general={form.values} idpUrl={idpUrl} error={saveError} />}

          {step === 3 && created && (
            <Stack align="center" gap="sm" py="xl" ta="center" data-testid="wizard-done">
              <ThemeIcon size={64} radius="xl" color="teal" variant="light">
                <IconCheck size={34} />
              </ThemeIcon>
              <Title order={2} mt="xs">
                {created.label} is added
              </Title>
              <Text size="sm" c="dimmed" maw={520}>
                Next, configure single sign-on and provisioning. Users are implicitly denied access: bind user groups on the
                application&apos;s User Groups tab to let their members in.
              </Text>
              <Box mt="xs" maw={520} w="100%" className={classes.doneUrl}>
                <Text size="xs" c="dimmed" mb={2}>
                  IdP URL
                </Text>
                <CopyValue value={created.idpUrl} label="IdP URL" />
              </Box>
              <Group mt="lg" gap="sm">
                <Button variant="default" onClick={() => navigate('/applications')} data-testid="wizard-close">
                  Close
                </Button>
                <Button
                  onClick={() => navigate(`/applications/${encodeURIComponent(created.id)}`)}
                  rightSection={<IconArrowRight size={16} />}
                  data-testid="wizard-configure-now"
                >
                  Configure now
                </Button>
              </Group>
              <Text size="xs" c="dimmed" mt="xs">
                Or close, and configure it later from Applications.
              </Text>
            </Stack>
          )}
        </Box>

        {step < 3 && (
          <Group justify="space-between" px="xl" py="md" className={classes.footer}>
            <Button variant="subtle" color="gray" onClick={() => navigate('/applications')}>
              Cancel
            </Button>
            <Group gap="sm">
              {step > 0 && (
                <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => setStep(step - 1)}>
                  Back
                </Button>
              )}
              {step < 2 ? (
                <Button
                  onClick={next}
                  disabled={step === 0 && !connector}
                  rightSection={<IconArrowRight size={16} />}
                  data-testid="wizard-next"
                >
                  Next
                </Button>
              ) : (
                <Button onClick={save} loading={create.isPending} leftSection={<IconCheck size={16} />} data-testid="wizard-save">
                  Save application
                </Button>
              )}
            </Group>
          </Group>
        )}
      </Card>
    </>
  );
}
