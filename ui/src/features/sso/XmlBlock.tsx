//! An XML document for reading: monospace, lightly coloured (element names, attribute names
//! and values), scrollable in both directions, with a copy button that copies `copyText`
//! (the exact signed document, since re-indented XML no longer verifies).

import type { ReactNode } from 'react';
import { CodeBlock } from '../../components/CodeBlock';
import classes from './XmlBlock.module.css';

// A tag's start (`<saml2:Assertion`, `</…`), an attribute (`ID="…"`), or a tag's end.
const TOKEN = /(<\/?)([\w:.-]+)|([\w:.-]+)(=)("[^"]*")|(\/?>)/g;

function highlightXml(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    if (at > last) out.push(text.slice(last, at));
    if (m[2]) {
      out.push(
        <span key={at} className={classes.punct}>
          {m[1]}
        </span>,
        <span key={`${at}t`} className={classes.tag}>
          {m[2]}
        </span>,
      );
    } else if (m[3]) {
      out.push(
        <span key={at} className={classes.attr}>
          {m[3]}
        </span>,
        m[4],
        <span key={`${at}v`} className={classes.value}>
          {m[5]}
        </span>,
      );
    } else {
      out.push(
        <span key={at} className={classes.punct}>
          {m[6]}
        </span>,
      );
    }
    last = at + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function XmlBlock({ text, copyText, label, testId }: { text: string; copyText: string; label: string; testId: string }) {
  return (
    <CodeBlock copyText={copyText} copyLabel="Copy the signed XML" label={label} testId={testId} copyTestId={`${testId}-copy`} maxHeight={560}>
      {highlightXml(text)}
    </CodeBlock>
  );
}
