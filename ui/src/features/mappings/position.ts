//! Positions in an expression: the core reports 1-based line and column counting Unicode
//! characters (code points); CodeMirror counts UTF-16 code units from 0. The underline of an
//! error runs from its position to the end of the token that starts there, and is never
//! empty while the expression is not (an empty range would draw a point, not an underline).

/** A document offset for a 1-based line and column (in characters), clamped into the text. */
export function offsetAt(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < Math.max(1, line); l += 1) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  const lineEnd = text.indexOf('\n', offset) < 0 ? text.length : text.indexOf('\n', offset);
  for (let c = 1; c < Math.max(1, column) && offset < lineEnd; c += 1) {
    const code = text.charCodeAt(offset);
    // A surrogate pair is one character for the core, two units for CodeMirror.
    offset += code >= 0xd800 && code <= 0xdbff && offset + 1 < lineEnd ? 2 : 1;
  }
  return offset;
}

const IDENT = /[\p{L}\p{N}_$]/u;
const NUMBER = /[0-9A-Fa-f_.xXoObB]/;
const OPERATORS = ['??', '?.', '...', '..', '==', '!=', '<=', '>=', '&&', '||', '**', '::', '##'];

/** Where the token that starts at `from` ends (exclusive). */
export function tokenEnd(text: string, from: number): number {
  const ch = text[from];
  if (ch === undefined) return from;
  if (ch === '"' || ch === "'" || ch === '`') {
    let i = from + 1;
    while (i < text.length && text[i] !== ch && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
    return Math.min(text.length, i + 1);
  }
  if (/[0-9]/.test(ch)) {
    let i = from + 1;
    while (i < text.length && NUMBER.test(text[i]) && !(text[i] === '.' && text[i + 1] === '.')) i += 1;
    return i;
  }
  if (IDENT.test(ch)) {
    let i = from;
    while (i < text.length) {
      const cp = text.codePointAt(i)!;
      const s = String.fromCodePoint(cp);
      if (!IDENT.test(s)) break;
      i += s.length;
    }
    return i;
  }
  const op = OPERATORS.find((o) => text.startsWith(o, from));
  if (op) return from + op.length;
  const cp = text.codePointAt(from)!;
  return from + String.fromCodePoint(cp).length;
}

/**
 * The range to underline for an error at 1-based `line`:`column`: the token there; at the
 * end of the text (e.g. "unexpected end of expression") or on blanks, the last thing before.
 */
export function errorRange(text: string, line: number, column: number): { from: number; to: number } {
  if (text.length === 0) return { from: 0, to: 0 };
  let from = offsetAt(text, line, column);
  if (from >= text.length || /\s/.test(text[from])) {
    // Step back over blanks to the last character before the position.
    let i = Math.min(from, text.length) - 1;
    while (i > 0 && /\s/.test(text[i])) i -= 1;
    if (i < 0) i = 0;
    if (/\s/.test(text[i])) return { from: i, to: i + 1 };
    // Underline the whole token that ends there.
    const start = tokenStart(text, i);
    return { from: start, to: i + 1 };
  }
  const to = tokenEnd(text, from);
  if (to <= from) from = Math.max(0, from - 1);
  return { from, to: Math.max(to, from + 1) };
}

function tokenStart(text: string, last: number): number {
  if (!IDENT.test(text[last])) return last;
  let i = last;
  while (i > 0 && IDENT.test(text[i - 1])) i -= 1;
  return i;
}

/** `"3:14: unexpected token"` → position and message; messages without one pass through. */
export function splitPosition(message: string): { line: number | null; column: number | null; message: string } {
  const m = /^(\d+):(\d+):\s*(.*)$/s.exec(message);
  if (!m) return { line: null, column: null, message };
  return { line: Number(m[1]), column: Number(m[2]), message: m[3] };
}
