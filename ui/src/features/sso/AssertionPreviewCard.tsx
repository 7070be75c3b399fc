//! "Assertion preview": for a chosen user, the exact signed Response an IdP-initiated
//! sign-in would post, built from the saved configuration. Each build is a real sign-in
//! credential and is recorded, so it is built on an explicit click, never as the admin
//! types. From there: save the Response to a file, or "Test SSO" in the system browser.

import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconBrowserCheck, IconDeviceFloppy, IconFileCertificate, IconHammer } from '@tabler/icons-react';
import { useState } from 'react';
import type { SsoView } from '../../bindings/SsoView';
import { showSuccessToast } from '../../components/notify';
import { IpcError } from '../../lib/ipc';
import { PreviewUserPicker } from '../mappings/PreviewUserPicker';
import { AssertionResult } from './AssertionResult';
import { useFileExport, XML_FILTER } from './exportFile';
import { useAssertionPreview, useTestSso } from './queries';
import { SsoSection } from './Section';

export function AssertionPreviewCard({ view }: { view: SsoView }) {
  const [user, setUser] = useState('');
  const [shownUser, setShownUser] = useState<{ id: string; label: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const build = useAssertionPreview(view.appId);
  const test = useTestSso(view.appId);
  const files = useFileExport(view.appId);
  const preview = build.data;
  const hasActive = view.certificates.some((c) => c.status === 'active');

  const onError = (e: unknown) => {
    const err = IpcError.from(e);
    if (err.field) setError(err.message);
  };

  const onBuild = () => {
    setError(null);
    build.mutate(user, {
      onSuccess: (p) => setShownUser({ id: p.userId, label: p.username }),
      onError,
    });
  };

  const onTest = () => {
    setError(null);
    test.mutate(user, {
      onSuccess: () =>
        showSuccessToast(
          'Opened in your browser',
          `The page posts a signed Response for ${preview?.username ?? 'the user'} to ${preview?.destination ?? view.connectorName}.`,
        ),
      onError,
    });
  };

  return (
    <SsoSection
      icon={IconFileCertificate}
      title="Assertion preview"
      description={`The signed Response an IdP-initiated sign-in to ${view.connectorName} would post for a user, built from the saved configuration. Each build is recorded in the activity log.`}
      testId="sso-preview"
    >
      <Stack gap="md">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <div style={{ width: 320 }}>
            <PreviewUserPicker
              value={user}
              shown={shownUser}
              onChange={(id) => {
                setUser(id);
                setError(null);
              }}
            />
          </div>
          <Button
            size="xs"
            leftSection={<IconHammer size={15} />}
            onClick={onBuild}
            disabled={!user || !hasActive}
            loading={build.isPending}
            data-testid="sso-preview-build"
          >
            Build preview
          </Button>
          {preview && (
            <>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconDeviceFloppy size={15} />}
                onClick={() => void files.run('response', 'Save SAML Response', 'saml-response.xml', XML_FILTER, 'Response saved')}
                loading={files.busy === 'response'}
                data-testid="sso-preview-save"
              >
                Save Response…
              </Button>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconBrowserCheck size={15} />}
                onClick={onTest}
                loading={test.isPending}
                disabled={!user}
                data-testid="sso-test"
              >
                Test SSO
              </Button>
            </>
          )}
        </Group>
        {!hasActive && (
          <Text size="sm" c="dimmed" data-testid="sso-preview-needs-certificate">
            Generate a signing certificate first: every Response is signed.
          </Text>
        )}
        {error && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert" data-testid="sso-preview-error">
            {error}
          </Alert>
        )}
        {preview && !error && <AssertionResult preview={preview} />}
      </Stack>
    </SsoSection>
  );
}
