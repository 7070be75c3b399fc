//! Turns what the core said about a draft (the live preview's issues and per-mapping
//! errors, a refused save) into messages at the rows that caused them and underlines in
//! their expression editors. The preview answers in list order; its rows are matched to the
//! draft's by key, so messages never land on the wrong row after rows were added or removed.

import type { MappingIssue } from '../../bindings/MappingIssue';
import { parseField, type DraftRow, type RowMessage } from './draft';
import type { ExprProblem, ExprProblems } from './diagnostics';
import type { KeyedPreview } from './queries';

/** A save the core refused: at a row (by key) and part, or for the list as a whole (`key` null). */
export type SaveError = {
  key: string | null;
  part: 'target' | 'source';
  message: string;
  line: number | null;
  column: number | null;
  /** The row's source when it was sent (positions refer to it). */
  source: string;
};

export type Feedback = {
  messages: Map<string, RowMessage[]>;
  problems: Map<string, ExprProblems>;
  /** Problems of the list as a whole (a required mapping missing, too many mappings). */
  list: { severity: 'error' | 'warning'; message: string }[];
};

const strip = (m: string) => m.replace(/^\d+:\d+:\s*/, '');

export function rowFeedback(
  rows: readonly DraftRow[],
  keyed: KeyedPreview | undefined,
  saveError: SaveError | null,
  fallbackIssues: readonly MappingIssue[] = [],
): Feedback {
  const messages = new Map<string, RowMessage[]>();
  const problems = new Map<string, ExprProblems>();
  const list: Feedback['list'] = [];
  const present = new Set(rows.map((r) => r.key));
  // A row just added and still empty is not nagged about until a save is refused.
  const pristine = new Set(rows.filter((r) => !r.target.trim() && !r.source.trim()).map((r) => r.key));
  const push = (key: string, m: RowMessage) => {
    const at = messages.get(key) ?? [];
    if (!at.some((x) => x.part === m.part && strip(x.message) === strip(m.message))) at.push(m);
    messages.set(key, at);
  };
  const addProblem = (key: string, source: string, p: ExprProblem) => {
    const at = problems.get(key);
    if (at && at.source === source) at.items.push(p);
    else if (!at) problems.set(key, { source, items: [p] });
  };

  // A refused save first: it is what the admin just asked about.
  if (saveError) {
    if (saveError.key === null) list.push({ severity: 'error', message: saveError.message });
    else if (present.has(saveError.key)) {
      push(saveError.key, { part: saveError.part, severity: 'error', message: saveError.message });
      if (saveError.part === 'source' && saveError.line !== null && saveError.column !== null) {
        addProblem(saveError.key, saveError.source, {
          line: saveError.line,
          column: saveError.column,
          message: strip(saveError.message),
          severity: 'error',
        });
      }
    }
  }

  const issues = keyed ? keyed.preview.issues : fallbackIssues;
  const keyAt = (i: number): string | undefined => (keyed ? keyed.keys[i] : rows[i]?.key);
  const sourceAt = (i: number): string => (keyed ? (keyed.sources[i] ?? '') : (rows[i]?.source ?? ''));

  for (const issue of issues) {
    const ref = parseField(issue.field);
    const severity = issue.severity === 'warning' ? 'warning' : 'error';
    const key = ref.index === null ? undefined : keyAt(ref.index);
    if (ref.index === null || key === undefined || !present.has(key) || pristine.has(key)) {
      if (ref.index === null) list.push({ severity, message: issue.message });
      continue;
    }
    const part = ref.part === 'target' ? 'target' : 'source';
    const where = issue.line !== null && issue.column !== null ? `${issue.line}:${issue.column}: ` : '';
    push(key, { part, severity, message: `${where}${issue.message}` });
    if (part === 'source' && issue.line !== null && issue.column !== null) {
      addProblem(key, sourceAt(ref.index), { line: issue.line, column: issue.column, message: issue.message, severity });
    }
  }

  keyed?.preview.values.forEach((v, i) => {
    const key = keyAt(i);
    if (!v.error || key === undefined || !present.has(key) || pristine.has(key)) return;
    const where = v.error.line !== null && v.error.column !== null ? `${v.error.line}:${v.error.column}: ` : '';
    push(key, {
      part: 'source',
      severity: 'error',
      message: `${where}${v.error.message}`,
    });
    if (v.error.line !== null && v.error.column !== null) {
      addProblem(key, sourceAt(i), { line: v.error.line, column: v.error.column, message: v.error.message, severity: 'error' });
    }
  });

  // Rows the preview spoke about but found nothing wrong in: clear their underlines.
  if (keyed) {
    keyed.keys.forEach((key, i) => {
      if (present.has(key) && !problems.has(key)) problems.set(key, { source: keyed.sources[i] ?? '', items: [] });
    });
  }
  return { messages, problems, list };
}
