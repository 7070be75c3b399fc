import { CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { EditorState } from '@codemirror/state';
import { highlightTree } from '@lezer/highlight';
import { tags } from '@lezer/highlight';
import { describe, expect, it } from 'vitest';
import type { ExprCatalog } from '../../bindings/ExprCatalog';
import { exprCompletions, exprHighlight, exprLanguage, insideString } from './exprLanguage';

const CATALOG: ExprCatalog = {
  functions: [
    { name: 'notNullOrEmpty', signature: 'notNullOrEmpty(v) bool', doc: 'false for nil, "", [] and {}' },
    { name: 'toScimEmails', signature: 'toScimEmails(email) array', doc: 'a SCIM emails list' },
    { name: 'upper', signature: 'upper(s) string', doc: 'upper-case' },
  ],
  methods: [{ name: 'Format', signature: 'Format(layout) string', doc: 'a date in a Go layout' }],
  userFields: ['firstname', 'lastname', 'displayname', 'email'],
  directFields: ['firstname'],
  targets: ['userName', 'externalId', 'name.givenName', '$enterpriseUser.department'],
};

function complete(doc: string, explicit = false): CompletionResult | null {
  const state = EditorState.create({ doc, extensions: [exprLanguage] });
  const result = exprCompletions(CATALOG)(new CompletionContext(state, doc.length, explicit));
  return result instanceof Promise ? null : result;
}

/** Each token's text with the highlight class it gets. */
function highlighted(doc: string): [string, string][] {
  const state = EditorState.create({ doc, extensions: [exprLanguage] });
  const tree = exprLanguage.parser.parse(doc);
  const out: [string, string][] = [];
  highlightTree(tree, exprHighlight, (from, to, cls) => out.push([state.sliceDoc(from, to), cls]));
  return out;
}

describe('Expr highlighting', () => {
  it('tells keywords, strings, numbers, roots, functions and fields apart', () => {
    const cls = (tag: Parameters<typeof exprHighlight.style>[0]) => exprHighlight.style(tag)!;
    const tokens = new Map(
      highlighted("notNullOrEmpty(jcUser.displayname) and not nil ? 'x' : 42 ?? providerUser.externalId"),
    );
    expect(tokens.get('notNullOrEmpty')).toBe(cls([tags.function(tags.variableName)]));
    expect(tokens.get('jcUser')).toBe(cls([tags.special(tags.variableName)]));
    expect(tokens.get('providerUser')).toBe(cls([tags.special(tags.variableName)]));
    expect(tokens.get('displayname')).toBe(cls([tags.propertyName]));
    expect(tokens.get('and')).toBe(cls([tags.keyword]));
    expect(tokens.get('not')).toBe(cls([tags.keyword]));
    expect(tokens.get('nil')).toBe(cls([tags.atom]));
    expect(tokens.get("'x'")).toBe(cls([tags.string]));
    expect(tokens.get('42')).toBe(cls([tags.number]));
  });

  it('reads notNullOrEmpty as one name, not the keyword not', () => {
    const tokens = highlighted('notNullOrEmpty(x)');
    expect(tokens[0][0]).toBe('notNullOrEmpty');
  });
});

describe('Expr completion', () => {
  it('offers the directory fields after jcUser.', () => {
    const r = complete('upper(jcUser.fi');
    expect(r?.options.map((o) => o.label)).toEqual(CATALOG.userFields);
    expect(r?.from).toBe('upper(jcUser.'.length);
  });

  it('offers SCIM attributes after providerUser.', () => {
    const labels = complete("providerUser.")!.options.map((o) => o.label);
    expect(labels).toContain('externalId');
    expect(labels).toContain('name');
    expect(labels.some((l) => l.startsWith('$'))).toBe(false);
  });

  it('offers functions with their signature and doc, and the roots, at the start of a word', () => {
    const r = complete('toSc')!;
    const fn = r.options.find((o) => o.label === 'toScimEmails')!;
    expect(fn.detail).toBe('(email) array');
    expect(fn.info).toBe('a SCIM emails list');
    expect(r.options.map((o) => o.label)).toContain('jcUser');
    expect(r.from).toBe(0);
  });

  it('stays quiet inside strings and after other dots', () => {
    expect(complete("'jcUser.")).toBeNull();
    expect(complete("find(jcUser.addresses, .ty")).toBeNull();
    // After a call, the methods of what it returns (dates: `date(x).Format`).
    expect(complete('date(jcUser.description).F')!.options.map((o) => o.label)).toEqual(['Format']);
    expect(insideString("'it\\'s' + '", 11)).toBe(true);
    expect(insideString("'a' + ", 6)).toBe(false);
  });
});
