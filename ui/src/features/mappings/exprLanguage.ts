//! The Expr mapping language for CodeMirror: a small stream tokenizer (strings, numbers,
//! keywords, operators, `jcUser`/`providerUser`, function names, `.field` properties),
//! colours that follow the Mantine colour scheme (CSS variables), and completion of
//! `jcUser.` fields, `providerUser.` attributes, functions (signature and doc) and keywords.

import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { HighlightStyle, StreamLanguage, type StringStream } from '@codemirror/language';
import type { EditorView } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';
import type { ExprCatalog } from '../../bindings/ExprCatalog';

export const KEYWORDS = ['and', 'or', 'not', 'in', 'let', 'matches', 'contains', 'startsWith', 'endsWith', 'if', 'else'];
export const ATOMS = ['nil', 'true', 'false'];
export const ROOTS = ['jcUser', 'providerUser'];

const KEYWORD_SET = new Set(KEYWORDS);
const ATOM_SET = new Set(ATOMS);
const ROOT_SET = new Set(ROOTS);

type State = { afterDot: boolean };

const NUMBER = /^(?:0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?|\.\d[\d_]*(?:[eE][+-]?\d+)?)/;
const IDENT = /^[\p{L}_$][\p{L}\p{N}_$]*/u;
const OPERATOR = /^(?:\?\?|\?\.|\.\.|==|!=|<=|>=|&&|\|\||\*\*|##|[-+*/%^!<>=?:|#,;])/;

function string(stream: StringStream, quote: string): string {
  stream.next();
  while (!stream.eol()) {
    const ch = stream.next();
    if (ch === '\\' && quote !== '`') stream.next();
    else if (ch === quote) break;
  }
  return 'string';
}

export const exprLanguage = StreamLanguage.define<State>({
  name: 'expr',
  startState: () => ({ afterDot: false }),
  token(stream, state) {
    if (stream.eatSpace()) return null;
    const ch = stream.peek() ?? '';
    const afterDot = state.afterDot;
    state.afterDot = false;
    if (ch === '"' || ch === "'" || ch === '`') return string(stream, ch);
    if (stream.match(NUMBER)) return 'number';
    if (stream.match('?.') || (ch === '.' && !stream.match('..', false) && stream.next())) {
      state.afterDot = true;
      return 'punctuation';
    }
    const word = stream.match(IDENT) as RegExpMatchArray | null;
    if (word) {
      const w = word[0];
      if (afterDot) return 'property';
      if (KEYWORD_SET.has(w)) return 'keyword';
      if (ATOM_SET.has(w)) return 'atom';
      if (ROOT_SET.has(w)) return 'root';
      if (stream.match(/^\s*\(/, false)) return 'fn';
      return 'variable';
    }
    if (stream.match(OPERATOR)) return 'operator';
    if (/[()[\]{}]/.test(ch)) {
      stream.next();
      return 'bracket';
    }
    stream.next();
    return null;
  },
  tokenTable: {
    root: t.special(t.variableName),
    fn: t.function(t.variableName),
    property: t.propertyName,
    variable: t.variableName,
    punctuation: t.punctuation,
    bracket: t.bracket,
  },
  languageData: { closeBrackets: { brackets: ['(', '[', '{', "'", '"'] } },
});

/** Colours from Mantine's scheme-aware `-text` variables: right in light and dark alike. */
export const exprHighlight = HighlightStyle.define([
  { tag: t.keyword, color: 'var(--mantine-color-grape-text)', fontWeight: '600' },
  { tag: t.atom, color: 'var(--mantine-color-orange-text)' },
  { tag: t.number, color: 'var(--mantine-color-orange-text)' },
  { tag: t.string, color: 'var(--mantine-color-green-text)' },
  { tag: t.special(t.variableName), color: 'var(--mantine-color-gate-text)', fontWeight: '600' },
  { tag: t.function(t.variableName), color: 'var(--mantine-color-blue-text)' },
  { tag: t.propertyName, color: 'var(--mantine-color-cyan-text)' },
  { tag: t.operator, color: 'var(--mantine-color-dimmed)' },
  { tag: [t.punctuation, t.bracket], color: 'var(--mantine-color-dimmed)' },
]);

/** Whether `pos` is inside a string literal of `text` (a single-line scan is enough here). */
export function insideString(text: string, pos: number): boolean {
  let quote: string | null = null;
  for (let i = 0; i < pos; i += 1) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\' && quote !== '`') i += 1;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'" || ch === '`') {
      quote = ch;
    }
  }
  return quote !== null;
}

function insertCall(name: string) {
  return (view: EditorView, _c: Completion, from: number, to: number) => {
    const next = view.state.sliceDoc(to, to + 1);
    const insert = next === '(' ? name : `${name}()`;
    view.dispatch({ changes: { from, to, insert }, selection: { anchor: from + name.length + 1 } });
  };
}

/** The completion source for a catalog: what may follow `jcUser.`, `providerUser.`, `).`, or start a word. */
export function exprCompletions(catalog: ExprCatalog | undefined) {
  const fields: Completion[] = (catalog?.userFields ?? []).map((f) => ({ label: f, type: 'property', detail: 'jcUser' }));
  const providerFields: Completion[] = [
    ...new Set((catalog?.targets ?? []).map((p) => p.split(/[.[]/)[0]).filter((p) => !p.startsWith('$'))),
  ].map((f) => ({ label: f, type: 'property', detail: 'providerUser' }));
  const functions: Completion[] = (catalog?.functions ?? []).map((f) => ({
    label: f.name,
    type: 'function',
    detail: f.signature.startsWith(f.name) ? f.signature.slice(f.name.length) : f.signature,
    info: f.doc,
    apply: insertCall(f.name),
    boost: f.name.startsWith('toScim') || f.name === 'notNullOrEmpty' ? 2 : 0,
  }));
  const methods: Completion[] = (catalog?.methods ?? []).map((f) => ({
    label: f.name,
    type: 'method',
    detail: f.signature,
    info: f.doc,
    apply: insertCall(f.name),
  }));
  const words: Completion[] = [
    ...ROOTS.map((r) => ({ label: r, type: 'variable', boost: 3, info: r === 'jcUser' ? 'The directory user' : "The application's current account ({} before it exists)" })),
    ...KEYWORDS.map((k) => ({ label: k, type: 'keyword' })),
    ...ATOMS.map((k) => ({ label: k, type: 'constant' })),
    ...functions,
  ];

  return (context: CompletionContext): CompletionResult | null => {
    const line = context.state.doc.lineAt(context.pos);
    const before = line.text.slice(0, context.pos - line.from);
    if (insideString(before, before.length)) return null;
    const member = /(jcUser|providerUser|\))\s*\??\.([\w$]*)$/.exec(before);
    if (member) {
      const options = member[1] === 'jcUser' ? fields : member[1] === 'providerUser' ? providerFields : methods;
      return { from: context.pos - member[2].length, options, validFor: /^[\w$]*$/ };
    }
    if (/\.[\w$]*$/.test(before)) return null;
    const word = context.matchBefore(/[\p{L}_$][\p{L}\p{N}_$]*/u);
    if (!word && !context.explicit) return null;
    return { from: word ? word.from : context.pos, options: words, validFor: /^[\p{L}\p{N}_$]*$/u };
  };
}
