import { AppError } from '../errors.ts';

/** Exports read the filtered list page by page through the module's own list service, so scope and filters are the list's. */
export interface PagedList<T> {
  (page: number, pageSize: number): Promise<{ items: T[]; total: number }>;
}

export const defaultExportLimit = 20_000;

/**
 * Every record of a filtered list, or EXPORT_TOO_MANY_ROWS when there are more
 * than `maxRows` (an export is for a list people can work with in Excel, not a
 * backup). Pages are read one after another; a record written meanwhile may
 * shift between pages, as it would while someone pages through the list.
 */
export async function collectForExport<T>(list: PagedList<T>, maxRows = defaultExportLimit, pageSize = 500): Promise<T[]> {
  const first = await list(1, pageSize);
  if (first.total > maxRows) throw new AppError('EXPORT_TOO_MANY_ROWS', 400, { params: { total: first.total, max: maxRows } });
  const items = [...first.items];
  for (let page = 2; items.length < first.total && (page - 1) * pageSize < first.total; page++) {
    const next = await list(page, pageSize);
    if (next.items.length === 0) break;
    items.push(...next.items);
  }
  return items.slice(0, maxRows);
}
