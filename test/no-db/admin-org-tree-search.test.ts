// The admin console's org tree search (admin/src/features/orgs/org-tree-search.ts):
// pure functions, so they run here, once, without a browser.
import { describe, expect, it } from 'vitest';
import { nestOrgs, type OrgTreeItem } from '../../admin/src/features/orgs/api.ts';
import { indexTree, normaliseNeedle, pathTo, searchTree } from '../../admin/src/features/orgs/org-tree-search.ts';

function org(id: string, name: string, parentId: string | null, depth: number): OrgTreeItem {
  const at = '2026-01-01T00:00:00.000Z';
  return { id, name, shortName: null, type: 'county_association', parentId, adminCode: null, foundedOn: null, status: 'active', createdAt: at, updatedAt: at, depth };
}

// 南阳市科协 › 方城县科协 › 方城县茶叶学会, and 社旗县科协 beside 方城县科协.
const roots = nestOrgs([
  org('city', '南阳市科协', null, 0),
  org('fangcheng', '方城县科协', 'city', 1),
  org('sheqi', '社旗县科协', 'city', 1),
  org('tea', '方城县茶叶学会', 'fangcheng', 2),
  org('it', 'IT Society', 'sheqi', 2),
]);
const names = (nodes: ReturnType<typeof nestOrgs>): unknown[] => nodes.map((node) => (node.children.length ? [node.name, names(node.children)] : node.name));

describe('org tree search', () => {
  it('keeps the matching orgs and the path down to each, and opens that path', () => {
    const found = searchTree(roots, normaliseNeedle('茶叶'));
    expect(names(found.nodes)).toEqual([['南阳市科协', [['方城县科协', ['方城县茶叶学会']]]]]);
    expect(found.expandedIds.sort()).toEqual(['city', 'fangcheng']);
    expect(found.matchCount).toBe(1);
  });

  it('keeps a matching parent without its non-matching children', () => {
    const found = searchTree(roots, normaliseNeedle('社旗'));
    expect(names(found.nodes)).toEqual([['南阳市科协', ['社旗县科协']]]);
  });

  it('counts every match, at any depth', () => {
    expect(searchTree(roots, normaliseNeedle('方城')).matchCount).toBe(2);
  });

  it('ignores surrounding spaces and the case of Latin letters', () => {
    expect(names(searchTree(roots, normaliseNeedle('  it society ')).nodes)).toEqual([['南阳市科协', [['社旗县科协', ['IT Society']]]]]);
  });

  it('finds nothing, and opens nothing, for a name no org has', () => {
    expect(searchTree(roots, normaliseNeedle('郑州'))).toEqual({ nodes: [], expandedIds: [], matchCount: 0 });
  });

  it('gives the path from the top of the tree down to an org', () => {
    expect(pathTo(indexTree(roots), 'tea')).toEqual(['city', 'fangcheng', 'tea']);
    expect(pathTo(indexTree(roots), 'unknown')).toEqual([]);
  });
});
