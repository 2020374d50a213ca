import type { Db } from '../../database.ts';
import { nowIso } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { AppError } from '../../platform/errors.ts';
import { pageWindow } from '../../platform/http/schema.ts';
import { newId } from '../../platform/ids.ts';
import { recordAudit } from '../audit/index.ts';
import { todayInBeijing } from './calendar.ts';
import { refuseAny, type FieldProblem } from './field-problems.ts';
import { venuePolicy } from './venue.policy.ts';
import { findVenuesByIds } from './venue.repository.ts';
import { venueRowInScope } from './venue.service.ts';
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

/** Staff figures built from visit rows of one source (entered or imported); a booking's attendance is written by the bookings module. */
export function newVisitRow(ctx: ServiceContext, venueId: string, input: VisitInput, source: 'entry' | 'import', now = nowIso()): VenueVisitRow {
  return { id: newId(), venue_id: venueId, ...rowFields(input), source, source_id: '', created_by: ctx.actor.userId, created_at: now, updated_at: now };
}

async function staffFiguresAround(db: Db, venueId: string, input: VisitInput): Promise<StaffFigures> {
  return new StaffFigures(await repo.findOverlappingStaffFigures(db, { venueId, date: input.date, period: input.period ?? 'day' }));
}

/** Two writers entered the same figure at once and the unique index refused the second: explain it as the check would have. */
async function explainRace(err: unknown, ctx: ServiceContext, venue: VenueRow | undefined, input: VisitInput, selfId?: string): Promise<never> {
  if (venue && isUniqueViolation(err)) refuseAny(visitProblems(venue, input, await staffFiguresAround(ctx.db, venue.id, input), todayInBeijing(), selfId));
  throw err;
}

/** Records a day's or a month's visitor count; a count already recorded for that day or month answers 409, never adds up twice. */
export async function createVisit(ctx: ServiceContext, venueId: string, input: VisitInput): Promise<Visit> {
  let venue: VenueRow | undefined;
  return ctx.db
    .transaction()
    .execute(async (trx) => {
      venue = await venueRowInScope(trx, ctx, venueId);
      venuePolicy.assertCan(ctx.actor, 'write');
      refuseAny(visitProblems(venue, input, await staffFiguresAround(trx, venueId, input), todayInBeijing()));
      const row = newVisitRow(ctx, venueId, input, 'entry');
      await repo.insertVisits(trx, [row]);
      const visit = toVisit(row, venue);
      await recordAudit(trx, ctx, { entity: 'venue_visit', entityId: row.id, orgId: venue.owner_org_id, action: 'create', before: null, after: visit });
      return visit;
    })
    .catch((err) => explainRace(err, ctx, venue, input));
}

/** The staff's own figure, in a venue in scope; a booked group's attendance is corrected on its booking. */
async function staffVisitInScope(db: Db, ctx: ServiceContext, venueId: string, visitId: string) {
  const venue = await venueRowInScope(db, ctx, venueId);
  const row = await repo.findVisit(db, venueId, visitId);
  if (!row) throw new AppError('VENUE_VISIT_NOT_FOUND', 404);
  venuePolicy.assertCan(ctx.actor, 'write');
  if (row.source === 'booking') throw new AppError('VENUE_VISIT_FROM_BOOKING', 409);
  return { venue, row };
}

export async function updateVisit(ctx: ServiceContext, venueId: string, visitId: string, input: VisitInput): Promise<Visit> {
  let venue: VenueRow | undefined;
  return ctx.db
    .transaction()
    .execute(async (trx) => {
      const found = await staffVisitInScope(trx, ctx, venueId, visitId);
      venue = found.venue;
      refuseAny(visitProblems(venue, input, await staffFiguresAround(trx, venueId, input), todayInBeijing(), visitId));
      const after: VenueVisitRow = { ...found.row, ...rowFields(input), updated_at: nowIso() };
      const { id: _id, ...changes } = after;
      await repo.updateVisit(trx, visitId, changes);
      const [beforeView, afterView] = [toVisit(found.row, venue), toVisit(after, venue)];
      await recordAudit(trx, ctx, { entity: 'venue_visit', entityId: visitId, orgId: venue.owner_org_id, action: 'update', before: beforeView, after: afterView });
      return afterView;
    })
    .catch((err) => explainRace(err, ctx, venue, input, visitId));
}

export async function deleteVisit(ctx: ServiceContext, venueId: string, visitId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const { venue, row } = await staffVisitInScope(trx, ctx, venueId, visitId);
    await repo.deleteVisit(trx, visitId);
    await recordAudit(trx, ctx, { entity: 'venue_visit', entityId: visitId, orgId: venue.owner_org_id, action: 'delete', before: toVisit(row, venue), after: null });
  });
}

export async function listVisits(ctx: ServiceContext, venueId: string, query: VisitListQuery): Promise<VisitPage> {
  const venue = await venueRowInScope(ctx.db, ctx, venueId);
  venuePolicy.assertCan(ctx.actor, 'read');
  const window = pageWindow(query);
  const { rows, total } = await repo.findVisits(ctx.db, { venueId, from: query.from, to: query.to, period: query.period }, window);
  return { items: rows.map((row) => toVisit(row, venue)), total, page: window.page, pageSize: window.pageSize };
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

/** Writes checked figures in one transaction (or the import's) with one audit entry for the batch: an import, or the demo's year. */
export async function insertPlannedVisits(ctx: ServiceContext, rows: readonly VenueVisitRow[], origin: string): Promise<string[]> {
  venuePolicy.assertCan(ctx.actor, 'write');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertVisits(trx, rows);
    await recordAudit(trx, ctx, {
      entity: 'venue_visit',
      entityId: null,
      orgId: ctx.actor.orgId,
      action: 'import',
      before: null,
      after: { source: origin, count: rows.length, firstId: rows[0]?.id ?? null, lastId: rows.at(-1)?.id ?? null },
    });
  });
  return rows.map((row) => row.id);
}
