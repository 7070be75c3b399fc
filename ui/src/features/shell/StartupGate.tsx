//! Decides, once at start-up, whether the console can be shown: if the core answers
//! `app_info` with a store error, every other command would fail the same way, so the
//! start-up error screen replaces the whole console.

import { Center, Loader, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { LogoMark } from '../../components/Logo';
import { IpcError } from '../../lib/ipc';
import { useAppInfo } from './queries';
import { StartupErrorScreen } from './StartupErrorScreen';

export function StartupGate({ children }: { children: ReactNode }) {
  const info = useAppInfo();

  if (info.isPending) {
    return (
      <Center mih="100vh" bg="var(--gh-page-bg)">
        <Stack align="center" gap="md">
          <LogoMark size={40} />
          <Loader size="sm" type="dots" aria-label="Starting Gatehouse" />
        </Stack>
      </Center>
    );
  }

  if (info.isError) {
    const err = IpcError.from(info.error);
    if (err.isStoreError) {
      return <StartupErrorScreen error={err} onRetry={() => void info.refetch()} retrying={info.isFetching} />;
    }
    // Any other failure (e.g. a transient bridge error) should not lock the admin out:
    // the console opens, and the pages report their own errors.
    return <>{children}</>;
  }

  return <>{children}</>;
}
