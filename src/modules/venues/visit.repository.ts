import { sql, type Updateable } from 'kysely';
import type { Db } from '../../database.ts';
import { findPage, type RowWindow } from '../../platform/db/pagination.ts';
import { inOrgSubtree } from '../orgs/index.ts';
import type { VenueKind, VenueVisitRow, VenueVisitTable, VisitPeriod } from './venue.table.ts';

/** The only file that queries venue_visits. */

export function findVisit(db: Db, venueId: string, visitId: string): Promise<VenueVisitRow | undefined> {
  return db.selectFrom('venue_visits').selectAll().where('venue_id', '=', venueId).where('id', '=', visitId).executeTakeFirst();
}

export function findVisitOfBooking(db: Db, bookingId: string): Promise<VenueVisitRow | undefined> {
  return db.selectFrom('venue_visits').selectAll().where('source', '=', 'booking').where('source_id', '=', bookingId).executeTakeFirst();
}

/**
 * The figures staff entered or imported that the given one would count again:
 * the same day or month, or a day inside a month already counted as a whole
 * (and a month holding days already counted one by one). Booked groups'
 * attendance is kept apart: it adds to the staff's count of the day.
 */
export function findOverlappingStaffFigures(db: Db, figure: { venueId: string; date: string; period: VisitPeriod }): Promise<VenueVisitRow[]> {
  const month = figure.date.slice(0, 7);
  return db
    .selectFrom('venue_visits')
    .selectAll()
    .where('venue_id', '=', figure.venueId)
    .where('source', 'in', ['entry', 'import'])
    .where((eb) =>
      figure.period === 'day'
        ? eb.or([eb.and([eb('period', '=', 'day'), eb('visit_date', '=', figure.date)]), eb.and([eb('period', '=', 'month'), eb('visit_date', '=', `${month}-01`)])])
        : eb.and([eb('visit_date', '>=', `${month}-01`), eb('visit_date', '<=', `${month}-31`)]),
    )
    .orderBy('visit_date')
    .execute();
}

/** The staff's figures of these venues dated in [from, to]: what a batch of new figures must not repeat. */
export async function findStaffFigures(db: Db, venueIds: readonly string[], from: string, to: string): Promise<VenueVisitRow[]> {
  if (venueIds.length === 0) return [];
  return db
    .selectFrom('venue_visits')
    .selectAll()
    .where('venue_id', 'in', venueIds)
    .where('source', 'in', ['entry', 'import'])
    .where('visit_date', '>=', from)
    .where('visit_date', '<=', to)
    .execute();
}

export function findVisits(db: Db, filter: { venueId: string; from?: string; to?: string; period?: VisitPeriod }, window: RowWindow) {
  let query = db.selectFrom('venue_visits').where('venue_id', '=', filter.venueId);
  if (filter.from) query = query.where('visit_date', '>=', filter.from);
  if (filter.to) query = query.where('visit_date', '<=', filter.to);
  if (filter.period) query = query.where('period', '=', filter.period);
  return findPage(query, (q) => q.selectAll().orderBy('visit_date', 'desc').orderBy('id', 'desc'), window);
}

export async function insertVisits(db: Db, rows: readonly VenueVisitRow[]): Promise<void> {
  // 15 columns a row: 500 rows stay under both databases' bound-parameter limits.
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('venue_visits').values(rows.slice(i, i + 500)).execute();
}

export async function updateVisit(db: Db, id: string, changes: Updateable<VenueVisitTable>): Promise<void> {
  await db.updateTable('venue_visits').set(changes).where('id', '=', id).execute();
}

export async function deleteVisit(db: Db, id: string): Promise<void> {
  await db.deleteFrom('venue_visits').where('id', '=', id).execute();
}

/** Whether any visit figure refers to the venue: such a venue is closed, not deleted. */
export async function venueHasVisits(db: Db, venueId: string): Promise<boolean> {
  return (await db.selectFrom('venue_visits').select('id').where('venue_id', '=', venueId).limit(1).executeTakeFirst()) !== undefined;
}

export type VisitDimension = 'venue' | 'county' | 'month' | 'kind';
const visitGroup = {
  venue: sql<string>`venue_visits.venue_id`,
  county: sql<string>`venues.county_org_id`,
  month: sql<string>`substr(venue_visits.visit_date, 1, 7)`,
  kind: sql<string>`venues.kind`,
} as const;

/** Visitors, split, and groups at the venues run in a subtree in [from, to], in total or per group. */
export async function aggregateVisits(db: Db, filter: { scopeRootId: string; from: string; to: string; kind?: VenueKind }, by?: VisitDimension) {
  let query = db
    .selectFrom('venue_visits')
    .innerJoin('venues', 'venues.id', 'venue_visits.venue_id')
    .where(inOrgSubtree(filter.scopeRootId, 'venues.owner_org_id'))
    .where('venue_visits.visit_date', '>=', filter.from)
    .where('venue_visits.visit_date', '<=', filter.to);
  if (filter.kind) query = query.where('venues.kind', '=', filter.kind);
  const measures = query.select([
    sql<number>`coalesce(sum(venue_visits.individual_visitors), 0)`.as('individualVisitors'),
    sql<number>`coalesce(sum(venue_visits.group_visitors), 0)`.as('groupVisitors'),
    sql<number>`coalesce(sum(venue_visits.groups), 0)`.as('groups'),
  ]);
  const rows = by ? await measures.select(visitGroup[by].as('key')).groupBy(visitGroup[by]).orderBy(visitGroup[by]).execute() : await measures.execute();
  // PostgreSQL returns sums as strings.
  return rows.map((row) => {
    const individualVisitors = Number(row.individualVisitors);
    const groupVisitors = Number(row.groupVisitors);
    return { key: (row as { key?: string }).key ?? '', visitors: individualVisitors + groupVisitors, individualVisitors, groupVisitors, groups: Number(row.groups) };
  });
}
