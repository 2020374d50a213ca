import { useCallback, useEffect, useState } from 'react';
import { api } from '../../app/api.ts';

export type OrgType = 'city_association' | 'county_association' | 'society' | 'enterprise_association' | 'service_station' | 'university_association' | 'other';
export const orgTypes: OrgType[] = ['city_association', 'county_association', 'society', 'enterprise_association', 'service_station', 'university_association', 'other'];

export interface Org {
  id: string;
  name: string;
  shortName: string | null;
  type: OrgType;
  parentId: string | null;
  adminCode: string | null;
  foundedOn: string | null;
  status: 'active' | 'disabled';
  createdAt: string;
  updatedAt: string;
}

export interface OrgTreeItem extends Org {
  depth: number;
}

export interface OrgTreeNode extends OrgTreeItem {
  children: OrgTreeNode[];
}

/** Nests the server's flat, parents-first list into a tree. */
export function nestOrgs(items: OrgTreeItem[]): OrgTreeNode[] {
  const nodes = new Map(items.map((item) => [item.id, { ...item, children: [] as OrgTreeNode[] }]));
  const roots: OrgTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The signed-in user's part of the organisation tree, nested, with a reload for after a write. */
export function useOrgTree() {
  const [items, setItems] = useState<OrgTreeItem[]>();
  const [error, setError] = useState<unknown>();
  const reload = useCallback(() => {
    setError(undefined);
    return api<{ items: OrgTreeItem[] }>('GET', '/orgs/tree').then(
      (tree) => setItems(tree.items),
      (err: unknown) => setError(err),
    );
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { items, roots: items ? nestOrgs(items) : undefined, error, reload };
}
