//! The mapping rows: required ones (lock, cannot be removed, target fixed) and optional
//! ones; per row the SCIM target, the kind, the source editor for that kind (a directory
//! field, an expression, a constant) and its problems, each at the field that causes it.

import { ActionIcon, Autocomplete, Button, ColorSwatch, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconLock, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo, type ReactNode } from 'react';
import type { ExprCatalog } from '../../bindings/ExprCatalog';
import type { MappingKind } from '../../bindings/MappingKind';
import { rowId, withKind, type DraftRow, type RowMessage } from './draft';
import type { ExprProblems } from './diagnostics';
import { ExpressionEditor } from './ExpressionEditor';
import { directOptions, targetOptions } from './targets';
import classes from './MappingsTable.module.css';

const KINDS: { value: MappingKind; label: string; color: string }[] = [
  { value: 'direct', label: 'Direct', color: 'gray' },
  { value: 'expression', label: 'Expression', color: 'grape' },
  { value: 'constant', label: 'Constant', color: 'blue' },
];

export function MappingsTable({
  rows,
  catalog,
  connectorName,
  messages,
  problems,
  changed,
  focusKey,
  onChange,
  onRemove,
  onAdd,
}: {
  rows: DraftRow[];
  catalog: ExprCatalog | undefined;
  connectorName: string;
  messages: ReadonlyMap<string, RowMessage[]>;
  problems: ReadonlyMap<string, ExprProblems>;
  changed: ReadonlySet<string>;
  focusKey: string | null;
  onChange: (row: DraftRow) => void;
  onRemove: (key: string) => void;
  onAdd: () => void;
}) {
  return (
    <div className={classes.table} data-testid="mappings-table" role="table" aria-label="Attribute mappings">
      <div className={classes.head} role="row">
        <span role="columnheader" aria-label="Required" />
        <span role="columnheader">SCIM attribute</span>
        <span role="columnheader">Kind</span>
        <span role="columnheader" className={classes.sourceHead}>
          Value from
        </span>
        <span role="columnheader" aria-label="Remove" />
      </div>
      {rows.map((row) => (
        <MappingRow
          key={row.key}
          row={row}
          rows={rows}
          catalog={catalog}
          connectorName={connectorName}
          messages={messages.get(row.key)}
          problems={problems.get(row.key)}
          changed={changed.has(row.key)}
          autoFocus={focusKey === row.key}
          onChange={onChange}
          onRemove={onRemove}
        />
      ))}
      <div className={classes.footer}>
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={onAdd}
          data-testid="mapping-add"
        >
          Add attribute
        </Button>
      </div>
    </div>
  );
}

function MappingRow({
  row,
  rows,
  catalog,
  connectorName,
  messages = [],
  problems,
  changed,
  autoFocus,
  onChange,
  onRemove,
}: {
  row: DraftRow;
  rows: DraftRow[];
  catalog: ExprCatalog | undefined;
  connectorName: string;
  messages?: RowMessage[];
  problems?: ExprProblems;
  changed: boolean;
  autoFocus: boolean;
  onChange: (row: DraftRow) => void;
  onRemove: (key: string) => void;
}) {
  const id = rowId(row);
  const label = row.target.trim() || 'the new attribute';
  const at = (part: RowMessage['part']) => messages.filter((m) => m.part === part);
  const targetErrors = at('target');
  const sourceErrors = at('source');
  const taken = useMemo(
    () => new Set(rows.filter((r) => r.key !== row.key).map((r) => r.target.trim().toLowerCase())),
    [rows, row.key],
  );

  return (
    <div
      className={classes.row}
      role="row"
      data-testid={`mapping-row-${id}`}
      data-required={row.required || undefined}
      data-changed={changed || undefined}
    >
      <div className={classes.status} role="cell">
        {row.required ? (
          <Tooltip label={`Required by ${connectorName}: it cannot be removed`}>
            <IconLock size={15} stroke={2} className={classes.lock} aria-label="Required" />
          </Tooltip>
        ) : null}
      </div>

      <div className={classes.target} role="cell">
        {row.required ? (
          <Stack gap={2}>
            <Text className={classes.fixedTarget} data-testid={`mapping-target-${id}`}>
              {row.target}
            </Text>
            <Messages list={targetErrors} />
          </Stack>
        ) : (
          <Autocomplete
            size="xs"
            className={classes.mono}
            value={row.target}
            onChange={(target) => onChange({ ...row, target })}
            data={targetOptions(catalog, taken)}
            placeholder="SCIM attribute, e.g. title"
            aria-label={`SCIM attribute of ${label}`}
            {...feedback(targetErrors)}
            maxDropdownHeight={280}
            comboboxProps={{ width: 300, position: 'bottom-start', keepMounted: false }}
            autoFocus={autoFocus}
            spellCheck={false}
            data-testid={`mapping-target-${id}`}
          />
        )}
      </div>

      <div className={classes.kind} role="cell">
        <Select
          size="xs"
          value={row.kind}
          onChange={(k) => k && onChange(withKind(row, k as MappingKind))}
          data={KINDS.map(({ value, label: l }) => ({ value, label: l }))}
          allowDeselect={false}
          comboboxProps={{ keepMounted: false }}
          leftSection={
            <ColorSwatch
              color={`var(--mantine-color-${KINDS.find((k) => k.value === row.kind)?.color ?? 'gray'}-5)`}
              size={8}
              withShadow={false}
            />
          }
          leftSectionWidth={22}
          aria-label={`Kind of ${label}`}
          data-testid={`mapping-kind-${id}`}
        />
      </div>

      <div className={classes.source} role="cell">
        <SourceField row={row} id={id} label={label} catalog={catalog} problems={problems} errors={sourceErrors} onChange={onChange} />
      </div>

      <div className={classes.remove} role="cell">
        {!row.required && (
          <Tooltip label="Remove">
            <ActionIcon
              variant="subtle"
              color="gray"
              size="md"
              onClick={() => onRemove(row.key)}
              aria-label={`Remove ${label}`}
              data-testid={`mapping-remove-${id}`}
            >
              <IconTrash size={15} stroke={1.7} />
            </ActionIcon>
          </Tooltip>
        )}
      </div>
    </div>
  );
}

function SourceField({
  row,
  id,
  label,
  catalog,
  problems,
  errors,
  onChange,
}: {
  row: DraftRow;
  id: string;
  label: string;
  catalog: ExprCatalog | undefined;
  problems?: ExprProblems;
  errors: RowMessage[];
  onChange: (row: DraftRow) => void;
}) {
  const hasError = errors.some((m) => m.severity === 'error');
  if (row.kind === 'expression') {
    return (
      <Stack gap={4}>
        <ExpressionEditor
          value={row.source}
          onChange={(source) => onChange({ ...row, source })}
          catalog={catalog}
          problems={problems}
          invalid={hasError}
          ariaLabel={`Expression for ${label}`}
          testId={`mapping-editor-${id}`}
        />
        <Messages list={errors} />
      </Stack>
    );
  }
  if (row.kind === 'constant') {
    return (
      <TextInput
        size="xs"
        value={row.source}
        onChange={(e) => onChange({ ...row, source: e.currentTarget.value })}
        placeholder="The same value for every user"
        aria-label={`Constant value for ${label}`}
        {...feedback(errors)}
        spellCheck={false}
        data-testid={`mapping-source-${id}`}
      />
    );
  }
  return (
    <Autocomplete
      size="xs"
      className={classes.mono}
      value={row.source}
      onChange={(source) => onChange({ ...row, source })}
      data={directOptions(catalog, row.source)}
      placeholder="Directory field, e.g. jobTitle"
      aria-label={`Directory field for ${label}`}
      {...feedback(errors)}
      maxDropdownHeight={280}
      comboboxProps={{ keepMounted: false }}
      leftSection={
        <Text size="xs" c="dimmed" ff="monospace">
          jcUser.
        </Text>
      }
      leftSectionWidth={56}
      spellCheck={false}
      data-testid={`mapping-source-${id}`}
    />
  );
}

/** Errors as the input's error (red), warnings as its description; both below the input. */
function feedback(list: RowMessage[]): {
  error?: ReactNode;
  description?: ReactNode;
  inputWrapperOrder: ('label' | 'input' | 'description' | 'error')[];
} {
  const errors = list.filter((m) => m.severity === 'error');
  const warnings = list.filter((m) => m.severity === 'warning');
  return {
    error: errors.length ? <Messages list={errors} /> : undefined,
    description: warnings.length ? <Messages list={warnings} /> : undefined,
    inputWrapperOrder: ['label', 'input', 'error', 'description'],
  };
}

/** Messages inside an input's error or description (a <p>): spans only. */
function Messages({ list }: { list: RowMessage[] }) {
  if (list.length === 0) return null;
  return (
    <span style={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      {list.map((m, i) => (
        <Text
          key={i}
          span
          size="xs"
          c={m.severity === 'error' ? 'var(--mantine-color-error)' : 'var(--mantine-color-yellow-text)'}
          style={{ overflowWrap: 'anywhere' }}
        >
          {m.message}
        </Text>
      ))}
    </span>
  );
}
