import type { Db } from '../../database.ts';
import { nowIso } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import type { OrgRow } from '../orgs/index.ts';
import { todayInBeijing } from './calendar.ts';
import * as repo from './caravan.repository.ts';
import type { Caravan, CaravanInput, CaravanListQuery, CaravanPage, CaravanTrip, TripInput, TripListQuery, TripPage } from './caravan.schemas.ts';
import type { FieldProblem } from './field-problems.ts';
import { ownedRecords, ownerAndNameProblems, recordsUnder } from './owned-records.ts';
import { isCountyLevel, orgsById } from './places.ts';
import { schoolKey } from './school-names.ts';
import type { CaravanRow, CaravanTripRow } from './venue.table.ts';
import './caravan.messages.ts';
import './venue.messages.ts';

// ---- vehicles -------------------------------------------------------------------

async function presentCaravans(db: Db, rows: readonly CaravanRow[]): Promise<Caravan[]> {
  const orgs = await orgsById(db, rows.map((r) => r.owner_org_id));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    ownerOrgId: row.owner_org_id,
    ownerOrgName: orgs.get(row.owner_org_id)?.name ?? '',
    status: row.status,
    note: row.note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}

const caravans = ownedRecords<CaravanRow, CaravanInput, Caravan>({
  entity: 'caravan',
  codes: { notFound: 'CARAVAN_NOT_FOUND', nameTaken: 'CARAVAN_NAME_TAKEN' },
  store: { findById: repo.findCaravanById, insert: repo.insertCaravan, update: repo.updateCaravan, remove: repo.deleteCaravan },
  fields: (input) => ({ name: input.name.trim(), owner_org_id: input.ownerOrgId, status: input.status ?? 'active', note: input.note?.trim() ?? '' }),
  problems: (db, ctx, input, selfId) =>
    ownerAndNameProblems(db, ctx.actor.orgId, { ...input, selfId }, { findByName: repo.findCaravanByName, ownerOutOfScope: 'CARAVAN_OWNER_OUT_OF_SCOPE', nameTaken: 'CARAVAN_NAME_TAKEN' }),
  present: presentCaravans,
  children: { refusal: 'CARAVAN_HAS_TRIPS', exist: repo.caravanHasTrips },
});

export const caravanRowInScope = caravans.rowInScope;
export const createCaravan = caravans.create;
export const updateCaravan = caravans.update;
export const deleteCaravan = caravans.remove;
export const getCaravan = caravans.get;

export function listCaravans(ctx: ServiceContext, query: CaravanListQuery): Promise<CaravanPage> {
  return caravans.list(ctx, query, (scopeRootId, window) => repo.findCaravans(ctx.db, { scopeRootId, ownerOrgId: query.ownerOrgId, status: query.status }, window));
}

// ---- trips ------------------------------------------------------------------------

const tripKey = (caravanId: string, date: string, destination: string) => `${caravanId}|${date}|${schoolKey(destination)}`;

/**
 * The trips already logged on the days a batch of trips covers, and the
 * counties they may name: loaded once, so the form and the Excel import check
 * a trip the same way. An import adds each accepted trip, so a file that
 * repeats a line is refused like a trip already stored.
 */
export class TripChecks {
  private constructor(
    private readonly logged: Map<string, CaravanTripRow>,
    readonly orgs: Map<string, OrgRow>,
  ) {}

  static async load(db: Db, trips: readonly { caravanId: string; date: string; countyOrgId: string }[]): Promise<TripChecks> {
    const [rows, orgs] = await Promise.all([
      repo.findTripsOn(db, [...new Set(trips.map((t) => t.caravanId))], [...new Set(trips.map((t) => t.date))]),
      orgsById(db, trips.map((t) => t.countyOrgId)),
    ]);
    return new TripChecks(new Map(rows.map((row) => [tripKey(row.caravan_id, row.trip_date, row.destination), row])), orgs);
  }

  add(row: CaravanTripRow): void {
    this.logged.set(tripKey(row.caravan_id, row.trip_date, row.destination), row);
  }

  problems(caravan: CaravanRow, input: TripInput, today: string, selfId?: string): FieldProblem<keyof TripInput>[] {
    const problems: FieldProblem<keyof TripInput>[] = [];
    if (input.date > today) problems.push({ field: 'date', code: 'VENUE_RECORD_IN_FUTURE', params: { date: input.date } });
    if (!isCountyLevel(this.orgs.get(input.countyOrgId))) problems.push({ field: 'countyOrgId', code: 'VENUE_RECORD_COUNTY_UNKNOWN' });
    const same = this.logged.get(tripKey(caravan.id, input.date, input.destination));
    if (same && same.id !== selfId) {
      problems.push({ field: 'destination', code: 'CARAVAN_TRIP_EXISTS', status: 409, params: { caravan: caravan.name, date: input.date, destination: same.destination, existingId: same.id } });
    }
    return problems;
  }
}

function tripFields(input: TripInput) {
  const destination = input.destination.trim();
  return {
    trip_date: input.date,
    destination,
    destination_kind: input.destinationKind,
    destination_key: schoolKey(destination),
    county_org_id: input.countyOrgId,
    km: input.km,
    activities: input.activities ?? 1,
    people: input.people,
    note: input.note?.trim() ?? '',
  };
}

type TripFields = ReturnType<typeof tripFields>;
const tripRow = (ctx: ServiceContext, caravanId: string, fields: TripFields, now: string): CaravanTripRow => ({
  id: newId(),
  caravan_id: caravanId,
  ...fields,
  created_by: ctx.actor.userId,
  created_at: now,
  updated_at: now,
});

/** For the Excel import: a trip's row built as the form's is. */
export const newTripRow = (ctx: ServiceContext, caravanId: string, input: TripInput, now = nowIso()): CaravanTripRow => tripRow(ctx, caravanId, tripFields(input), now);

export async function presentTrips(db: Db, caravans: Map<string, Pick<CaravanRow, 'name'>>, rows: readonly CaravanTripRow[]): Promise<CaravanTrip[]> {
  const orgs = await orgsById(db, rows.map((r) => r.county_org_id));
  return rows.map((row) => ({
    id: row.id,
    caravanId: row.caravan_id,
    caravanName: caravans.get(row.caravan_id)?.name ?? '',
    date: row.trip_date,
    destination: row.destination,
    destinationKind: row.destination_kind,
    countyOrgId: row.county_org_id,
    countyName: orgs.get(row.county_org_id)?.name ?? '',
    km: row.km,
    activities: row.activities,
    people: row.people,
    note: row.note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}

const trips = recordsUnder<CaravanRow, CaravanTripRow, TripInput, CaravanTrip, TripFields>({
  entity: 'caravan_trip',
  notFound: 'CARAVAN_TRIP_NOT_FOUND',
  parentInScope: caravanRowInScope,
  store: { find: repo.findTrip, insert: repo.insertTrips, update: repo.updateTrip, remove: repo.deleteTrip },
  resolve: async (db, caravan, input, selfId) => {
    const checks = await TripChecks.load(db, [{ caravanId: caravan.id, date: input.date, countyOrgId: input.countyOrgId }]);
    return { problems: checks.problems(caravan, input, todayInBeijing(), selfId), fields: tripFields(input) };
  },
  newRow: tripRow,
  present: (db, caravan, rows) => presentTrips(db, new Map([[caravan.id, caravan]]), rows),
});

/** Logs a caravan's trip to one destination; the same vehicle, day and destination answers 409. */
export const createTrip = trips.create;
export const updateTrip = trips.update;
export const deleteTrip = trips.remove;
/** Writes checked trips in one transaction (or the import's) with one audit entry for the batch. */
export const insertPlannedTrips = trips.insertPlanned;

export function listTrips(ctx: ServiceContext, caravanId: string, query: TripListQuery): Promise<TripPage> {
  return trips.list(ctx, caravanId, query, (window) => repo.findTrips(ctx.db, { caravanId, from: query.from, to: query.to }, window));
}
