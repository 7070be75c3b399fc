//! A value the admin may need elsewhere (a path, a URL): monospace, truncated with a tooltip,
//! and a copy button that confirms.

import { ActionIcon, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

export function CopyValue({ value, label }: { value: string; label: string }) {
  return (
    <Group gap={6} wrap="nowrap" miw={0}>
      <Tooltip label={value} openDelay={500} multiline maw={480}>
        {/* Truncated at the start (the end of a path says most); <bdi> keeps the path's own
            left-to-right order inside the right-to-left box that puts the ellipsis there. */}
        <Text ff="monospace" size="xs" truncate="start" miw={0}>
          <bdi>{value}</bdi>
        </Text>
      </Tooltip>
      <CopyButton value={value} timeout={1500}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : `Copy ${label.toLowerCase()}`}>
            <ActionIcon
              variant="subtle"
              color={copied ? 'teal' : 'gray'}
              size="sm"
              onClick={copy}
              aria-label={`Copy ${label.toLowerCase()}`}
            >
              {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
