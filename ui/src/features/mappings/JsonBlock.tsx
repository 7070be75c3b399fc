//! A JSON document as the core will send it: pretty-printed, monospace, lightly coloured
//! (keys, strings, numbers, literals), scrollable, with a copy button (see `CodeBlock`).

import type { ReactNode } from 'react';
import { CodeBlock } from '../../components/CodeBlock';
import classes from './PreviewPane.module.css';

const TOKEN = /("(?:\\.|[^"\\])*")(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;

function highlightJson(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    if (at > last) out.push(text.slice(last, at));
    const cls = m[1] ? (m[2] ? classes.jsonKey : classes.jsonString) : m[3] ? classes.jsonAtom : classes.jsonNumber;
    out.push(
      <span key={at} className={cls}>
        {m[1] ?? m[0]}
      </span>,
    );
    if (m[1] && m[2]) out.push(m[2]);
    last = at + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function JsonBlock({ text, testId, label }: { text: string; testId: string; label: string }) {
  return (
    <CodeBlock copyText={text} copyLabel="Copy the SCIM resource" label={label} testId={testId} copyTestId="preview-copy">
      {highlightJson(text)}
    </CodeBlock>
  );
}
