import type { Db } from '../../database.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { isForeignKeyViolation } from '../../platform/db/errors.ts';
import { AppError } from '../../platform/errors.ts';
import { isOrgInSubtree } from '../orgs/index.ts';
import { isCountyLevel, orgsById } from './places.ts';
import { todayInBeijing } from './calendar.ts';
import type { FieldProblem } from './field-problems.ts';
import { ownedRecords } from './owned-records.ts';
import { venuePolicy } from './venue.policy.ts';
import * as repo from './venue.repository.ts';
import { venueHasVisits } from './visit.repository.ts';
import { venueHasOutreach } from './outreach.repository.ts';
import { venueHostsStops } from './touring.repository.ts';
import type { Venue, VenueInput, VenueListQuery, VenuePage } from './venue.schemas.ts';
import type { VenueRow } from './venue.table.ts';
import './venue.messages.ts';

/** The API view of venue rows, with their owner's and county's names looked up once for the batch. */
export async function presentVenues(db: Db, rows: readonly VenueRow[]): Promise<Venue[]> {
  const orgs = await orgsById(db, rows.flatMap((r) => [r.owner_org_id, r.county_org_id]));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    ownerOrgId: row.owner_org_id,
    countyOrgId: row.county_org_id,
    address: row.address,
    openedOn: row.opened_on,
    status: row.status,
    capacity: row.capacity,
    ownerOrgName: orgs.get(row.owner_org_id)?.name ?? '',
    countyName: orgs.get(row.county_org_id)?.name ?? '',
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}

/** For other modules (group bookings): the venue, if it is in the actor's scope. */
export async function venueInScope(ctx: ServiceContext, venueId: string): Promise<Venue> {
  venuePolicy.assertCan(ctx.actor, 'read');
  return (await presentVenues(ctx.db, [await venueRowInScope(ctx.db, ctx, venueId)]))[0]!;
}

/** An open venue, for the public portal; venues hold no personal data. */
export async function publicVenue(db: Db, venueId: string): Promise<Venue | undefined> {
  const row = await repo.findVenueById(db, venueId);
  if (!row || row.status !== 'open') return undefined;
  return (await presentVenues(db, [row]))[0];
}

/** Every open venue, by name, for the public portal. */
export async function listPublicVenues(db: Db): Promise<Venue[]> {
  return presentVenues(db, await repo.findAllVenues(db, { status: 'open' }));
}

/** Every rule a venue must meet beyond its schema, by field. */
async function checkVenue(db: Db, ctx: ServiceContext, input: VenueInput, selfId?: string): Promise<FieldProblem<keyof VenueInput>[]> {
  const problems: FieldProblem<keyof VenueInput>[] = [];
  const orgs = await orgsById(db, [input.ownerOrgId, input.countyOrgId]);
  const ownerInScope = orgs.has(input.ownerOrgId) && (await isOrgInSubtree(db, ctx.actor.orgId, input.ownerOrgId));
  if (!ownerInScope) problems.push({ field: 'ownerOrgId', code: 'VENUE_OWNER_OUT_OF_SCOPE', status: 404 });
  const county = orgs.get(input.countyOrgId);
  // The county is the owner's own (a county museum) or one below it (the city's museum stands in a district).
  const countyFits =
    isCountyLevel(county) &&
    ownerInScope &&
    ((await isOrgInSubtree(db, input.ownerOrgId, county.id)) || (await isOrgInSubtree(db, county.id, input.ownerOrgId)));
  if (!countyFits) problems.push({ field: 'countyOrgId', code: 'VENUE_COUNTY_INVALID' });
  const openedOn = input.openedOn ?? null;
  if (input.status === 'open' && !openedOn) problems.push({ field: 'openedOn', code: 'VENUE_OPENED_ON_REQUIRED' });
  if (openedOn && openedOn > todayInBeijing() && (input.status === 'open' || input.status === 'closed')) {
    problems.push({ field: 'openedOn', code: 'VENUE_OPENED_ON_IN_FUTURE', params: { openedOn } });
  }
  const sameName = await repo.findVenueByName(db, input.name.trim());
  if (sameName && sameName.id !== selfId) problems.push({ field: 'name', code: 'VENUE_NAME_TAKEN', status: 409, params: { name: input.name.trim() } });
  // Scope first: a name clash must not reveal anything about a venue the actor may not use.
  return problems.sort((a, b) => Number(b.status === 404) - Number(a.status === 404));
}

const venues = ownedRecords<VenueRow, VenueInput, Venue>({
  entity: 'venue',
  codes: { notFound: 'VENUE_NOT_FOUND', nameTaken: 'VENUE_NAME_TAKEN' },
  store: { findById: repo.findVenueById, insert: repo.insertVenue, update: repo.updateVenue, remove: repo.deleteVenue },
  fields: (input) => ({
    name: input.name.trim(),
    kind: input.kind,
    owner_org_id: input.ownerOrgId,
    county_org_id: input.countyOrgId,
    address: input.address?.trim() ?? '',
    opened_on: input.openedOn ?? null,
    status: input.status,
    capacity: input.capacity ?? null,
  }),
  problems: checkVenue,
  present: presentVenues,
  children: {
    refusal: 'VENUE_HAS_RECORDS',
    exist: async (db, id) => (await venueHasVisits(db, id)) || (await venueHasOutreach(db, id)) || (await venueHostsStops(db, id)),
  },
});

/** The venue row if the actor's org runs it or is above the org that does; otherwise 404, as for a missing id. */
export const venueRowInScope = venues.rowInScope;
export const createVenue = venues.create;
export const updateVenue = venues.update;

export function deleteVenue(ctx: ServiceContext, id: string): Promise<void> {
  return venues.remove(ctx, id).catch(async (err) => {
    // Records of another module (a booking, a touring stop) still point at the venue.
    if (isForeignKeyViolation(err)) {
      const row = await repo.findVenueById(ctx.db, id);
      throw new AppError('VENUE_HAS_RECORDS', 409, { params: { name: row?.name ?? '' } });
    }
    throw err;
  });
}

export async function getVenue(ctx: ServiceContext, id: string): Promise<Venue> {
  return venueInScope(ctx, id);
}

export function listVenues(ctx: ServiceContext, query: VenueListQuery): Promise<VenuePage> {
  const filter = { q: query.q?.trim() || undefined, kind: query.kind, status: query.status, countyOrgId: query.countyOrgId, ownerOrgId: query.ownerOrgId };
  return venues.list(ctx, query, (scopeRootId, window) => repo.findVenues(ctx.db, { ...filter, scopeRootId }, window));
}
