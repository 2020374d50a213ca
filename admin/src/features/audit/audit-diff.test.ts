import { describe, expect, it } from 'vitest';
import { diffRecords, sameValue } from './audit-diff.ts';

const org = { id: 'o1', name: '社旗县科协', shortName: null, type: 'county_association', status: 'active', updatedAt: '2026-01-01T00:00:00.000Z' };

describe('diffRecords', () => {
  it('marks the fields an update changed and keeps the unchanged ones unmarked', () => {
    const after = { ...org, name: '社旗县科学技术协会', updatedAt: '2026-02-01T00:00:00.000Z' };
    const changes = diffRecords(org, after);
    expect(changes.filter((c) => c.changed).map((c) => c.field)).toEqual(['name', 'updatedAt']);
    expect(changes.find((c) => c.field === 'name')).toEqual({ field: 'name', before: '社旗县科协', after: '社旗县科学技术协会', changed: true });
    expect(changes.find((c) => c.field === 'status')?.changed).toBe(false);
  });

  it('lists every field of a creation as changed, with nothing before', () => {
    const changes = diffRecords(null, { name: '社旗县科普学会', type: 'society' });
    expect(changes).toEqual([
      { field: 'name', before: undefined, after: '社旗县科普学会', changed: true },
      { field: 'type', before: undefined, after: 'society', changed: true },
    ]);
  });

  it('lists every field of a deletion with nothing after', () => {
    expect(diffRecords({ userId: 'u1' }, null)).toEqual([{ field: 'userId', before: 'u1', after: undefined, changed: true }]);
  });

  it('compares arrays and nested objects by value, whatever the key order', () => {
    const changes = diffRecords({ roles: ['reporter'], extra: { a: 1, b: 2 } }, { roles: ['reporter', 'viewer'], extra: { b: 2, a: 1 } });
    expect(changes.map((c) => [c.field, c.changed])).toEqual([
      ['roles', true],
      ['extra', false],
    ]);
  });

  it('treats a missing field and null as the same value', () => {
    expect(diffRecords({ lockedUntil: null }, { passwordChanged: true })).toEqual([
      { field: 'lockedUntil', before: null, after: undefined, changed: false },
      { field: 'passwordChanged', before: undefined, after: true, changed: true },
    ]);
  });

  it('puts the listed fields first and leaves out a field made redundant by a readable one', () => {
    const before = { id: 'u1', orgId: 'o1', orgName: '方城县科协', displayName: '张三', username: 'zhangsan' };
    const after = { ...before, orgId: 'o2', orgName: '社旗县科协' };
    const fields = diffRecords(before, after, { order: ['username', 'displayName', 'orgName', 'orgId'], redundant: { orgId: 'orgName' } }).map((c) => c.field);
    expect(fields).toEqual(['username', 'displayName', 'orgName', 'id']);
  });

  it('keeps a redundant field when the readable one is absent', () => {
    expect(diffRecords({ orgId: 'o1' }, { orgId: 'o2' }, { redundant: { orgId: 'orgName' } }).map((c) => c.field)).toEqual(['orgId']);
  });

  it('shows a bare value as one field', () => {
    expect(diffRecords(1, 2)).toEqual([{ field: 'value', before: 1, after: 2, changed: true }]);
  });
});

describe('sameValue', () => {
  it('tells apart values that differ only in array order', () => {
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameValue({ a: [1], b: null }, { b: undefined, a: [1] })).toBe(true);
  });
});
