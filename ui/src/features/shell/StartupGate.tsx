//! Decides, once at start-up, whether the console can be shown: if the core answers
//! `app_info` with a store error, every other command would fail the same way, so the
//! start-up error screen replaces the whole console.

import { Center, Loader, Stack } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { LogoMark } from '../../components/Logo';
import { IpcError } from '../../lib/ipc';
import { useAppInfo } from './queries';
import { StartupErrorScreen } from './StartupErrorScreen';

export function StartupGate({ children }: { children: ReactNode }) {
  const info = useAppInfo();
  // Once the console is open it stays open: later refetches of app info (pages use it too)
  // must not bounce the admin back to the splash screen.
  const [opened, setOpened] = useState(false);
  const storeError = info.isError && IpcError.from(info.error).isStoreError;
  if (!opened && (info.isSuccess || (info.isError && !storeError))) setOpened(true);

  if (opened) return <>{children}</>;

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

  if (storeError) {
    // The core opens its store once, at start-up: retrying cannot help, restarting can.
    return <StartupErrorScreen error={IpcError.from(info.error)} />;
  }
  // Any other failure (e.g. a transient bridge error) does not lock the admin out: the
  // console opens (on the next render) and its pages report their own errors.
  return null;
}
