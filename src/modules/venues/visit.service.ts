import type { Db } from '../../database.ts';
import { nowIso } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { todayInBeijing } from './calendar.ts';
import { refuseAny, type FieldProblem } from './field-problems.ts';
import { venuePolicy } from './venue.policy.ts';
import { findVenuesByIds } from './venue.repository.ts';
import { venueRowInScope } from './venue.service.ts';
import { recordsUnder } from './owned-records.ts';
import type { VenueRow, VenueVisitRow } from './venue.table.ts';
import * as repo from './visit.repository.ts';
import { StaffFigures, visitProblems } from './visit.rules.ts';
import type { Visit, VisitInput, VisitListQuery, VisitPage } from './visit.schemas.ts';
import './visit.messages.ts';

export function toVisit(row: VenueVisitRow, venue: Pick<VenueRow, 'name'>): Visit {
  return {
    id: row.id,
    venueId: row.venue_id,
    venueName: venue.name,
    date: row.visit_date,
    period: row.period,
    individualVisitors: row.individual_visitors,
    groupVisitors: row.group_visitors,
    groups: row.groups,
    visitors: row.individual_visitors + row.group_visitors,
    note: row.note,
    source: row.source,
    bookingId: row.source === 'booking' ? row.source_id : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function rowFields(input: VisitInput) {
  return {
    visit_date: input.date,
    period: input.period ?? ('day' as const),
    individual_visitors: input.individualVisitors,
    group_visitors: input.groupVisitors ?? 0,
    groups: input.groups ?? 0,
    note: input.note?.trim() ?? '',
  };
}

type VisitFields = ReturnType<typeof rowFields>;
const visitRow = (ctx: ServiceContext, venueId: string, fields: VisitFields, source: 'entry' | 'import', now: string): VenueVisitRow => ({
  id: newId(),
  venue_id: venueId,
  ...fields,
  source,
  source_id: '',
  created_by: ctx.actor.userId,
  created_at: now,
  updated_at: now,
});

/** Staff figures built from visit rows of one source (entered or imported); a booking's attendance is written by the bookings module. */
export function newVisitRow(ctx: ServiceContext, venueId: string, input: VisitInput, source: 'entry' | 'import', now = nowIso()): VenueVisitRow {
  return visitRow(ctx, venueId, rowFields(input), source, now);
}

async function staffFiguresAround(db: Db, venueId: string, input: VisitInput): Promise<StaffFigures> {
  return new StaffFigures(await repo.findOverlappingStaffFigures(db, { venueId, date: input.date, period: input.period ?? 'day' }));
}

const visits = recordsUnder<VenueRow, VenueVisitRow, VisitInput, Visit, VisitFields>({
  entity: 'venue_visit',
  notFound: 'VENUE_VISIT_NOT_FOUND',
  parentInScope: venueRowInScope,
  store: { find: repo.findVisit, insert: repo.insertVisits, update: repo.updateVisit, remove: repo.deleteVisit },
  resolve: async (db, venue, input, selfId) => ({ problems: visitProblems(venue, input, await staffFiguresAround(db, venue.id, input), todayInBeijing(), selfId), fields: rowFields(input) }),
  newRow: (ctx, venueId, fields, now) => visitRow(ctx, venueId, fields, 'entry', now),
  present: async (_db, venue, rows) => rows.map((row) => toVisit(row, venue)),
  // The staff change their own figures; a booked group's attendance is corrected on its booking.
  assertEditable: (row) => {
    if (row.source === 'booking') throw new AppError('VENUE_VISIT_FROM_BOOKING', 409);
  },
  // Two writers entered the same figure at once and the unique index refused the second: explain it as the check would have.
  explainRefusal: async (err, ctx, venue, input, selfId) => {
    if (isUniqueViolation(err)) refuseAny(visitProblems(venue, input, await staffFiguresAround(ctx.db, venue.id, input), todayInBeijing(), selfId));
    throw err;
  },
});

/** Records a day's or a month's visitor count; a count already recorded for that day or month answers 409, never adds up twice. */
export const createVisit = visits.create;
export const updateVisit = visits.update;
export const deleteVisit = visits.remove;
/** Writes checked figures in one transaction (or the import's) with one audit entry for the batch: an import, or the demo's year. */
export const insertPlannedVisits = visits.insertPlanned;

export function listVisits(ctx: ServiceContext, venueId: string, query: VisitListQuery): Promise<VisitPage> {
  return visits.list(ctx, venueId, query, (window) => repo.findVisits(ctx.db, { venueId, from: query.from, to: query.to, period: query.period }, window));
}

/** A figure to check in a batch: which venue, and what the sheet or the generator says. */
export interface VisitEntry {
  venueId: string;
  input: VisitInput;
}

/**
 * Checks a batch of figures as the form checks one (`visitProblems`),
 * against what is stored and against each other, loading what the checks
 * need once. Returns the rows to write for the entries that pass and the
 * problems of those that do not, by entry index.
 */
export async function planVisits(ctx: ServiceContext, entries: readonly VisitEntry[], source: 'entry' | 'import'): Promise<{ rows: Map<number, VenueVisitRow>; problems: Map<number, FieldProblem<keyof VisitInput>[]> }> {
  venuePolicy.assertCan(ctx.actor, 'write');
  const venueIds = [...new Set(entries.map((e) => e.venueId))];
  // Venues outside the actor's scope are not found, as for a missing id.
  const venues = new Map((await findVenuesByIds(ctx.db, venueIds, ctx.actor.orgId)).map((v) => [v.id, v]));
  const dates = entries.map((e) => e.input.date).sort();
  const figures = new StaffFigures(dates.length ? await repo.findStaffFigures(ctx.db, [...venues.keys()], `${dates[0]!.slice(0, 7)}-01`, `${dates.at(-1)!.slice(0, 7)}-31`) : []);
  const today = todayInBeijing();
  const now = nowIso();
  const rows = new Map<number, VenueVisitRow>();
  const problems = new Map<number, FieldProblem<keyof VisitInput>[]>();
  for (const [index, entry] of entries.entries()) {
    const venue = venues.get(entry.venueId);
    if (!venue) {
      problems.set(index, [{ field: 'date', code: 'VENUE_NOT_FOUND', status: 404 }]);
      continue;
    }
    const found = visitProblems(venue, entry.input, figures, today);
    if (found.length > 0) {
      problems.set(index, found);
      continue;
    }
    const row = newVisitRow(ctx, venue.id, entry.input, source, now);
    figures.add(row);
    rows.set(index, row);
  }
  return { rows, problems };
}
