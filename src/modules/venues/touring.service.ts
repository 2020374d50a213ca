import type { Db } from '../../database.ts';
import { nowIso } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { pageWindow } from '../../platform/http/schema.ts';
import { newId } from '../../platform/ids.ts';
import { recordAudit } from '../audit/index.ts';
import { todayInBeijing } from './calendar.ts';
import { refuseAny, refuseIfNameTaken, type FieldProblem } from './field-problems.ts';
import { isCountyLevel, orgsById, ownerAndNameProblems } from './places.ts';
import { schoolKey } from './school-names.ts';
import * as repo from './touring.repository.ts';
import type { ShowInput, ShowListQuery, ShowPage, StopInput, StopListQuery, StopPage, TouringShow, TouringStop } from './touring.schemas.ts';
import { venuePolicy } from './venue.policy.ts';
import { findVenueById } from './venue.repository.ts';
import type { TouringShowRow, TouringStopRow } from './venue.table.ts';
import './touring.messages.ts';
import './venue.messages.ts';

// ---- shows ------------------------------------------------------------------------

async function presentShows(db: Db, rows: readonly TouringShowRow[]): Promise<TouringShow[]> {
  const orgs = await orgsById(db, rows.map((r) => r.owner_org_id));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    ownerOrgId: row.owner_org_id,
    ownerOrgName: orgs.get(row.owner_org_id)?.name ?? '',
    description: row.description,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}

async function showRowInScope(db: Db, ctx: ServiceContext, id: string): Promise<TouringShowRow> {
  const row = await repo.findShowById(db, id, ctx.actor.orgId);
  if (!row) throw new AppError('TOURING_SHOW_NOT_FOUND', 404);
  return row;
}

const checkShow = (db: Db, ctx: ServiceContext, input: ShowInput, selfId?: string) =>
  ownerAndNameProblems(db, ctx.actor.orgId, { ...input, selfId }, { findByName: repo.findShowByName, ownerOutOfScope: 'TOURING_OWNER_OUT_OF_SCOPE', nameTaken: 'TOURING_SHOW_NAME_TAKEN' });

const showFields = (input: ShowInput) => ({ name: input.name.trim(), owner_org_id: input.ownerOrgId, description: input.description?.trim() ?? '' });

export async function createShow(ctx: ServiceContext, input: ShowInput): Promise<TouringShow> {
  venuePolicy.assertCan(ctx.actor, 'write');
  return ctx.db
    .transaction()
    .execute(async (trx) => {
      refuseAny(await checkShow(trx, ctx, input));
      const now = nowIso();
      const row: TouringShowRow = { id: newId(), ...showFields(input), created_at: now, updated_at: now };
      await repo.insertShow(trx, row);
      const [view] = await presentShows(trx, [row]);
      await recordAudit(trx, ctx, { entity: 'touring_show', entityId: row.id, orgId: row.owner_org_id, action: 'create', before: null, after: view });
      return view!;
    })
    .catch((err) => refuseIfNameTaken(err, 'TOURING_SHOW_NAME_TAKEN', input.name));
}

export async function updateShow(ctx: ServiceContext, id: string, input: ShowInput): Promise<TouringShow> {
  return ctx.db
    .transaction()
    .execute(async (trx) => {
      const before = await showRowInScope(trx, ctx, id);
      venuePolicy.assertCan(ctx.actor, 'write');
      refuseAny(await checkShow(trx, ctx, input, id));
      const after: TouringShowRow = { ...before, ...showFields(input), updated_at: nowIso() };
      const { id: _id, ...changes } = after;
      await repo.updateShow(trx, id, changes);
      const [beforeView, afterView] = await presentShows(trx, [before, after]);
      await recordAudit(trx, ctx, { entity: 'touring_show', entityId: id, orgId: after.owner_org_id, action: 'update', before: beforeView, after: afterView });
      return afterView!;
    })
    .catch((err) => refuseIfNameTaken(err, 'TOURING_SHOW_NAME_TAKEN', input.name));
}

export async function deleteShow(ctx: ServiceContext, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await showRowInScope(trx, ctx, id);
    venuePolicy.assertCan(ctx.actor, 'write');
    if (await repo.showHasStops(trx, id)) throw new AppError('TOURING_SHOW_HAS_STOPS', 409, { params: { name: before.name } });
    await repo.deleteShow(trx, id);
    const [view] = await presentShows(trx, [before]);
    await recordAudit(trx, ctx, { entity: 'touring_show', entityId: id, orgId: before.owner_org_id, action: 'delete', before: view, after: null });
  });
}

export async function getShow(ctx: ServiceContext, id: string): Promise<TouringShow> {
  const row = await showRowInScope(ctx.db, ctx, id);
  venuePolicy.assertCan(ctx.actor, 'read');
  return (await presentShows(ctx.db, [row]))[0]!;
}

export async function listShows(ctx: ServiceContext, query: ShowListQuery): Promise<ShowPage> {
  venuePolicy.assertCan(ctx.actor, 'read');
  const window = pageWindow(query);
  const { rows, total } = await repo.findShows(ctx.db, { scopeRootId: ctx.actor.orgId, ownerOrgId: query.ownerOrgId }, window);
  return { items: await presentShows(ctx.db, rows), total, page: window.page, pageSize: window.pageSize };
}

// ---- stops ------------------------------------------------------------------------

type StopFields = Omit<TouringStopRow, 'id' | 'show_id' | 'created_by' | 'created_at' | 'updated_at'>;

/**
 * A stop's rules, and its row fields once they hold: a venue host gives the
 * stop its name and county; a school or place names itself and its county.
 */
async function resolveStop(db: Db, show: TouringShowRow, input: StopInput, selfId?: string): Promise<{ problems: FieldProblem<keyof StopInput>[]; fields: StopFields }> {
  const problems: FieldProblem<keyof StopInput>[] = [];
  let hostName = input.hostName?.trim() ?? '';
  let countyOrgId = input.countyOrgId ?? '';
  let hostVenueId: string | null = null;
  if (input.hostKind === 'venue') {
    const venue = input.hostVenueId ? await findVenueById(db, input.hostVenueId) : undefined;
    if (!venue) problems.push({ field: 'hostVenueId', code: input.hostVenueId ? 'TOURING_HOST_VENUE_UNKNOWN' : 'TOURING_HOST_VENUE_REQUIRED' });
    else [hostVenueId, hostName, countyOrgId] = [venue.id, venue.name, venue.county_org_id];
  } else {
    if (!hostName) problems.push({ field: 'hostName', code: 'TOURING_HOST_NAME_REQUIRED' });
    if (!isCountyLevel((await orgsById(db, [countyOrgId])).get(countyOrgId))) problems.push({ field: 'countyOrgId', code: 'VENUE_RECORD_COUNTY_UNKNOWN' });
  }
  if (input.endDate < input.startDate) problems.push({ field: 'endDate', code: 'TOURING_STOP_DATES_REVERSED', params: { startDate: input.startDate, endDate: input.endDate } });
  if (input.startDate > todayInBeijing()) problems.push({ field: 'startDate', code: 'VENUE_RECORD_IN_FUTURE', params: { date: input.startDate } });
  const hostKey = schoolKey(hostName);
  if (hostName) {
    const same = await repo.findStopOn(db, { showId: show.id, startDate: input.startDate, hostKey });
    if (same && same.id !== selfId) problems.push({ field: 'startDate', code: 'TOURING_STOP_EXISTS', status: 409, params: { show: show.name, host: same.host_name, date: input.startDate } });
  }
  const fields: StopFields = {
    host_kind: input.hostKind,
    host_venue_id: hostVenueId,
    host_name: hostName,
    host_key: hostKey,
    county_org_id: countyOrgId,
    start_date: input.startDate,
    end_date: input.endDate,
    visits: input.visits,
    note: input.note?.trim() ?? '',
  };
  return { problems, fields };
}

export async function presentStops(db: Db, shows: Map<string, Pick<TouringShowRow, 'name'>>, rows: readonly TouringStopRow[]): Promise<TouringStop[]> {
  const orgs = await orgsById(db, rows.map((r) => r.county_org_id));
  return rows.map((row) => ({
    id: row.id,
    showId: row.show_id,
    showName: shows.get(row.show_id)?.name ?? '',
    hostKind: row.host_kind,
    hostVenueId: row.host_venue_id,
    hostName: row.host_name,
    countyOrgId: row.county_org_id,
    countyName: orgs.get(row.county_org_id)?.name ?? '',
    startDate: row.start_date,
    endDate: row.end_date,
    visits: row.visits,
    note: row.note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}

/** Checks and records stops of one show in one transaction: the form's one stop, or the demo's tour. */
export async function createStops(ctx: ServiceContext, showId: string, inputs: readonly StopInput[]): Promise<TouringStop[]> {
  return ctx.db.transaction().execute(async (trx) => {
    const show = await showRowInScope(trx, ctx, showId);
    venuePolicy.assertCan(ctx.actor, 'write');
    const now = nowIso();
    const rows: TouringStopRow[] = [];
    for (const input of inputs) {
      const { problems, fields } = await resolveStop(trx, show, input);
      refuseAny(problems);
      const row: TouringStopRow = { id: newId(), show_id: showId, ...fields, created_by: ctx.actor.userId, created_at: now, updated_at: now };
      await repo.insertStops(trx, [row]);
      rows.push(row);
    }
    const views = await presentStops(trx, new Map([[show.id, show]]), rows);
    for (const view of views) await recordAudit(trx, ctx, { entity: 'touring_stop', entityId: view.id, orgId: show.owner_org_id, action: 'create', before: null, after: view });
    return views;
  });
}

export const createStop = async (ctx: ServiceContext, showId: string, input: StopInput): Promise<TouringStop> => (await createStops(ctx, showId, [input]))[0]!;

async function stopInScope(db: Db, ctx: ServiceContext, showId: string, id: string) {
  const show = await showRowInScope(db, ctx, showId);
  const row = await repo.findStop(db, showId, id);
  if (!row) throw new AppError('TOURING_STOP_NOT_FOUND', 404);
  venuePolicy.assertCan(ctx.actor, 'write');
  return { show, row };
}

export async function updateStop(ctx: ServiceContext, showId: string, id: string, input: StopInput): Promise<TouringStop> {
  return ctx.db.transaction().execute(async (trx) => {
    const { show, row: before } = await stopInScope(trx, ctx, showId, id);
    const { problems, fields } = await resolveStop(trx, show, input, id);
    refuseAny(problems);
    const after: TouringStopRow = { ...before, ...fields, updated_at: nowIso() };
    const { id: _id, ...changes } = after;
    await repo.updateStop(trx, id, changes);
    const [beforeView, afterView] = await presentStops(trx, new Map([[show.id, show]]), [before, after]);
    await recordAudit(trx, ctx, { entity: 'touring_stop', entityId: id, orgId: show.owner_org_id, action: 'update', before: beforeView, after: afterView });
    return afterView!;
  });
}

export async function deleteStop(ctx: ServiceContext, showId: string, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const { show, row } = await stopInScope(trx, ctx, showId, id);
    await repo.deleteStop(trx, id);
    const [view] = await presentStops(trx, new Map([[show.id, show]]), [row]);
    await recordAudit(trx, ctx, { entity: 'touring_stop', entityId: id, orgId: show.owner_org_id, action: 'delete', before: view, after: null });
  });
}

export async function listStops(ctx: ServiceContext, showId: string, query: StopListQuery): Promise<StopPage> {
  const show = await showRowInScope(ctx.db, ctx, showId);
  venuePolicy.assertCan(ctx.actor, 'read');
  const window = pageWindow(query);
  const { rows, total } = await repo.findStops(ctx.db, { showId, from: query.from, to: query.to }, window);
  return { items: await presentStops(ctx.db, new Map([[show.id, show]]), rows), total, page: window.page, pageSize: window.pageSize };
}
