import { sql, type SelectQueryBuilder } from 'kysely';

export interface RowWindow {
  offset: number;
  limit: number;
}

/**
 * One page of a filtered query and the total it pages through. `filtered`
 * holds only the FROM and WHERE parts; `select` adds columns and order for the
 * page, while the total counts the same filter.
 */
export async function findPage<DB, TB extends keyof DB, O>(
  filtered: SelectQueryBuilder<DB, TB, object>,
  select: (query: SelectQueryBuilder<DB, TB, object>) => SelectQueryBuilder<DB, TB, O>,
  window: RowWindow,
): Promise<{ rows: O[]; total: number }> {
  const [rows, count] = await Promise.all([
    select(filtered).offset(window.offset).limit(window.limit).execute(),
    filtered.select(sql<number>`count(*)`.as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as O[], total: Number((count as { total: number }).total) };
}
