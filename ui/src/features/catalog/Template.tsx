//! A template or instruction text with its placeholders (`YOURDOMAIN`, `YOUR_ORG_ID`)
//! highlighted, each explained on hover when the connector describes it (see placeholders.ts
//! for what counts as one).

import { Mark, Text, Tooltip } from '@mantine/core';
import type { Placeholder } from '../../bindings/Placeholder';
import { splitPlaceholders } from './placeholders';

export function Template({
  text,
  placeholders = [],
  mono = true,
  testId,
}: {
  text: string;
  placeholders?: Placeholder[];
  mono?: boolean;
  testId?: string;
}) {
  return (
    <Text
      span
      ff={mono ? 'monospace' : undefined}
      size={mono ? 'xs' : 'sm'}
      style={{ wordBreak: mono ? 'break-all' : undefined }}
      data-testid={testId}
    >
      {splitPlaceholders(text).map((seg, i) => {
        if (!seg.placeholder) return <span key={i}>{seg.text}</span>;
        const ph = placeholders.find((p) => p.token === seg.text);
        const mark = (
          <Mark
            key={i}
            color="orange"
            px={3}
            style={{ borderRadius: 3, fontWeight: 600 }}
            data-placeholder={seg.text}
          >
            {seg.text}
          </Mark>
        );
        return ph ? (
          <Tooltip key={i} label={`${ph.label}: ${ph.help}`} multiline maw={300}>
            {mark}
          </Tooltip>
        ) : (
          mark
        );
      })}
    </Text>
  );
}
