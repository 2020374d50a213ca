import type { Updateable } from 'kysely';
import type { Db } from '../../database.ts';
import { findPage, type RowWindow } from '../../platform/db/pagination.ts';
import type { VenueVisitRow, VenueVisitTable, VisitPeriod } from './venue.table.ts';

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
