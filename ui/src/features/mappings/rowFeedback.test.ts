import { describe, expect, it } from 'vitest';
import type { MappingIssue } from '../../bindings/MappingIssue';
import { newRow, toRows } from './draft';
import { MAPPINGS, previewOf } from './fixtures';
import type { KeyedPreview } from './queries';
import { rowFeedback } from './rowFeedback';

const issue = (field: string, message: string, over: Partial<MappingIssue> = {}): MappingIssue => ({
  target: '',
  field,
  severity: 'error',
  message,
  line: null,
  column: null,
  ...over,
});

describe('rowFeedback', () => {
  it('puts the preview\'s issues at the rows it was computed for, even after a row was removed', () => {
    const rows = toRows(MAPPINGS);
    const keyed: KeyedPreview = {
      preview: {
        ...previewOf(MAPPINGS),
        issues: [
          issue('mappings[1].target', "'titel' is not an attribute"),
          issue('mappings[3].source', 'Fails for a sample user', { severity: 'warning' }),
          issue('mappings', 'userName is required by 15Five and cannot be removed.'),
        ],
      },
      keys: rows.map((r) => r.key),
      sources: rows.map((r) => r.source),
    };
    // The admin removed row 1 while that preview was on its way.
    const now = [rows[0], rows[2], rows[3]];
    const fb = rowFeedback(now, keyed, null);
    expect(fb.messages.get(rows[1].key)).toBeUndefined();
    expect(fb.messages.get(rows[3].key)).toEqual([{ part: 'source', severity: 'warning', message: 'Fails for a sample user' }]);
    // Not shifted onto the row that now sits at index 1.
    expect(fb.messages.get(rows[2].key)).toBeUndefined();
    expect(fb.list).toEqual([{ severity: 'error', message: 'userName is required by 15Five and cannot be removed.' }]);
  });

  it('underlines expression errors in the text they were found in, and clears rows found fine', () => {
    const rows = toRows(MAPPINGS);
    const broken = rows.map((r) => (r.target === 'displayName' ? { ...r, source: 'jcUser.nmae' } : r));
    const keyed: KeyedPreview = {
      preview: previewOf(broken),
      keys: broken.map((r) => r.key),
      sources: broken.map((r) => r.source),
    };
    const fb = rowFeedback(broken, keyed, null);
    const key = broken[2].key;
    expect(fb.problems.get(key)).toEqual({
      source: 'jcUser.nmae',
      items: [{ line: 1, column: 8, message: 'jcUser has no field nmae', severity: 'error' }],
    });
    expect(fb.messages.get(key)).toEqual([{ part: 'source', severity: 'error', message: '1:8: jcUser has no field nmae' }]);
    expect(fb.problems.get(broken[0].key)).toEqual({ source: 'username', items: [] });
  });

  it('shows a refused save at its row, with its position, once', () => {
    const rows = toRows(MAPPINGS);
    const fb = rowFeedback(
      rows,
      undefined,
      { key: rows[2].key, part: 'source', message: '1:5: unexpected token', line: 1, column: 5, source: rows[2].source },
      [issue('mappings[2].source', 'unexpected token', { line: 1, column: 5 })],
    );
    expect(fb.messages.get(rows[2].key)).toEqual([{ part: 'source', severity: 'error', message: '1:5: unexpected token' }]);
    expect(fb.problems.get(rows[2].key)?.items).toHaveLength(2); // same spot: one underline (see toDiagnostics)
  });
});

describe('a new, empty row', () => {
  it('is not flagged by the live preview, only by a refused save', () => {
    const rows = [...toRows(MAPPINGS), newRow()];
    const keyed: KeyedPreview = {
      preview: { ...previewOf(MAPPINGS), issues: [issue('mappings[4].target', "'' is not an attribute of the SCIM User schema.")] },
      keys: rows.map((r) => r.key),
      sources: rows.map((r) => r.source),
    };
    expect(rowFeedback(rows, keyed, null).messages.get(rows[4].key)).toBeUndefined();
    const refused = rowFeedback(rows, keyed, {
      key: rows[4].key,
      part: 'target',
      message: 'Choose the SCIM attribute.',
      line: null,
      column: null,
      source: '',
    });
    expect(refused.messages.get(rows[4].key)).toEqual([{ part: 'target', severity: 'error', message: 'Choose the SCIM attribute.' }]);
  });
});
