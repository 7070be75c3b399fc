//! A directory field for the NameID or a SAML attribute: the fields a direct mapping may read
//! (`email`, `addresses.locality`, `active`), offered as the admin types; a custom attribute
//! is written `customAttributes.<name>`, which the core checks on save.

import { Autocomplete, type AutocompleteProps } from '@mantine/core';
import { IconDatabase } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useExprCatalog } from '../mappings/queries';

export function FieldInput(props: Omit<AutocompleteProps, 'data'>) {
  const catalog = useExprCatalog();
  const data = useMemo(() => {
    const fields = catalog.data?.directFields.length ? catalog.data.directFields : (catalog.data?.userFields ?? []);
    return [...new Set(fields)];
  }, [catalog.data]);
  return (
    <Autocomplete
      data={data}
      limit={50}
      maxDropdownHeight={260}
      leftSection={<IconDatabase size={15} stroke={1.6} />}
      placeholder="Directory field"
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
      comboboxProps={{ keepMounted: false }}
      {...props}
    />
  );
}
