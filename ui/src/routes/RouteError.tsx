//! Shown by the router when a route itself fails (a render error it caught first).

import { Box } from '@mantine/core';
import { useRouteError } from 'react-router';
import { ErrorFallback } from '../components/ErrorBoundary';

export function RouteError() {
  const error = useRouteError();
  return (
    <Box p="xl" maw={720} mx="auto">
      <ErrorFallback error={error} onReset={() => window.location.reload()} />
    </Box>
  );
}
