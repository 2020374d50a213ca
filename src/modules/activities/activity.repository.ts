import { CompiledQuery, sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Database } from '../../database.ts';
import { dialectOf } from '../../platform/db/connection.ts';
import { likeContaining } from '../../platform/db/like.ts';
import { findPage, type RowWindow } from '../../platform/db/pagination.ts';
import { inOrgSubtree } from '../orgs/index.ts';
import type { ActivitySortKey } from './activity.schemas.ts';
import { changesTotals, refreshDailyTotals, verifiedOrgDays } from './activity-totals.repository.ts';
import type { ActivityCampaignTable, ActivityRow, ActivityStatus, ActivityTable, ActivityTypeTable, NewActivityRow } from './activity.table.ts';

type Executor = Kysely<Database>;
type VocabularyTable = 'activity_types' | 'activity_campaigns';

// ---- vocabularies -------------------------------------------------------------

export function findTypes(db: Executor) {
  return db.selectFrom('activity_types').selectAll().orderBy('position').orderBy('name').execute();
}

export function findCampaigns(db: Executor) {
  return db.selectFrom('activity_campaigns').selectAll().orderBy('position').orderBy('name').execute();
}

export async function insertVocabularyEntry(db: Executor, table: VocabularyTable, row: Insertable<ActivityTypeTable> | Insertable<ActivityCampaignTable>): Promise<void> {
  await db.insertInto(table).values(row as Insertable<ActivityTypeTable>).execute();
}

export async function updateVocabularyEntry(db: Executor, table: VocabularyTable, id: string, changes: Updateable<ActivityTypeTable>): Promise<void> {
  await db.updateTable(table).set(changes).where('id', '=', id).execute();
}

// ---- activities ---------------------------------------------------------------

export function findActivityById(db: Executor, id: string, scopeRootId?: string): Promise<ActivityRow | undefined> {
  let query = db.selectFrom('activities').selectAll().where('id', '=', id);
  if (scopeRootId) query = query.where(inOrgSubtree(scopeRootId, 'activities.org_id'));
  return query.executeTakeFirst();
}

export interface ActivityFilter {
  scopeRootId: string;
  q?: string;
  from?: string;
  to?: string;
  orgId?: string;
  typeId?: string;
  campaignId?: string;
  status?: ActivityStatus;
  /** Only activities of orgs strictly below this one (what its users verify). */
  below?: string;
  isPublic?: boolean;
}

export interface ActivityOrder {
  sort: ActivitySortKey;
  direction: 'asc' | 'desc';
}

/** Status sorts in the order work is done: returned (to fix), reported (to verify), verified. */
const sortColumn = {
  start_date: sql<string>`activities.start_date`,
  participants: sql<number>`activities.participants`,
  status: sql<number>`case activities.status when 'returned' then 0 when 'reported' then 1 else 2 end`,
} as const;

function filtered(db: Executor, filter: ActivityFilter) {
  let query = db.selectFrom('activities').where(inOrgSubtree(filter.scopeRootId, 'activities.org_id'));
  if (filter.q) query = query.where('title', 'like', likeContaining(filter.q));
  if (filter.from) query = query.where('start_date', '>=', filter.from);
  if (filter.to) query = query.where('start_date', '<=', filter.to);
  if (filter.orgId) query = query.where(inOrgSubtree(filter.orgId, 'activities.org_id'));
  if (filter.typeId) query = query.where('type_id', '=', filter.typeId);
  if (filter.campaignId) query = query.where('campaign_id', '=', filter.campaignId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.below) query = query.where(inOrgSubtree(filter.below, 'activities.org_id')).where('org_id', '!=', filter.below);
  if (filter.isPublic !== undefined) query = query.where('is_public', '=', filter.isPublic ? 1 : 0);
  return query;
}

export function findActivities(
  db: Executor,
  filter: ActivityFilter,
  window: RowWindow,
  order: ActivityOrder = { sort: 'start_date', direction: 'desc' },
): Promise<{ rows: ActivityRow[]; total: number }> {
  return findPage(
    filtered(db, filter),
    (q) => q.selectAll().orderBy(sortColumn[order.sort], order.direction).orderBy('start_date', 'desc').orderBy('id', 'desc'),
    window,
  );
}

/** SQLite binds at most 32,766 parameters a statement. */
const sqliteMaxParameters = 32_766;
/** Rows a PostgreSQL insert takes at once: one array parameter a column, so only memory bounds it. */
const postgresRowsPerInsert = 5_000;

/**
 * Inserts many activities in as few statements as each database does best:
 * on SQLite, multi-row inserts as large as its parameter limit allows; on
 * PostgreSQL, one array per column unnested into rows, which spares the
 * server planning a VALUES list of thousands of parameters. All rows must
 * have the same columns.
 */
export async function insertActivities(db: Executor, rows: readonly NewActivityRow[]): Promise<void> {
  if (rows.length === 0) return;
  await insertActivityRows(db, rows);
  await refreshDailyTotals(db, verifiedOrgDays(rows));
}

async function insertActivityRows(db: Executor, rows: readonly NewActivityRow[]): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    const columns = Object.keys(rows[0]!) as (keyof NewActivityRow & string)[];
    const types = await columnTypes(db, 'activities');
    for (let i = 0; i < rows.length; i += postgresRowsPerInsert) {
      const batch = rows.slice(i, i + postgresRowsPerInsert);
      const arrays = columns.map((column) => sql`${batch.map((row) => row[column] ?? null)}::${sql.raw(types.get(column) ?? 'text')}[]`);
      await sql`insert into activities (${sql.join(columns.map((column) => sql.ref(column)))}) select * from unnest(${sql.join(arrays)})`.execute(db);
    }
    return;
  }
  // The statement text is written once per batch size, not built by the query builder for every batch:
  // with thousands of values a statement, building and compiling it cost as much as SQLite's own work.
  const columns = Object.keys(rows[0]!) as (keyof NewActivityRow & string)[];
  const rowsPerInsert = Math.floor(sqliteMaxParameters / columns.length);
  const rowPlaceholders = `(${columns.map(() => '?').join(', ')})`;
  const statementFor = (count: number) => `insert into "activities" (${columns.map((column) => `"${column}"`).join(', ')}) values ${Array(count).fill(rowPlaceholders).join(', ')}`;
  const fullStatement = statementFor(Math.min(rowsPerInsert, rows.length));
  for (let i = 0; i < rows.length; i += rowsPerInsert) {
    const batch = rows.slice(i, i + rowsPerInsert);
    const parameters: unknown[] = new Array(batch.length * columns.length);
    let next = 0;
    for (const row of batch) for (const column of columns) parameters[next++] = row[column] ?? null;
    await db.executeQuery(CompiledQuery.raw(batch.length === rowsPerInsert || batch.length === rows.length ? fullStatement : statementFor(batch.length), parameters));
  }
}

/** A PostgreSQL table's column types as casts (`integer`, `text` …), read from the catalogue so a column added later is cast right. */
async function columnTypes(db: Executor, table: string): Promise<Map<string, string>> {
  const { rows } = await sql<{ name: string; type: string }>`
    select attname as name, format_type(atttypid, null) as type from pg_attribute
    where attrelid = ${table}::regclass and attnum > 0 and not attisdropped`.execute(db);
  return new Map(rows.map((row) => [row.name, row.type]));
}

/** Call inside a transaction: the daily totals of the record's old and new day change with it. */
export async function updateActivity(db: Executor, id: string, changes: Updateable<ActivityTable>): Promise<void> {
  const before = changesTotals(changes) ? await totalledFieldsOf(db, id) : undefined;
  await db.updateTable('activities').set(changes).where('id', '=', id).execute();
  if (before) await refreshDailyTotals(db, verifiedOrgDays([before, { ...before, ...changes } as typeof before]));
}

/** Call inside a transaction: the daily totals of the record's day change with it, and the deletion is kept. */
export async function deleteActivity(db: Executor, id: string): Promise<void> {
  const before = await totalledFieldsOf(db, id);
  if (!before) return;
  await db.deleteFrom('activities').where('id', '=', id).execute();
  await db.insertInto('activity_deletions').values({ activity_id: id, org_id: before.org_id, deleted_at: new Date().toISOString() }).execute();
  await refreshDailyTotals(db, verifiedOrgDays([before]));
}

function totalledFieldsOf(db: Executor, id: string) {
  return db.selectFrom('activities').select(['org_id', 'start_date', 'status']).where('id', '=', id).executeTakeFirst();
}

/** Identities looked up a statement at a time: three parameters each, well under SQLite's 32,766. */
const identitiesPerLookup = 5_000;

/**
 * Which of these (org, start date, title) already exist: an import refuses
 * them as duplicates. Looked up exactly, through the identity index, so the
 * cost follows the rows asked about, not the records already stored (a
 * streamed import asks again after each batch it has written).
 */
export async function findExistingIdentities(db: Executor, identities: readonly { orgId: string; startDate: string; title: string }[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < identities.length; i += identitiesPerLookup) {
    const chunk = identities.slice(i, i + identitiesPerLookup);
    // A join from the list, not `(org_id, start_date, title) in (…)`: SQLite plans that as a scan of the whole index.
    const wanted = sql.join(chunk.map((identity) => sql`(${identity.orgId}, ${identity.startDate}, ${identity.title})`));
    const { rows } = await sql<Pick<ActivityRow, 'org_id' | 'start_date' | 'title'>>`
      select a.org_id, a.start_date, a.title from (values ${wanted}) as wanted
      join activities as a on a.org_id = wanted.column1 and a.start_date = wanted.column2 and a.title = wanted.column3`.execute(db);
    for (const row of rows) found.add(identityKey({ orgId: row.org_id, startDate: row.start_date, title: row.title }));
  }
  return found;
}

/** The activity with exactly this org, start date and title, if any: what makes a duplicate. */
export function findActivityByIdentity(db: Executor, identity: { orgId: string; startDate: string; title: string }): Promise<Pick<ActivityRow, 'id'> | undefined> {
  return db
    .selectFrom('activities')
    .select('id')
    .where('org_id', '=', identity.orgId)
    .where('start_date', '=', identity.startDate)
    .where('title', '=', identity.title)
    .executeTakeFirst();
}

export const identityKey = (i: { orgId: string; startDate: string; title: string }) => `${i.orgId}|${i.startDate}|${i.title}`;

export interface FigureFilter {
  scopeRootId: string;
  from: string;
  to: string;
  verifiedOnly: boolean;
  series?: string;
}

const groupColumn = {
  org: sql<string>`activities.org_id`,
  type: sql<string>`activities.type_id`,
  campaign: sql<string>`coalesce(activities.campaign_id, '')`,
  series: sql<string>`activities.series`,
  month: sql<string>`substr(activities.start_date, 1, 7)`,
} as const;

/** Count, 受益人次 and 数量 of the activities starting in [from, to], in total or per group. */
export async function aggregateActivities(db: Executor, filter: FigureFilter, by?: keyof typeof groupColumn) {
  let query = db
    .selectFrom('activities')
    .where(inOrgSubtree(filter.scopeRootId, 'activities.org_id'))
    .where('start_date', '>=', filter.from)
    .where('start_date', '<=', filter.to);
  if (filter.verifiedOnly) query = query.where('status', '=', 'verified');
  if (filter.series !== undefined) query = query.where('series', '=', filter.series);
  const measures = query.select([
    sql<number>`count(*)`.as('count'),
    sql<number>`coalesce(sum(activities.participants), 0)`.as('participants'),
    sql<number>`coalesce(sum(activities.quantity), 0)`.as('quantity'),
  ]);
  const rows = by ? await measures.select(groupColumn[by].as('key')).groupBy(groupColumn[by]).orderBy(groupColumn[by]).execute() : await measures.execute();
  // PostgreSQL returns count and sum as strings.
  return rows.map((row) => ({ key: (row as { key?: string }).key ?? '', count: Number(row.count), participants: Number(row.participants), quantity: Number(row.quantity) }));
}

/** Titles of the activities whose evidence photos include this media item (ids are UUIDs, so a substring match is exact). */
export async function findActivityTitlesUsingMedia(db: Executor, mediaId: string): Promise<string[]> {
  return (await db.selectFrom('activities').select('title').where('evidence_media_ids', 'like', likeContaining(mediaId)).orderBy('start_date', 'desc').execute()).map((row) => row.title);
}

// ---- what the portal shows ------------------------------------------------------

/** Public and verified: the only activities the portal ever reads. */
function visible(db: Executor) {
  return db.selectFrom('activities').where('is_public', '=', 1).where('status', '=', 'verified');
}

export interface PublicActivityFilter {
  /** Activities still running on or after this day (end_date ≥ from). */
  from: string;
  /** …and starting on or before this day, if given. */
  to?: string;
  orgId?: string;
  typeId?: string;
  limit: number;
}

export function findPublicActivities(db: Executor, filter: PublicActivityFilter): Promise<ActivityRow[]> {
  let query = visible(db).where('end_date', '>=', filter.from);
  if (filter.to) query = query.where('start_date', '<=', filter.to);
  if (filter.orgId) query = query.where('org_id', '=', filter.orgId);
  if (filter.typeId) query = query.where('type_id', '=', filter.typeId);
  return query.selectAll().orderBy('start_date').orderBy('end_date').orderBy('title').orderBy('id').limit(filter.limit).execute();
}

export function findPublicActivity(db: Executor, id: string): Promise<ActivityRow | undefined> {
  return visible(db).selectAll().where('id', '=', id).executeTakeFirst();
}

/** The orgs that have any public activity: the portal's county filter offers only these. */
export async function findPublicActivityOrgIds(db: Executor): Promise<string[]> {
  return (await visible(db).select('org_id').distinct().execute()).map((row) => row.org_id);
}

export function findPublicActivitiesForSitemap(db: Executor): Promise<Pick<ActivityRow, 'id' | 'updated_at'>[]> {
  return visible(db).select(['id', 'updated_at']).orderBy('start_date', 'desc').orderBy('id').execute();
}

/**
 * Changes whenever what the portal may show can have changed: every edit
 * (including one that takes a record off the site) moves the newest
 * updated_at of all records, every deletion adds one to the deletions kept.
 * Taken over the visible records only, a record published and then hidden
 * between two polls brought back the version from before it was published;
 * without the deletions, so did a record created and deleted between two
 * polls; either way a page showing it stayed cached.
 */
export async function findPublicActivitiesVersion(db: Executor): Promise<string> {
  const row = await db
    .selectFrom('activities')
    .select([
      sql<number>`count(*)`.as('count'),
      sql<number>`count(case when is_public = 1 and status = 'verified' then 1 end)`.as('visible'),
      sql<string | null>`max(updated_at)`.as('newest'),
      (eb) => eb.selectFrom('activity_deletions').select((d) => d.fn.countAll<number>().as('n')).as('deletions'),
    ])
    .executeTakeFirstOrThrow();
  return `${Number(row.count)}|${Number(row.visible)}|${row.newest ?? ''}|${Number(row.deletions)}`;
}
