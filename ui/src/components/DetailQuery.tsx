//! The three states every detail page (user, group, application) goes through before it can
//! render its record: loading (a skeleton shaped like the page), not found (the record was
//! deleted or the link is stale, with a way back to the list), and any other error (retry).
import { Button, Card, Group, Skeleton, Stack } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { IpcError } from '../lib/ipc';
import { EmptyPanel } from './EmptyPanel';
import { QueryError } from './QueryError';

export type NotFoundCopy = {
  testId: string;
  icon: ReactNode;
  title: string;
  description: string;
  /** The list to go back to, e.g. `/users`, and its button label. */
  backTo: string;
  backLabel: string;
};

export function DetailQuery<T>({
  query,
  loadingTestId,
  avatar = 'square',
  notFound,
  errorTitle,
  children,
}: {
  query: UseQueryResult<T, IpcError>;
  loadingTestId: string;
  /** Shape of the skeleton's picture: a user's round avatar or a logo's square. */
  avatar?: 'round' | 'square';
  notFound: NotFoundCopy;
  errorTitle: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <DetailSkeleton testId={loadingTestId} avatar={avatar} />;
  if (query.isError) {
    if (query.error.code === 'not_found') {
      return (
        <EmptyPanel
          testId={notFound.testId}
          icon={notFound.icon}
          title={notFound.title}
          description={notFound.description}
          action={
            <Button component={Link} to={notFound.backTo} variant="default" leftSection={<IconArrowLeft size={16} />}>
              {notFound.backLabel}
            </Button>
          }
        />
      );
    }
    return <QueryError error={query.error} title={errorTitle} onRetry={() => void query.refetch()} />;
  }
  return <>{children(query.data)}</>;
}

/** A header card (picture, title, two lines), a tab strip and a content block. */
export function DetailSkeleton({ testId, avatar = 'square' }: { testId: string; avatar?: 'round' | 'square' }) {
  return (
    <Stack gap="lg" data-testid={testId}>
      <Card padding="lg">
        <Group gap="lg" wrap="nowrap">
          {avatar === 'round' ? <Skeleton h={60} w={60} circle /> : <Skeleton h={64} w={64} radius="md" />}
          <Stack gap={10} style={{ flex: 1 }}>
            <Skeleton h={20} w={220} />
            <Skeleton h={12} w={160} />
            <Skeleton h={12} w={340} />
          </Stack>
        </Group>
      </Card>
      <Skeleton h={36} w={560} maw="100%" />
      <Skeleton h={280} />
    </Stack>
  );
}
