//! The bottom bar of a paged table: "51–100 of 1,234 users" and the page buttons.

import { Group, Loader, Pagination, Text } from '@mantine/core';
import classes from './DataTable.module.css';

export function PagedFooter({
  page,
  pageSize,
  total,
  shown,
  noun,
  fetching,
  onPage,
  testId,
}: {
  page: number;
  pageSize: number;
  total: number;
  /** Rows on this page. */
  shown: number;
  /** Plural noun: "users". */
  noun: string;
  fetching?: boolean;
  onPage: (page: number) => void;
  testId?: string;
}) {
  const totalPages = Math.max(1, Math.ceil(total / pageSize));
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(total, first + shown - 1);
  return (
    <Group justify="space-between" px="md" py="sm" className={classes.footer} data-testid={testId}>
      <Group gap="xs">
        <Text size="sm" c="dimmed" data-testid={testId ? `${testId}-range` : undefined}>
          {total === 0
            ? `No ${noun}`
            : `${first.toLocaleString()}–${last.toLocaleString()} of ${total.toLocaleString()} ${noun}`}
        </Text>
        {fetching && <Loader size={14} />}
      </Group>
      {totalPages > 1 && (
        <Pagination
          total={totalPages}
          value={Math.min(page, totalPages)}
          onChange={onPage}
          size="sm"
          withEdges={totalPages > 5}
          getControlProps={(control) => ({ 'aria-label': `${control} page` })}
          getItemProps={(p) => ({ 'aria-label': `Page ${p}` })}
        />
      )}
    </Group>
  );
}
