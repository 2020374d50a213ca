import type { Column } from './api.ts';

/** A column with its sub-columns, siblings in the server's order (by position). */
export interface ColumnNode extends Column {
  children: ColumnNode[];
}

/** Nests the server's flat, parents-first list; a column whose parent is missing becomes a root rather than vanishing. */
export function nestColumns(columns: Column[]): ColumnNode[] {
  const nodes = new Map(columns.map((column) => [column.id, { ...column, children: [] as ColumnNode[] }]));
  const roots: ColumnNode[] = [];
  for (const column of columns) {
    const node = nodes.get(column.id)!;
    const parent = column.parentId ? nodes.get(column.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** The column and everything below it: where it cannot be moved to. */
export function subtreeIds(columns: Column[], id: string): Set<string> {
  const ids = new Set([id]);
  // Parents come before children, so one pass collects every descendant.
  for (const column of columns) if (column.parentId && ids.has(column.parentId)) ids.add(column.id);
  return ids;
}

/** 新闻中心 / 科协要闻: the column's name under its ancestors, for pickers and lists. */
export function columnPath(columns: Column[], id: string): string {
  const byId = new Map(columns.map((column) => [column.id, column]));
  const names: string[] = [];
  for (let column = byId.get(id); column && names.length <= columns.length; column = column.parentId ? byId.get(column.parentId) : undefined) {
    names.unshift(column.name);
  }
  return names.join(' / ');
}

/** The position after the last sibling: a new column goes to the end unless told otherwise. */
export function nextPosition(columns: Column[], parentId: string | null): number {
  const siblings = columns.filter((column) => column.parentId === parentId);
  return siblings.length === 0 ? 0 : Math.max(...siblings.map((column) => column.position)) + 10;
}
