//! An XML document for reading: monospace, lightly coloured (element names, attribute names
//! and values), scrollable in both directions, with a copy button that copies `copyText`
//! (the exact signed document, since re-indented XML no longer verifies).

import { ActionIcon, CopyButton, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import type { ReactNode } from 'react';
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
    <div className={classes.wrap}>
      <pre className={classes.xml} data-testid={testId} aria-label={label} tabIndex={0}>
        {highlightXml(text)}
      </pre>
      <CopyButton value={copyText} timeout={1500}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : 'Copy the signed XML'} position="left">
            <ActionIcon
              variant="default"
              color={copied ? 'teal' : 'gray'}
              size="sm"
              onClick={copy}
              className={classes.copy}
              aria-label="Copy the signed XML"
              data-testid={`${testId}-copy`}
            >
              {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </div>
  );
}
