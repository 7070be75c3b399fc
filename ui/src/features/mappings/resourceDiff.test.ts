import { describe, expect, it } from 'vitest';
import { brief, diffResources, ENTERPRISE_URN, sameJson } from './resourceDiff';

const saved = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE_URN],
  userName: 'ada.lovelace',
  name: { givenName: 'Ada', familyName: 'Lovelace' },
  displayName: 'Ada Lovelace',
  emails: [{ value: 'ada@northwind.example', type: 'work', primary: true }],
  [ENTERPRISE_URN]: { department: 'Engineering', costCenter: 'CC-10' },
  active: true,
};

describe('diffResources', () => {
  it('finds nothing between equal resources, whatever the key order', () => {
    const { active, ...others } = saved;
    const reordered = { active, ...others, name: { familyName: 'Lovelace', givenName: 'Ada' } };
    expect(diffResources(saved, reordered)).toEqual([]);
  });

  it('reports added, removed and changed attributes by path, old → new', () => {
    const draft = {
      ...saved,
      displayName: 'Countess of Lovelace',
      name: { givenName: 'Ada' },
      title: 'Analyst',
      [ENTERPRISE_URN]: { department: 'Research', costCenter: 'CC-10' },
    };
    expect(diffResources(saved, draft)).toEqual([
      { kind: 'removed', path: 'name.familyName', before: 'Lovelace' },
      { kind: 'changed', path: 'displayName', before: 'Ada Lovelace', after: 'Countess of Lovelace' },
      { kind: 'changed', path: '$enterpriseUser.department', before: 'Engineering', after: 'Research' },
      { kind: 'added', path: 'title', after: 'Analyst' },
    ]);
  });

  it('compares multi-valued attributes whole, as SCIM replaces them', () => {
    const draft = { ...saved, emails: [{ value: 'ada@analytical.example', type: 'work', primary: true }] };
    const changes = diffResources(saved, draft);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'changed', path: 'emails' });
  });

  it('reports a whole object that appears or disappears once, not per sub-attribute', () => {
    const { [ENTERPRISE_URN]: _gone, ...rest } = saved;
    const changes = diffResources(saved, { ...rest, schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'] });
    expect(changes.map((c) => `${c.kind} ${c.path}`)).toEqual(['changed schemas', 'removed $enterpriseUser']);
  });

  it('treats a missing resource as empty', () => {
    expect(diffResources(null, { userName: 'ada' })).toEqual([{ kind: 'added', path: 'userName', after: 'ada' }]);
  });
});

describe('sameJson and brief', () => {
  it('compares deeply and prints one line', () => {
    expect(sameJson([1, { a: 'x' }], [1, { a: 'x' }])).toBe(true);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(brief('Ada')).toBe('"Ada"');
    expect(brief('x'.repeat(200), 20)).toHaveLength(20);
  });
});
