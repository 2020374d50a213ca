import type { OrgTreeNode } from './api.ts';

/** The search text as matched: trimmed and case-folded (for Latin letters in names). */
export function normaliseNeedle(text: string): string {
  return text.trim().toLowerCase();
}

export function nameMatches(name: string, needle: string): boolean {
  return needle !== '' && name.toLowerCase().includes(needle);
}

export interface TreeSearchResult {
  /** Only the matching orgs and their ancestors, nested as before. */
  nodes: OrgTreeNode[];
  /** The ancestors of the matches: opened so that every match shows. */
  expandedIds: string[];
  matchCount: number;
}

/** Prunes the tree to the orgs whose name contains the needle, keeping the path down to each. */
export function searchTree(roots: OrgTreeNode[], needle: string): TreeSearchResult {
  const expandedIds: string[] = [];
  let matchCount = 0;
  const prune = (nodes: OrgTreeNode[]): OrgTreeNode[] =>
    nodes.flatMap((node) => {
      const children = prune(node.children);
      const matches = nameMatches(node.name, needle);
      if (matches) matchCount += 1;
      if (children.length > 0) expandedIds.push(node.id);
      return matches || children.length > 0 ? [{ ...node, children }] : [];
    });
  const nodes = prune(roots);
  return { nodes, expandedIds, matchCount };
}

/** Every org of the tree by id, with its children. */
export function indexTree(roots: OrgTreeNode[]): Map<string, OrgTreeNode> {
  const byId = new Map<string, OrgTreeNode>();
  const visit = (nodes: OrgTreeNode[]) =>
    nodes.forEach((node) => {
      byId.set(node.id, node);
      visit(node.children);
    });
  visit(roots);
  return byId;
}

/** The ids from the top of the tree down to the org itself, so opening them reveals it and its children. */
export function pathTo(byId: Map<string, OrgTreeNode>, id: string): string[] {
  const path: string[] = [];
  for (let node = byId.get(id); node; node = node.parentId ? byId.get(node.parentId) : undefined) path.unshift(node.id);
  return path;
}
