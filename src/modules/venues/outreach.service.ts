import type { Db } from '../../database.ts';
import { nowIso } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { pageWindow } from '../../platform/http/schema.ts';
import { newId } from '../../platform/ids.ts';
import { recordAudit } from '../audit/index.ts';
import { todayInBeijing } from './calendar.ts';
import { refuseAny, type FieldProblem } from './field-problems.ts';
import * as repo from './outreach.repository.ts';
import type { OutreachInput, OutreachListQuery, OutreachPage, OutreachVisit } from './outreach.schemas.ts';
import { isCountyLevel, orgsById } from './places.ts';
import { schoolKey } from './school-names.ts';
import { venuePolicy } from './venue.policy.ts';
import { venueRowInScope } from './venue.service.ts';
import type { OutreachVisitRow, VenueRow } from './venue.table.ts';
import './outreach.messages.ts';
import './venue.messages.ts';

async function present(db: Db, venue: Pick<VenueRow, 'name'>, rows: readonly OutreachVisitRow[]): Promise<OutreachVisit[]> {
  const orgs = await orgsById(db, rows.map((r) => r.county_org_id));
  return rows.map((row) => ({
    id: row.id,
    venueId: row.venue_id,
    venueName: venue.name,
    date: row.visit_date,
    schoolName: row.school_name,
    countyOrgId: row.county_org_id,
    countyName: orgs.get(row.county_org_id)?.name ?? '',
    activity: row.activity,
    people: row.people,
    note: row.note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}

async function checkOutreach(db: Db, venue: VenueRow, input: OutreachInput, selfId?: string): Promise<FieldProblem<keyof OutreachInput>[]> {
  const problems: FieldProblem<keyof OutreachInput>[] = [];
  if (input.date > todayInBeijing()) problems.push({ field: 'date', code: 'VENUE_RECORD_IN_FUTURE', params: { date: input.date } });
  const county = (await orgsById(db, [input.countyOrgId])).get(input.countyOrgId);
  if (!isCountyLevel(county)) problems.push({ field: 'countyOrgId', code: 'VENUE_RECORD_COUNTY_UNKNOWN' });
  const same = await repo.findOutreachOn(db, { venueId: venue.id, date: input.date, schoolKey: schoolKey(input.schoolName) });
  if (same && same.id !== selfId) {
    problems.push({ field: 'schoolName', code: 'VENUE_OUTREACH_EXISTS', status: 409, params: { venue: venue.name, date: input.date, school: same.school_name } });
  }
  return problems;
}

function rowFields(input: OutreachInput) {
  const schoolName = input.schoolName.trim();
  return {
    visit_date: input.date,
    school_name: schoolName,
    school_key: schoolKey(schoolName),
    county_org_id: input.countyOrgId,
    activity: input.activity.trim(),
    people: input.people,
    note: input.note?.trim() ?? '',
  };
}

/** For the demo: outreach rows built the way the service builds them. */
export function newOutreachRow(ctx: ServiceContext, venueId: string, input: OutreachInput, now = nowIso()): OutreachVisitRow {
  return { id: newId(), venue_id: venueId, ...rowFields(input), created_by: ctx.actor.userId, created_at: now, updated_at: now };
}

/** Records a venue's visit to a school (馆校合作 到校活动); the same school on the same day answers 409. */
export async function createOutreach(ctx: ServiceContext, venueId: string, input: OutreachInput): Promise<OutreachVisit> {
  return ctx.db.transaction().execute(async (trx) => {
    const venue = await venueRowInScope(trx, ctx, venueId);
    venuePolicy.assertCan(ctx.actor, 'write');
    refuseAny(await checkOutreach(trx, venue, input));
    const row = newOutreachRow(ctx, venueId, input);
    await repo.insertOutreachVisits(trx, [row]);
    const [view] = await present(trx, venue, [row]);
    await recordAudit(trx, ctx, { entity: 'venue_outreach', entityId: row.id, orgId: venue.owner_org_id, action: 'create', before: null, after: view });
    return view!;
  });
}

async function outreachInScope(db: Db, ctx: ServiceContext, venueId: string, id: string) {
  const venue = await venueRowInScope(db, ctx, venueId);
  const row = await repo.findOutreach(db, venueId, id);
  if (!row) throw new AppError('VENUE_OUTREACH_NOT_FOUND', 404);
  venuePolicy.assertCan(ctx.actor, 'write');
  return { venue, row };
}

export async function updateOutreach(ctx: ServiceContext, venueId: string, id: string, input: OutreachInput): Promise<OutreachVisit> {
  return ctx.db.transaction().execute(async (trx) => {
    const { venue, row: before } = await outreachInScope(trx, ctx, venueId, id);
    refuseAny(await checkOutreach(trx, venue, input, id));
    const after: OutreachVisitRow = { ...before, ...rowFields(input), updated_at: nowIso() };
    const { id: _id, ...changes } = after;
    await repo.updateOutreach(trx, id, changes);
    const [beforeView, afterView] = await present(trx, venue, [before, after]);
    await recordAudit(trx, ctx, { entity: 'venue_outreach', entityId: id, orgId: venue.owner_org_id, action: 'update', before: beforeView, after: afterView });
    return afterView!;
  });
}

export async function deleteOutreach(ctx: ServiceContext, venueId: string, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const { venue, row } = await outreachInScope(trx, ctx, venueId, id);
    await repo.deleteOutreach(trx, id);
    const [view] = await present(trx, venue, [row]);
    await recordAudit(trx, ctx, { entity: 'venue_outreach', entityId: id, orgId: venue.owner_org_id, action: 'delete', before: view, after: null });
  });
}

export async function listOutreach(ctx: ServiceContext, venueId: string, query: OutreachListQuery): Promise<OutreachPage> {
  const venue = await venueRowInScope(ctx.db, ctx, venueId);
  venuePolicy.assertCan(ctx.actor, 'read');
  const window = pageWindow(query);
  const { rows, total } = await repo.findOutreachVisits(ctx.db, { venueId, from: query.from, to: query.to }, window);
  return { items: await present(ctx.db, venue, rows), total, page: window.page, pageSize: window.pageSize };
}
