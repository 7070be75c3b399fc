//! The Gatehouse mark (an arched gate in a rounded square) and wordmark. Inline SVG: the app
//! loads nothing remote.

import { Group, Text } from '@mantine/core';

export function LogoMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <defs>
        <linearGradient id="gh-mark-bg" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#6c7bdd" />
          <stop offset="1" stopColor="#3244ab" />
        </linearGradient>
      </defs>
      <rect width="32" height="32" rx="8" fill="url(#gh-mark-bg)" />
      <path
        d="M9 24.5V14.5a7 7 0 0 1 14 0v10"
        fill="none"
        stroke="#fff"
        strokeWidth="2.4"
        strokeLinecap="round"
      />
      <path d="M13.7 24.5v-8.5M18.3 24.5v-8.5" stroke="#fff" strokeWidth="2" strokeLinecap="round" opacity="0.85" />
      <path d="M7 24.5h18" stroke="#fff" strokeWidth="2.4" strokeLinecap="round" />
    </svg>
  );
}

export function Wordmark() {
  return (
    <Group gap={10} wrap="nowrap">
      <LogoMark />
      <Text fw={700} size="lg" style={{ letterSpacing: '-0.01em' }}>
        Gatehouse
      </Text>
    </Group>
  );
}
