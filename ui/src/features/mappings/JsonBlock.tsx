//! A JSON document as the core will send it: pretty-printed, monospace, lightly coloured
//! (keys, strings, numbers, literals), scrollable, with a copy button.

import { ActionIcon, CopyButton, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import type { ReactNode } from 'react';
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
    <div className={classes.jsonWrap}>
      <pre className={classes.json} data-testid={testId} aria-label={label} tabIndex={0}>
        {highlightJson(text)}
      </pre>
      <CopyButton value={text} timeout={1500}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : 'Copy JSON'} position="left">
            <ActionIcon
              variant="default"
              color={copied ? 'teal' : 'gray'}
              size="sm"
              onClick={copy}
              className={classes.copy}
              aria-label="Copy the SCIM resource"
              data-testid="preview-copy"
            >
              {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </div>
  );
}
