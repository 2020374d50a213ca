import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, type Page, type Query } from '../../app/api.ts';

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

/** One org as GET /orgs/:id answers: with its ancestors, root first, and how many children it has. */
export interface OrgDetail extends Org {
  ancestors: { id: string; name: string }[];
  childCount: number;
}

/** What the org form edits; empty optional fields are sent as null. */
export interface OrgFields {
  name: string;
  shortName: string | null;
  type: OrgType;
  adminCode: string | null;
  /** YYYY-MM-DD */
  foundedOn: string | null;
}

export const fetchOrg = (id: string) => api<OrgDetail>('GET', `/orgs/${id}`);
export const listOrgs = (query: Query) => api<Page<Org>>('GET', '/orgs', undefined, query);
export const createOrg = (fields: OrgFields & { parentId: string }) => api<Org>('POST', '/orgs', fields);
export const updateOrg = (id: string, changes: Partial<OrgFields> & { status?: Org['status'] }) => api<Org>('PATCH', `/orgs/${id}`, changes);
export const moveOrg = (id: string, parentId: string) => api<Org>('POST', `/orgs/${id}/move`, { parentId });

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
  // Nested once per load, so consumers can memoise on the roots.
  const roots = useMemo(() => (items ? nestOrgs(items) : undefined), [items]);
  return { items, roots, error, reload };
}
