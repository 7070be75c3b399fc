//! A table header that sorts by its column: click once for ascending, again for descending.

import { Table, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import classes from './DataTable.module.css';

export function SortableTh<K extends string>({
  column,
  sort,
  descending,
  onSort,
  children,
  w,
}: {
  column: K;
  sort: K;
  descending: boolean;
  onSort: (column: K, descending: boolean) => void;
  children: ReactNode;
  w?: number | string;
}) {
  const active = sort === column;
  const Icon = !active ? IconArrowsSort : descending ? IconArrowDown : IconArrowUp;
  return (
    <Table.Th w={w} aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'}>
      <UnstyledButton
        className={classes.sortButton}
        data-active={active || undefined}
        onClick={() => onSort(column, active ? !descending : false)}
        data-testid={`sort-${column}`}
      >
        {children}
        <Icon size={13} stroke={2} opacity={active ? 1 : 0.45} aria-hidden />
      </UnstyledButton>
    </Table.Th>
  );
}
