import { sql, type Updateable } from 'kysely';
import type { Db } from '../../database.ts';
import { findPage, type RowWindow } from '../../platform/db/pagination.ts';
import { inOrgSubtree } from '../orgs/index.ts';
import type { CaravanRow, CaravanStatus, CaravanTable, CaravanTripRow, CaravanTripTable } from './venue.table.ts';

/** The only file that queries caravans and caravan_trips. */

export function findCaravanById(db: Db, id: string, scopeRootId?: string): Promise<CaravanRow | undefined> {
  let query = db.selectFrom('caravans').selectAll().where('id', '=', id);
  if (scopeRootId) query = query.where(inOrgSubtree(scopeRootId, 'caravans.owner_org_id'));
  return query.executeTakeFirst();
}

export function findCaravanByName(db: Db, name: string): Promise<CaravanRow | undefined> {
  return db.selectFrom('caravans').selectAll().where('name', '=', name).executeTakeFirst();
}

/** The caravans run in a subtree, by name: an import resolves its vehicle column against them. */
export function findCaravansIn(db: Db, scopeRootId: string): Promise<CaravanRow[]> {
  return db.selectFrom('caravans').selectAll().where(inOrgSubtree(scopeRootId, 'caravans.owner_org_id')).orderBy('name').execute();
}

export function findCaravans(db: Db, filter: { scopeRootId: string; ownerOrgId?: string; status?: CaravanStatus }, window: RowWindow) {
  let query = db.selectFrom('caravans').where(inOrgSubtree(filter.scopeRootId, 'caravans.owner_org_id'));
  if (filter.ownerOrgId) query = query.where('owner_org_id', '=', filter.ownerOrgId);
  if (filter.status) query = query.where('status', '=', filter.status);
  return findPage(query, (q) => q.selectAll().orderBy('name').orderBy('id'), window);
}

export async function insertCaravan(db: Db, row: CaravanRow): Promise<void> {
  await db.insertInto('caravans').values(row).execute();
}

export async function updateCaravan(db: Db, id: string, changes: Updateable<CaravanTable>): Promise<void> {
  await db.updateTable('caravans').set(changes).where('id', '=', id).execute();
}

export async function deleteCaravan(db: Db, id: string): Promise<void> {
  await db.deleteFrom('caravans').where('id', '=', id).execute();
}

export async function caravanHasTrips(db: Db, caravanId: string): Promise<boolean> {
  return (await db.selectFrom('caravan_trips').select('id').where('caravan_id', '=', caravanId).limit(1).executeTakeFirst()) !== undefined;
}

export function findTrip(db: Db, caravanId: string, id: string): Promise<CaravanTripRow | undefined> {
  return db.selectFrom('caravan_trips').selectAll().where('caravan_id', '=', caravanId).where('id', '=', id).executeTakeFirst();
}

/** The trips already logged for these vehicles on these days: what a new trip or an import must not repeat. */
export function findTripsOn(db: Db, caravanIds: readonly string[], dates: readonly string[]): Promise<CaravanTripRow[]> {
  if (caravanIds.length === 0 || dates.length === 0) return Promise.resolve([]);
  return db.selectFrom('caravan_trips').selectAll().where('caravan_id', 'in', caravanIds).where('trip_date', 'in', dates).execute();
}

export function findTrips(db: Db, filter: { caravanId: string; from?: string; to?: string }, window: RowWindow) {
  let query = db.selectFrom('caravan_trips').where('caravan_id', '=', filter.caravanId);
  if (filter.from) query = query.where('trip_date', '>=', filter.from);
  if (filter.to) query = query.where('trip_date', '<=', filter.to);
  return findPage(query, (q) => q.selectAll().orderBy('trip_date', 'desc').orderBy('id', 'desc'), window);
}

export async function insertTrips(db: Db, rows: readonly CaravanTripRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('caravan_trips').values(rows.slice(i, i + 500)).execute();
}

export async function updateTrip(db: Db, id: string, changes: Updateable<CaravanTripTable>): Promise<void> {
  await db.updateTable('caravan_trips').set(changes).where('id', '=', id).execute();
}

export async function deleteTrip(db: Db, id: string): Promise<void> {
  await db.deleteFrom('caravan_trips').where('id', '=', id).execute();
}

export type TripDimension = 'caravan' | 'county' | 'month';
const tripGroup = {
  caravan: sql<string>`caravan_trips.caravan_id`,
  county: sql<string>`caravan_trips.county_org_id`,
  month: sql<string>`substr(caravan_trips.trip_date, 1, 7)`,
} as const;

/** Trips of the caravans run in a subtree in [from, to]: count, activities, km, distinct schools, people, vehicles on the road. */
export async function aggregateTrips(db: Db, filter: { scopeRootId: string; from: string; to: string }, by?: TripDimension) {
  const measures = db
    .selectFrom('caravan_trips')
    .innerJoin('caravans', 'caravans.id', 'caravan_trips.caravan_id')
    .where(inOrgSubtree(filter.scopeRootId, 'caravans.owner_org_id'))
    .where('caravan_trips.trip_date', '>=', filter.from)
    .where('caravan_trips.trip_date', '<=', filter.to)
    .select([
      sql<number>`count(*)`.as('trips'),
      sql<number>`coalesce(sum(caravan_trips.activities), 0)`.as('activities'),
      sql<number>`coalesce(sum(caravan_trips.km), 0)`.as('km'),
      sql<number>`count(distinct case when caravan_trips.destination_kind = 'school' then caravan_trips.destination_key end)`.as('schools'),
      sql<number>`coalesce(sum(caravan_trips.people), 0)`.as('people'),
      sql<number>`count(distinct caravan_trips.caravan_id)`.as('vehiclesOnTheRoad'),
    ]);
  const rows = by ? await measures.select(tripGroup[by].as('key')).groupBy(tripGroup[by]).orderBy(tripGroup[by]).execute() : await measures.execute();
  return rows.map((row) => ({
    key: (row as { key?: string }).key ?? '',
    trips: Number(row.trips),
    activities: Number(row.activities),
    km: Number(row.km),
    schools: Number(row.schools),
    people: Number(row.people),
    vehiclesOnTheRoad: Number(row.vehiclesOnTheRoad),
  }));
}

/** Caravans in service in a subtree. */
export async function countActiveCaravans(db: Db, scopeRootId: string): Promise<number> {
  const row = await db
    .selectFrom('caravans')
    .where(inOrgSubtree(scopeRootId, 'caravans.owner_org_id'))
    .where('status', '=', 'active')
    .select(sql<number>`count(*)`.as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function findCaravansByIds(db: Db, ids: readonly string[]): Promise<CaravanRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('caravans').selectAll().where('id', 'in', ids).execute();
}
