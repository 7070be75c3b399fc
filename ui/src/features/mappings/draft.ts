//! The editor's working copy of a mapping list. Each row keeps a stable key (React and the
//! preview's per-row results follow it while rows move), and remembers what it held under
//! each kind, so clicking Direct → Expression → Direct gives the field back. What is sent is
//! always `{target, kind, source, required}` in the rows' order: the core reports problems
//! by that index (`mappings[3].source`).

import type { Mapping } from '../../bindings/Mapping';
import type { MappingKind } from '../../bindings/MappingKind';

export type DraftRow = Mapping & {
  key: string;
  /** The source last held under each other kind. */
  stash: Partial<Record<MappingKind, string>>;
};

let seq = 0;
const nextKey = () => `row${(seq += 1)}`;

export function toRows(mappings: readonly Mapping[]): DraftRow[] {
  return mappings.map((m) => ({ ...m, key: nextKey(), stash: {} }));
}

export function toMappings(rows: readonly DraftRow[]): Mapping[] {
  return rows.map(({ target, kind, source, required }) => ({ target, kind, source, required }));
}

export function newRow(): DraftRow {
  return { key: nextKey(), target: '', kind: 'direct', source: '', required: false, stash: {} };
}

/** Whether the draft would change what is saved (order counts: it is the list's order). */
export function isChanged(rows: readonly DraftRow[], saved: readonly Mapping[]): boolean {
  return (
    rows.length !== saved.length ||
    rows.some((r, i) => r.target !== saved[i].target || r.kind !== saved[i].kind || r.source !== saved[i].source)
  );
}

const JC_FIELD = /^\s*jcUser\.([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)?)\s*$/;

/** The row under another kind: its earlier source for that kind, else the source carried over. */
export function withKind(row: DraftRow, kind: MappingKind): DraftRow {
  if (kind === row.kind) return row;
  const stash = { ...row.stash, [row.kind]: row.source };
  let source = row.stash[kind];
  if (source === undefined) {
    if (row.kind === 'direct' && kind === 'expression') source = row.source ? `jcUser.${row.source}` : '';
    else if (row.kind === 'expression' && kind === 'direct') source = JC_FIELD.exec(row.source)?.[1] ?? '';
    else source = '';
  }
  return { ...row, kind, source, stash };
}

export type FieldRef = { index: number; part: 'target' | 'source' | 'kind' } | { index: null };

/** `mappings[3].source` → row 3, its source; `mappings` (or anything else) → the list. */
export function parseField(field: string | undefined | null): FieldRef {
  const m = /^mappings\[(\d+)\]\.(target|source|kind)$/.exec(field ?? '');
  if (!m) return { index: null };
  return { index: Number(m[1]), part: m[2] as 'target' | 'source' | 'kind' };
}

/** The suffix of a row's test ids (`mapping-row-<id>`): its target, or `new` while it has none. */
export function rowId(row: Pick<DraftRow, 'target'>): string {
  return row.target.trim() || 'new';
}

/** A problem shown at a row, under the field it concerns. */
export type RowMessage = { part: 'target' | 'source'; severity: 'error' | 'warning'; message: string };

/**
 * Unsaved drafts by application, so leaving the Mappings tab (tabs unmount) and coming back
 * finds the edits where they were. A draft is only taken back over the saved list it
 * started from; once saved or discarded it is dropped.
 */
const unsaved = new Map<string, { base: readonly Mapping[]; rows: DraftRow[] }>();

export function keepDraft(appId: string, base: readonly Mapping[], rows: DraftRow[]): void {
  if (isChanged(rows, base)) unsaved.set(appId, { base, rows });
  else unsaved.delete(appId);
}

export function takeDraft(appId: string, base: readonly Mapping[]): DraftRow[] | null {
  const kept = unsaved.get(appId);
  if (!kept || isChanged(toRows(kept.base), base)) return null;
  return kept.rows;
}

/** Drops every kept draft (tests start clean). */
export function forgetDrafts(): void {
  unsaved.clear();
}
