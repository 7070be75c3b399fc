//! A list's search, sort and page, kept in the URL (`?q=&sort=&desc=1&page=`) so Back and
//! reload keep the view. Every change of search or sort starts again at page 1.

import { useSearchParams } from 'react-router';

export type ListParams<S extends string> = {
  search: string;
  sort: S;
  descending: boolean;
  page: number;
  setSearch: (search: string) => void;
  setSort: (sort: S, descending: boolean) => void;
  setPage: (page: number) => void;
};

export function useListParams<S extends string>(sorts: readonly S[], defaultSort: S): ListParams<S> {
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const rawSort = params.get('sort') ?? '';
  const sort = (sorts as readonly string[]).includes(rawSort) ? (rawSort as S) : defaultSort;
  const descending = params.get('desc') === '1';
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);

  const update = (patch: { q?: string; sort?: S; desc?: boolean; page?: number }) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        const set = (k: string, v: string | null) => (v ? next.set(k, v) : next.delete(k));
        if (patch.q !== undefined) set('q', patch.q);
        if (patch.sort !== undefined) set('sort', patch.sort === defaultSort ? null : patch.sort);
        if (patch.desc !== undefined) set('desc', patch.desc ? '1' : null);
        if (patch.page !== undefined) set('page', patch.page > 1 ? String(patch.page) : null);
        return next;
      },
      { replace: true },
    );

  return {
    search,
    sort,
    descending,
    page,
    setSearch: (q) => update({ q: q.trim(), page: 1 }),
    setSort: (s, desc) => update({ sort: s, desc, page: 1 }),
    setPage: (p) => update({ page: p }),
  };
}
