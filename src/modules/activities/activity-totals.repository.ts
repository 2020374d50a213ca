import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import { dialectOf } from '../../platform/db/connection.ts';
import { totalledDimensions, type ActivityTable } from './activity.table.ts';

/**
 * The daily totals of verified activities (activity_daily_totals) are
 * recomputed from the records for each org and day a write touches, inside
 * the write's transaction: whatever changed (a verification, a new date, a
 * deletion), the totals of those days are exactly what the records say.
 */

type Executor = Kysely<Database>;

/** An org and a day whose totals a write may have changed. */
export type OrgDay = readonly [orgId: string, day: string];

/** Days per statement: two parameters each, well under every database's limit. */
const daysPerStatement = 500;

/** The columns a write must touch to change what the totals hold. */
const totalledColumns: readonly (keyof ActivityTable)[] = ['status', 'org_id', 'start_date', 'participants', 'quantity', ...Object.values(totalledDimensions)];

export function changesTotals(changes: Partial<ActivityTable>): boolean {
  return totalledColumns.some((column) => changes[column] !== undefined);
}

/** The org-days of these records that the totals count (verified ones). */
export function verifiedOrgDays(rows: Iterable<Pick<ActivityTable, 'org_id' | 'start_date' | 'status'>>): OrgDay[] {
  return [...rows].filter((row) => row.status === 'verified').map((row) => [row.org_id, row.start_date] as const);
}

export async function refreshDailyTotals(db: Executor, orgDays: Iterable<OrgDay>): Promise<void> {
  const daysByOrg = new Map<string, Set<string>>();
  for (const [orgId, day] of orgDays) (daysByOrg.get(orgId) ?? daysByOrg.set(orgId, new Set()).get(orgId)!).add(day);
  await lockOrgs(db, [...daysByOrg.keys()]);
  for (const [orgId, daySet] of daysByOrg) {
    const days = [...daySet];
    for (let i = 0; i < days.length; i += daysPerStatement) {
      const chunk = days.slice(i, i + daysPerStatement);
      await db.deleteFrom('activity_daily_totals').where('org_id', '=', orgId).where('start_date', 'in', chunk).execute();
      await insertTotals(db, { orgId, days: chunk });
    }
  }
}

/** The first of the two keys of this module's advisory locks: what the lock is about. */
const totalsLockClass = 0x61637464; // "actd"

/**
 * On PostgreSQL two transactions refreshing the same org's days at once would
 * each delete the totals they can see and insert their own, and the later
 * could not see, so not delete, what the earlier inserted: the day would be
 * counted twice. A transaction-scoped lock per org makes them take turns
 * (taken in one order, so two transactions never wait on each other).
 * SQLite runs one writing transaction at a time already.
 */
async function lockOrgs(db: Executor, orgIds: readonly string[]): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  for (const orgId of [...orgIds].sort()) {
    const key = createHash('sha1').update(orgId).digest().readInt32BE(0);
    await sql`select pg_advisory_xact_lock(${totalsLockClass}, ${key})`.execute(db);
  }
}

/** Every total recomputed from the records: after loading records by other means than this module's repository. */
export async function rebuildDailyTotals(db: Executor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('activity_daily_totals').execute();
    await insertTotals(trx);
  });
}

async function insertTotals(db: Executor, only?: { orgId: string; days: readonly string[] }): Promise<void> {
  const totalsBy = (dimension: '*' | keyof typeof totalledDimensions) => {
    const column = dimension === '*' ? undefined : totalledDimensions[dimension];
    let select = db
      .selectFrom('activities')
      .select((eb) => [
        'org_id',
        'start_date',
        sql.lit(dimension).as('dimension'),
        (column ? sql.ref(column) : sql<string>`cast(null as text)`).as('key'),
        eb.fn.countAll<number>().as('activities'),
        eb.fn.sum<number>('participants').as('participants'),
        eb.fn.sum<number>('quantity').as('quantity'),
      ])
      .where('status', '=', 'verified')
      .groupBy(['org_id', 'start_date', ...(column ? [column] : [])]);
    if (only) select = select.where('org_id', '=', only.orgId).where('start_date', 'in', only.days);
    return select;
  };
  const [whole, ...byDimension] = (['*', ...Object.keys(totalledDimensions)] as const).map((dimension) => totalsBy(dimension as '*' | keyof typeof totalledDimensions));
  const union = byDimension.reduce((all, next) => all.unionAll(next), whole!);
  await db.insertInto('activity_daily_totals').columns(['org_id', 'start_date', 'dimension', 'key', 'activities', 'participants', 'quantity']).expression(union).execute();
}
