import type { Db } from '../../database.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { todayInBeijing } from './calendar.ts';
import type { FieldProblem } from './field-problems.ts';
import * as repo from './outreach.repository.ts';
import { recordsUnder } from './owned-records.ts';
import type { OutreachInput, OutreachListQuery, OutreachPage, OutreachVisit } from './outreach.schemas.ts';
import { isCountyLevel, orgsById } from './places.ts';
import { schoolKey } from './school-names.ts';
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

const outreach = recordsUnder<VenueRow, OutreachVisitRow, OutreachInput, OutreachVisit, ReturnType<typeof rowFields>>({
  entity: 'venue_outreach',
  notFound: 'VENUE_OUTREACH_NOT_FOUND',
  parentInScope: venueRowInScope,
  store: { find: repo.findOutreach, insert: repo.insertOutreachVisits, update: repo.updateOutreach, remove: repo.deleteOutreach },
  resolve: async (db, venue, input, selfId) => ({ problems: await checkOutreach(db, venue, input, selfId), fields: rowFields(input) }),
  newRow: (ctx, venueId, fields, now) => ({ id: newId(), venue_id: venueId, ...fields, created_by: ctx.actor.userId, created_at: now, updated_at: now }),
  present,
});

/** Records a venue's visit to a school (馆校合作 到校活动); the same school on the same day answers 409. */
export const createOutreach = outreach.create;
export const updateOutreach = outreach.update;
export const deleteOutreach = outreach.remove;

export function listOutreach(ctx: ServiceContext, venueId: string, query: OutreachListQuery): Promise<OutreachPage> {
  return outreach.list(ctx, venueId, query, (window) => repo.findOutreachVisits(ctx.db, { venueId, from: query.from, to: query.to }, window));
}
