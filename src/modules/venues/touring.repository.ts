import { sql, type Updateable } from 'kysely';
import type { Db } from '../../database.ts';
import { findPage, type RowWindow } from '../../platform/db/pagination.ts';
import { inOrgSubtree } from '../orgs/index.ts';
import type { TouringShowRow, TouringShowTable, TouringStopRow, TouringStopTable } from './venue.table.ts';

/** The only file that queries touring_shows and touring_stops. */

export function findShowById(db: Db, id: string, scopeRootId?: string): Promise<TouringShowRow | undefined> {
  let query = db.selectFrom('touring_shows').selectAll().where('id', '=', id);
  if (scopeRootId) query = query.where(inOrgSubtree(scopeRootId, 'touring_shows.owner_org_id'));
  return query.executeTakeFirst();
}

export function findShowByName(db: Db, name: string): Promise<TouringShowRow | undefined> {
  return db.selectFrom('touring_shows').selectAll().where('name', '=', name).executeTakeFirst();
}

export function findShows(db: Db, filter: { scopeRootId: string; ownerOrgId?: string }, window: RowWindow) {
  let query = db.selectFrom('touring_shows').where(inOrgSubtree(filter.scopeRootId, 'touring_shows.owner_org_id'));
  if (filter.ownerOrgId) query = query.where('owner_org_id', '=', filter.ownerOrgId);
  return findPage(query, (q) => q.selectAll().orderBy('name').orderBy('id'), window);
}

export async function insertShow(db: Db, row: TouringShowRow): Promise<void> {
  await db.insertInto('touring_shows').values(row).execute();
}

export async function updateShow(db: Db, id: string, changes: Updateable<TouringShowTable>): Promise<void> {
  await db.updateTable('touring_shows').set(changes).where('id', '=', id).execute();
}

export async function deleteShow(db: Db, id: string): Promise<void> {
  await db.deleteFrom('touring_shows').where('id', '=', id).execute();
}

export async function showHasStops(db: Db, showId: string): Promise<boolean> {
  return (await db.selectFrom('touring_stops').select('id').where('show_id', '=', showId).limit(1).executeTakeFirst()) !== undefined;
}

export async function venueHostsStops(db: Db, venueId: string): Promise<boolean> {
  return (await db.selectFrom('touring_stops').select('id').where('host_venue_id', '=', venueId).limit(1).executeTakeFirst()) !== undefined;
}

export function findStop(db: Db, showId: string, id: string): Promise<TouringStopRow | undefined> {
  return db.selectFrom('touring_stops').selectAll().where('show_id', '=', showId).where('id', '=', id).executeTakeFirst();
}

export function findStopOn(db: Db, key: { showId: string; startDate: string; hostKey: string }): Promise<TouringStopRow | undefined> {
  return db
    .selectFrom('touring_stops')
    .selectAll()
    .where('show_id', '=', key.showId)
    .where('start_date', '=', key.startDate)
    .where('host_key', '=', key.hostKey)
    .executeTakeFirst();
}

export function findStops(db: Db, filter: { showId: string; from?: string; to?: string }, window: RowWindow) {
  let query = db.selectFrom('touring_stops').where('show_id', '=', filter.showId);
  if (filter.from) query = query.where('start_date', '>=', filter.from);
  if (filter.to) query = query.where('start_date', '<=', filter.to);
  return findPage(query, (q) => q.selectAll().orderBy('start_date', 'desc').orderBy('id', 'desc'), window);
}

export async function insertStops(db: Db, rows: readonly TouringStopRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('touring_stops').values(rows.slice(i, i + 500)).execute();
}

export async function updateStop(db: Db, id: string, changes: Updateable<TouringStopTable>): Promise<void> {
  await db.updateTable('touring_stops').set(changes).where('id', '=', id).execute();
}

export async function deleteStop(db: Db, id: string): Promise<void> {
  await db.deleteFrom('touring_stops').where('id', '=', id).execute();
}

export type StopDimension = 'show' | 'county' | 'month';
const stopGroup = {
  show: sql<string>`touring_stops.show_id`,
  county: sql<string>`touring_stops.county_org_id`,
  month: sql<string>`substr(touring_stops.start_date, 1, 7)`,
} as const;

/** Stops of the shows run in a subtree opening in [from, to]: shows on tour, stops, visits. */
export async function aggregateStops(db: Db, filter: { scopeRootId: string; from: string; to: string }, by?: StopDimension) {
  const measures = db
    .selectFrom('touring_stops')
    .innerJoin('touring_shows', 'touring_shows.id', 'touring_stops.show_id')
    .where(inOrgSubtree(filter.scopeRootId, 'touring_shows.owner_org_id'))
    .where('touring_stops.start_date', '>=', filter.from)
    .where('touring_stops.start_date', '<=', filter.to)
    .select([
      sql<number>`count(distinct touring_stops.show_id)`.as('shows'),
      sql<number>`count(*)`.as('stops'),
      sql<number>`coalesce(sum(touring_stops.visits), 0)`.as('visits'),
    ]);
  const rows = by ? await measures.select(stopGroup[by].as('key')).groupBy(stopGroup[by]).orderBy(stopGroup[by]).execute() : await measures.execute();
  return rows.map((row) => ({ key: (row as { key?: string }).key ?? '', shows: Number(row.shows), stops: Number(row.stops), visits: Number(row.visits) }));
}

export async function findShowsByIds(db: Db, ids: readonly string[]): Promise<TouringShowRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('touring_shows').selectAll().where('id', 'in', ids).execute();
}
