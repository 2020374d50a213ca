/**
 * What must hold in a database after the server writing to it was killed,
 * read straight from the database, not through the server: the storage is
 * intact, the derived tables agree with the records, and every record written
 * through the service has its audit entry (and no audit entry speaks of a
 * write that is not there).
 */
import { sql, type Kysely } from 'kysely';
import { totalledDimensions } from '../../src/modules/activities/activity.table.ts';
import { dialectOf } from '../../src/platform/db/connection.ts';

/** SQLite's own check of every page and index, and of every foreign key; PostgreSQL has no equivalent to run online. */
export async function checkStorage(db: Kysely<any>): Promise<string[]> {
  if (dialectOf(db) !== 'sqlite') return [];
  const integrity = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(db);
  const problems = integrity.rows.map((row) => row.integrity_check).filter((line) => line !== 'ok');
  const foreignKeys = await sql<{ table: string; parent: string }>`PRAGMA foreign_key_check`.execute(db);
  for (const row of foreignKeys.rows.slice(0, 10)) problems.push(`foreign key broken: ${row.table} → ${row.parent}`);
  return problems.map((problem) => `storage: ${problem}`);
}

type TotalsRow = { org_id: string; start_date: string; key: string | null; activities: number; participants: number; quantity: number | null };

/**
 * activity_daily_totals must be exactly a GROUP BY over the verified
 * activities, for the whole (`*`) and for each dimension: a write cut short
 * must not have changed a record without its totals, or the reverse.
 */
export async function checkActivityTotals(db: Kysely<any>): Promise<string[]> {
  const problems: string[] = [];
  const dimensions = [['*', undefined], ...Object.entries(totalledDimensions)] as [string, string | undefined][];
  for (const [dimension, column] of dimensions) {
    const keyOf = (row: TotalsRow) => `${row.org_id}|${row.start_date}|${row.key ?? ''}`;
    const describe = (row: TotalsRow | undefined) => (row ? `${Number(row.activities)} activities, ${Number(row.participants)} people, quantity ${row.quantity === null ? '-' : Number(row.quantity)}` : 'no row');
    const kept = (await db
      .selectFrom('activity_daily_totals')
      .select(['org_id', 'start_date', 'key', 'activities', 'participants', 'quantity'])
      .where('dimension', '=', dimension)
      .execute()) as TotalsRow[];
    const recomputed = (await db
      .selectFrom('activities')
      .select((eb) => [
        'org_id',
        'start_date',
        (column ? sql.ref(column) : sql<string>`cast(null as text)`).as('key'),
        eb.fn.countAll<number>().as('activities'),
        eb.fn.sum<number>('participants').as('participants'),
        eb.fn.sum<number>('quantity').as('quantity'),
      ])
      .where('status', '=', 'verified')
      .groupBy(['org_id', 'start_date', ...(column ? [column] : [])])
      .execute()) as TotalsRow[];
    const keptByKey = new Map(kept.map((row) => [keyOf(row), row]));
    const same = (a: TotalsRow, b: TotalsRow | undefined) =>
      b !== undefined && Number(a.activities) === Number(b.activities) && Number(a.participants) === Number(b.participants) && (a.quantity === null ? b.quantity === null : Number(a.quantity) === Number(b.quantity));
    for (const row of recomputed) {
      const stored = keptByKey.get(keyOf(row));
      keptByKey.delete(keyOf(row));
      if (!same(row, stored)) problems.push(`daily totals (${dimension}) of ${keyOf(row)}: records say ${describe(row)}, totals say ${describe(stored)}`);
    }
    for (const [key, stored] of keptByKey) problems.push(`daily totals (${dimension}) of ${key}: totals say ${describe(stored)}, no verified record`);
  }
  return problems.slice(0, 20);
}

/**
 * Activities created one by one since `since`: each has its create audit
 * entry, and each create audit entry since then has its activity. The two
 * are written in one transaction, so a crash keeps both or neither.
 */
export async function checkActivityAudit(db: Kysely<any>, since: string): Promise<string[]> {
  const audited = await db.selectFrom('audit_log').select('entity_id').where('entity', '=', 'activity').where('action', '=', 'create').where('at', '>=', since).execute();
  const auditedIds = new Set(audited.map((row) => row.entity_id as string));
  const withoutRecord = auditedIds.size === 0 ? [] : await db.selectFrom('activities').select('id').where('id', 'in', [...auditedIds]).execute();
  const present = new Set(withoutRecord.map((row) => row.id as string));
  const problems = [...auditedIds].filter((id) => !present.has(id)).map((id) => `audit: a create of activity ${id} is logged but the activity is not there`);
  // Imported rows are audited once per import (checked by the import check), so only single creates are matched here.
  const created = await db
    .selectFrom('activities')
    .select('id')
    .where('created_at', '>=', since)
    .where('id', 'not in', db.selectFrom('audit_log').select('entity_id').where('entity', '=', 'activity').where('action', '=', 'create').where('entity_id', 'is not', null))
    .where('title', 'not like', `${importTitlePrefix}%`)
    .execute();
  for (const row of created) problems.push(`audit: activity ${row.id} was created without its audit entry`);
  return problems.slice(0, 20);
}

/** Every row of the crash run's import files starts with this, then the round. */
export const importTitlePrefix = '崩溃演练导入';

/**
 * How many of an import's rows are there, and how many rows the import audit
 * entries since `since` say were imported (each batch of an import logs its
 * count): an import commits whole, with its audit, or not at all.
 */
export async function countImported(db: Kysely<any>, titlePrefix: string, since: string): Promise<{ rows: number; auditedRows: number }> {
  const rows = await db.selectFrom('activities').select((eb) => eb.fn.countAll<number>().as('n')).where('title', 'like', `${titlePrefix}%`).executeTakeFirstOrThrow();
  const audits = await db.selectFrom('audit_log').select('after_json').where('entity', '=', 'activity').where('action', '=', 'import').where('at', '>=', since).execute();
  const auditedRows = audits.reduce((sum, audit) => sum + (JSON.parse(audit.after_json as string) as { count: number }).count, 0);
  return { rows: Number(rows.n), auditedRows };
}
