//! Problems in an expression (from the preview or a refused save) as CodeMirror lint
//! diagnostics: each underlines the token at its line and column, once.

import type { Diagnostic } from '@codemirror/lint';
import { errorRange } from './position';

/** An error or warning at a 1-based line and column of `source` (the text it was found in). */
export type ExprProblem = { line: number; column: number; message: string; severity: 'error' | 'warning' };

/** Problems found in one text: applied only while the editor still holds that text. */
export type ExprProblems = { source: string; items: ExprProblem[] };

export function toDiagnostics(text: string, items: readonly ExprProblem[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const p of items) {
    const { from, to } = errorRange(text, p.line, p.column);
    const id = `${from}:${to}:${p.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ from, to, severity: p.severity, message: `${p.line}:${p.column}: ${p.message}`, source: 'Gatehouse' });
  }
  return out;
}
