//! A template or instruction text with its placeholders (`YOURDOMAIN`, `YOUR_ORG_ID`)
//! highlighted. Same rule as the Rust side (gatehouse-catalog `placeholder.rs`): a
//! placeholder is a whole word of letters, digits and `_` that is `YOUR` followed by
//! capitals, digits or `_`, so `/SAML2/ACS` is never mistaken for one.

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
