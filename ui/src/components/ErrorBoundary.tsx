//! Catches render errors so one broken page never blanks the whole console. Used at the root
//! (full window) and around each page (inside the shell, so navigation keeps working).

import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { IconBug } from '@tabler/icons-react';
import { Component, type ErrorInfo, type ReactNode } from 'react';

type Props = { children: ReactNode; resetKey?: unknown };
type State = { error: Error | null };

export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidUpdate(prev: Props) {
    // Navigating elsewhere gives the next page a fresh chance.
    if (this.state.error && prev.resetKey !== this.props.resetKey) this.setState({ error: null });
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Gatehouse UI error', error, info.componentStack);
  }

  render() {
    if (!this.state.error) return this.props.children;
    return <ErrorFallback error={this.state.error} onReset={() => this.setState({ error: null })} />;
  }
}

export function ErrorFallback({ error, onReset }: { error: unknown; onReset?: () => void }) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Alert color="red" variant="light" icon={<IconBug size={20} />} title="This page ran into a problem" role="alert">
      <Stack gap="sm">
        <Text size="sm">Gatehouse hit an unexpected error while showing this page. Your data is not affected.</Text>
        <Code block>{message}</Code>
        {onReset && (
          <Group>
            <Button size="xs" variant="default" onClick={onReset}>
              Try again
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
