//! Providers in their order (theme, modals, notifications, query cache), the start-up gate,
//! and the router.

import { MantineProvider, localStorageColorSchemeManager } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { RouterProvider } from 'react-router';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { StartupGate } from '../features/shell/StartupGate';
import { createQueryClient } from './queryClient';
import { createAppRouter } from './router';
import { cssVariablesResolver, theme } from './theme';

const colorSchemeManager = localStorageColorSchemeManager({ key: 'gatehouse-color-scheme' });

export function Providers({
  children,
  queryClient,
  env = 'default',
}: {
  children: ReactNode;
  queryClient: QueryClient;
  env?: 'default' | 'test';
}) {
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      colorSchemeManager={colorSchemeManager}
      defaultColorScheme="auto"
      env={env}
    >
      <QueryClientProvider client={queryClient}>
        <ModalsProvider>
          <Notifications position="bottom-right" limit={4} />
          {children}
        </ModalsProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}

/** The whole app around a given cache and router (tests pass an in-memory router). */
export function AppRoot({
  queryClient,
  router,
  env,
}: {
  queryClient: QueryClient;
  router: ReturnType<typeof createAppRouter>;
  env?: 'default' | 'test';
}) {
  return (
    <Providers queryClient={queryClient} env={env}>
      <ErrorBoundary>
        <StartupGate>
          <RouterProvider router={router} />
        </StartupGate>
      </ErrorBoundary>
    </Providers>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createAppRouter());
  return <AppRoot queryClient={queryClient} router={router} />;
}
