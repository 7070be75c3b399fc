//! The search box above a list. It keeps what is typed to itself (so typing re-renders only
//! the box, never the table) and reports the text once typing pauses; the clear button and
//! Escape report an empty search at once. Give it a new `key` to reset it from outside.

import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';

export function SearchInput({
  initial,
  onSearch,
  placeholder,
  label,
  testId,
  w = 340,
  debounceMs = 250,
}: {
  /** The search in effect when the box mounts. */
  initial: string;
  onSearch: (search: string) => void;
  placeholder: string;
  label: string;
  testId?: string;
  w?: number | string;
  debounceMs?: number;
}) {
  const [value, setValue] = useState(initial);
  const report = useDebouncedCallback(onSearch, debounceMs);
  const clear = () => {
    report.cancel();
    setValue('');
    onSearch('');
  };
  return (
    <TextInput
      placeholder={placeholder}
      aria-label={label}
      leftSection={<IconSearch size={16} stroke={1.6} />}
      rightSection={value ? <CloseButton size="sm" aria-label="Clear search" onClick={clear} /> : undefined}
      value={value}
      onChange={(e) => {
        setValue(e.currentTarget.value);
        report(e.currentTarget.value);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && value) {
          e.stopPropagation();
          clear();
        }
      }}
      w={w}
      data-testid={testId}
    />
  );
}
