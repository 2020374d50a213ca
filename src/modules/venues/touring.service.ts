import type { Db } from '../../database.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { todayInBeijing } from './calendar.ts';
import type { FieldProblem } from './field-problems.ts';
import { ownedRecords, ownerAndNameProblems, recordsUnder } from './owned-records.ts';
import { isCountyLevel, orgsById } from './places.ts';
import { schoolKey } from './school-names.ts';
import * as repo from './touring.repository.ts';
import type { ShowInput, ShowListQuery, ShowPage, StopInput, StopListQuery, StopPage, TouringShow, TouringStop } from './touring.schemas.ts';
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

const shows = ownedRecords<TouringShowRow, ShowInput, TouringShow>({
  entity: 'touring_show',
  codes: { notFound: 'TOURING_SHOW_NOT_FOUND', nameTaken: 'TOURING_SHOW_NAME_TAKEN' },
  store: { findById: repo.findShowById, insert: repo.insertShow, update: repo.updateShow, remove: repo.deleteShow },
  fields: (input) => ({ name: input.name.trim(), owner_org_id: input.ownerOrgId, description: input.description?.trim() ?? '' }),
  problems: (db, ctx, input, selfId) =>
    ownerAndNameProblems(db, ctx.actor.orgId, { ...input, selfId }, { findByName: repo.findShowByName, ownerOutOfScope: 'TOURING_OWNER_OUT_OF_SCOPE', nameTaken: 'TOURING_SHOW_NAME_TAKEN' }),
  present: presentShows,
  children: { refusal: 'TOURING_SHOW_HAS_STOPS', exist: repo.showHasStops },
});

const showRowInScope = shows.rowInScope;
export const createShow = shows.create;
export const updateShow = shows.update;
export const deleteShow = shows.remove;
export const getShow = shows.get;

export function listShows(ctx: ServiceContext, query: ShowListQuery): Promise<ShowPage> {
  return shows.list(ctx, query, (scopeRootId, window) => repo.findShows(ctx.db, { scopeRootId, ownerOrgId: query.ownerOrgId }, window));
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

const stops = recordsUnder<TouringShowRow, TouringStopRow, StopInput, TouringStop, StopFields>({
  entity: 'touring_stop',
  notFound: 'TOURING_STOP_NOT_FOUND',
  parentInScope: showRowInScope,
  store: { find: repo.findStop, insert: repo.insertStops, update: repo.updateStop, remove: repo.deleteStop },
  resolve: resolveStop,
  newRow: (ctx, showId, fields, now) => ({ id: newId(), show_id: showId, ...fields, created_by: ctx.actor.userId, created_at: now, updated_at: now }),
  present: (db, show, rows) => presentStops(db, new Map([[show.id, show]]), rows),
});

/** Checks and records stops of one show in one transaction: the form's one stop, or the demo's tour. */
export const createStops = stops.createMany;
export const createStop = stops.create;
export const updateStop = stops.update;
export const deleteStop = stops.remove;

export function listStops(ctx: ServiceContext, showId: string, query: StopListQuery): Promise<StopPage> {
  return stops.list(ctx, showId, query, (window) => repo.findStops(ctx.db, { showId, from: query.from, to: query.to }, window));
}
