import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import type { ColumnRow, ColumnRowUpdate, NewColumnRow } from './content.table.ts';

type Executor = Kysely<Database>;

/** Every column, siblings by position; the tree order is made by the caller. */
export function findAllColumns(db: Executor): Promise<ColumnRow[]> {
  return db.selectFrom('content_columns').selectAll().orderBy('position').orderBy('created_at').execute();
}

export function findColumnById(db: Executor, id: string): Promise<ColumnRow | undefined> {
  return db.selectFrom('content_columns').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findColumnBySlug(db: Executor, slug: string): Promise<ColumnRow | undefined> {
  return db.selectFrom('content_columns').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export function findColumnsByIds(db: Executor, ids: readonly string[]): Promise<ColumnRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('content_columns').selectAll().where('id', 'in', ids).execute();
}

export async function insertColumn(db: Executor, row: NewColumnRow): Promise<void> {
  await db.insertInto('content_columns').values(row).execute();
}

export async function updateColumn(db: Executor, id: string, changes: ColumnRowUpdate): Promise<void> {
  await db.updateTable('content_columns').set(changes).where('id', '=', id).execute();
}

export async function deleteColumn(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('content_columns').where('id', '=', id).execute();
}

export async function countChildColumns(db: Executor, id: string): Promise<number> {
  const row = await db.selectFrom('content_columns').select((eb) => eb.fn.countAll<number>().as('n')).where('parent_id', '=', id).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findReviewLevels(db: Executor): Promise<{ level: number; name: string }[]> {
  return db.selectFrom('review_levels').select(['level', 'name']).orderBy('level').execute();
}

export async function replaceReviewLevels(db: Executor, names: readonly string[], now: string): Promise<void> {
  await db.deleteFrom('review_levels').execute();
  await db.insertInto('review_levels').values(names.map((name, index) => ({ level: index + 1, name, updated_at: now }))).execute();
}
