import { describe, expect, it } from 'vitest';
import type { Mapping } from '../../bindings/Mapping';
import { isChanged, keepDraft, newRow, parseField, rowId, takeDraft, toMappings, toRows, withKind } from './draft';

const SAVED: Mapping[] = [
  { target: 'userName', kind: 'direct', source: 'username', required: true },
  { target: 'title', kind: 'direct', source: 'jobTitle', required: false },
];

describe('draft rows', () => {
  it('send exactly target, kind, source and required, in order', () => {
    const rows = toRows(SAVED);
    expect(new Set(rows.map((r) => r.key)).size).toBe(2);
    expect(toMappings(rows)).toEqual(SAVED);
  });

  it('are changed by an edit, a removal or a new order, not by a round trip', () => {
    const rows = toRows(SAVED);
    expect(isChanged(rows, SAVED)).toBe(false);
    expect(isChanged([rows[0], { ...rows[1], source: 'department' }], SAVED)).toBe(true);
    expect(isChanged([rows[0]], SAVED)).toBe(true);
    expect(isChanged([rows[1], rows[0]], SAVED)).toBe(true);
    expect(isChanged([...rows, newRow()], SAVED)).toBe(true);
  });

  it('carry a direct field into an expression and back, and keep what each kind held', () => {
    const [, title] = toRows(SAVED);
    const expr = withKind(title, 'expression');
    expect(expr.source).toBe('jcUser.jobTitle');
    const edited = { ...expr, source: 'upper(jcUser.jobTitle)' };
    const constant = withKind(edited, 'constant');
    expect(constant.source).toBe('');
    const back = withKind({ ...constant, source: 'Staff' }, 'expression');
    expect(back.source).toBe('upper(jcUser.jobTitle)');
    expect(withKind(back, 'direct').source).toBe('jobTitle');
    expect(withKind(back, 'constant').source).toBe('Staff');
    // A plain `jcUser.x` expression becomes the field x for a new direct row.
    expect(withKind({ ...newRow(), kind: 'expression', source: 'jcUser.department' }, 'direct').source).toBe('department');
  });

  it('name their test ids by target', () => {
    expect(rowId({ target: 'displayName' })).toBe('displayName');
    expect(rowId({ target: '  ' })).toBe('new');
  });
});

describe('parseField', () => {
  it('finds the row and part an error belongs to', () => {
    expect(parseField('mappings[3].source')).toEqual({ index: 3, part: 'source' });
    expect(parseField('mappings[0].target')).toEqual({ index: 0, part: 'target' });
    expect(parseField('mappings')).toEqual({ index: null });
    expect(parseField(undefined)).toEqual({ index: null });
  });
});

describe('unsaved drafts', () => {
  it('come back over the list they started from, and only then', () => {
    const rows = toRows(SAVED);
    const edited = [rows[0], { ...rows[1], source: 'department' }];
    keepDraft('app_1', SAVED, edited);
    expect(takeDraft('app_1', SAVED)).toBe(edited);
    expect(takeDraft('app_2', SAVED)).toBeNull();
    // Saved elsewhere meanwhile: the old draft does not come back over the new list.
    expect(takeDraft('app_1', [SAVED[0]])).toBeNull();
    // Back to the saved list (saved or discarded): nothing is kept.
    keepDraft('app_1', SAVED, rows);
    expect(takeDraft('app_1', SAVED)).toBeNull();
  });
});
