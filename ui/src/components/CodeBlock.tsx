//! A document shown for reading (the SCIM resource, a SAML Response): monospace, scrollable
//! in both directions, with a copy button in its corner. The caller colours the text; the
//! copy button copies `copyText`, which may differ from what is shown (re-indented XML no
//! longer verifies, so the signed original is what gets copied).

import { ActionIcon, CopyButton, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import classes from './CodeBlock.module.css';

export function CodeBlock({
  children,
  copyText,
  copyLabel,
  label,
  testId,
  copyTestId,
  maxHeight = 420,
}: {
  children: ReactNode;
  copyText: string;
  /** What the copy button says it copies, e.g. "Copy the SCIM resource". */
  copyLabel: string;
  label: string;
  testId: string;
  copyTestId: string;
  maxHeight?: number;
}) {
  return (
    <div className={classes.wrap}>
      <pre className={classes.code} style={{ maxHeight }} data-testid={testId} aria-label={label} tabIndex={0}>
        {children}
      </pre>
      <CopyButton value={copyText} timeout={1500}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : copyLabel} position="left">
            <ActionIcon
              variant="default"
              color={copied ? 'teal' : 'gray'}
              size="sm"
              onClick={copy}
              className={classes.copy}
              aria-label={copyLabel}
              data-testid={copyTestId}
            >
              {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </div>
  );
}
