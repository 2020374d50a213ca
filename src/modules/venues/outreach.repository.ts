import { sql, type Updateable } from 'kysely';
import type { Db } from '../../database.ts';
import { findPage, type RowWindow } from '../../platform/db/pagination.ts';
import { inOrgSubtree } from '../orgs/index.ts';
import type { OutreachVisitRow, VenueOutreachVisitTable } from './venue.table.ts';

/** The only file that queries venue_outreach_visits. */

export function findOutreach(db: Db, venueId: string, id: string): Promise<OutreachVisitRow | undefined> {
  return db.selectFrom('venue_outreach_visits').selectAll().where('venue_id', '=', venueId).where('id', '=', id).executeTakeFirst();
}

/** The venue's visit to this school on this day, if already recorded. */
export function findOutreachOn(db: Db, key: { venueId: string; date: string; schoolKey: string }): Promise<OutreachVisitRow | undefined> {
  return db
    .selectFrom('venue_outreach_visits')
    .selectAll()
    .where('venue_id', '=', key.venueId)
    .where('visit_date', '=', key.date)
    .where('school_key', '=', key.schoolKey)
    .executeTakeFirst();
}

export function findOutreachVisits(db: Db, filter: { venueId: string; from?: string; to?: string }, window: RowWindow) {
  let query = db.selectFrom('venue_outreach_visits').where('venue_id', '=', filter.venueId);
  if (filter.from) query = query.where('visit_date', '>=', filter.from);
  if (filter.to) query = query.where('visit_date', '<=', filter.to);
  return findPage(query, (q) => q.selectAll().orderBy('visit_date', 'desc').orderBy('id', 'desc'), window);
}

export async function insertOutreachVisits(db: Db, rows: readonly OutreachVisitRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('venue_outreach_visits').values(rows.slice(i, i + 500)).execute();
}

export async function updateOutreach(db: Db, id: string, changes: Updateable<VenueOutreachVisitTable>): Promise<void> {
  await db.updateTable('venue_outreach_visits').set(changes).where('id', '=', id).execute();
}

export async function deleteOutreach(db: Db, id: string): Promise<void> {
  await db.deleteFrom('venue_outreach_visits').where('id', '=', id).execute();
}

export async function venueHasOutreach(db: Db, venueId: string): Promise<boolean> {
  return (await db.selectFrom('venue_outreach_visits').select('id').where('venue_id', '=', venueId).limit(1).executeTakeFirst()) !== undefined;
}

export type OutreachDimension = 'venue' | 'county' | 'month' | 'kind';
const outreachGroup = {
  venue: sql<string>`venue_outreach_visits.venue_id`,
  county: sql<string>`venue_outreach_visits.county_org_id`,
  month: sql<string>`substr(venue_outreach_visits.visit_date, 1, 7)`,
  kind: sql<string>`venues.kind`,
} as const;

/** Visits to schools by the venues run in a subtree in [from, to]: count, distinct schools, people. */
export async function aggregateOutreach(db: Db, filter: { scopeRootId: string; from: string; to: string }, by?: OutreachDimension) {
  const measures = db
    .selectFrom('venue_outreach_visits')
    .innerJoin('venues', 'venues.id', 'venue_outreach_visits.venue_id')
    .where(inOrgSubtree(filter.scopeRootId, 'venues.owner_org_id'))
    .where('venue_outreach_visits.visit_date', '>=', filter.from)
    .where('venue_outreach_visits.visit_date', '<=', filter.to)
    .select([
      sql<number>`count(*)`.as('visits'),
      sql<number>`count(distinct venue_outreach_visits.school_key)`.as('schools'),
      sql<number>`coalesce(sum(venue_outreach_visits.people), 0)`.as('people'),
    ]);
  const rows = by ? await measures.select(outreachGroup[by].as('key')).groupBy(outreachGroup[by]).orderBy(outreachGroup[by]).execute() : await measures.execute();
  return rows.map((row) => ({ key: (row as { key?: string }).key ?? '', visits: Number(row.visits), schools: Number(row.schools), people: Number(row.people) }));
}
