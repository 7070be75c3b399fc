//! The application's SSO tab: the SAML configuration (with the connector's placeholders),
//! the signing certificates with exports and rollover, and the assertion preview. A warning
//! at the top says when the active certificate is about to expire.

import { Alert, Button, Skeleton, Stack } from '@mantine/core';
import { IconCertificate, IconInfoCircle } from '@tabler/icons-react';
import { QueryError } from '../../components/QueryError';
import { IpcError } from '../../lib/ipc';
import { AssertionPreviewCard } from './AssertionPreviewCard';
import { CertificatesCard } from './CertificatesCard';
import { ExpiryAlert } from './ExpiryBadge';
import { useSsoView } from './queries';
import { SsoForm } from './SsoForm';
import classes from './SsoTab.module.css';

export function SsoTab({ appId }: { appId: string }) {
  const view = useSsoView(appId);
  let body;
  if (view.isPending) {
    body = (
      <Stack gap="lg">
        <Skeleton h={64} />
        <Skeleton h={420} />
        <Skeleton h={180} />
      </Stack>
    );
  } else if (view.isError) {
    const err = IpcError.from(view.error);
    // A connector without SAML SSO: the core says so.
    body =
      err.code === 'invalid_input' ? (
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={20} />} title="No single sign-on" data-testid="sso-unavailable">
          {err.message}
        </Alert>
      ) : (
        <QueryError error={err} title="Couldn't load the SSO configuration" onRetry={() => void view.refetch()} />
      );
  } else {
    const v = view.data;
    body = (
      <Stack gap="lg">
        {v.certificateExpiry && (
          <ExpiryAlert
            level={v.certificateExpiry}
            action={
              <Button
                size="xs"
                variant="default"
                mt="sm"
                display="block"
                leftSection={<IconCertificate size={14} />}
                onClick={() => document.querySelector('[data-testid="sso-certificates"]')?.scrollIntoView({ behavior: 'smooth', block: 'center' })}
              >
                Go to certificates
              </Button>
            }
          />
        )}
        <SsoForm key={v.appId} view={v} />
        <CertificatesCard view={v} />
        <AssertionPreviewCard view={v} />
      </Stack>
    );
  }
  return (
    <div className={classes.layout} data-testid="sso-tab">
      {body}
    </div>
  );
}
