import type { Db } from '../../database.ts';
import { nowIso } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { pageWindow } from '../../platform/http/schema.ts';
import { newId } from '../../platform/ids.ts';
import { recordAudit } from '../audit/index.ts';
import type { OrgRow } from '../orgs/index.ts';
import { todayInBeijing } from './calendar.ts';
import * as repo from './caravan.repository.ts';
import type { Caravan, CaravanInput, CaravanListQuery, CaravanPage, CaravanTrip, TripInput, TripListQuery, TripPage } from './caravan.schemas.ts';
import { refuseAny, refuseIfNameTaken, type FieldProblem } from './field-problems.ts';
import { isCountyLevel, orgsById, ownerAndNameProblems } from './places.ts';
import { schoolKey } from './school-names.ts';
import { venuePolicy } from './venue.policy.ts';
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

export async function caravanRowInScope(db: Db, ctx: ServiceContext, id: string): Promise<CaravanRow> {
  const row = await repo.findCaravanById(db, id, ctx.actor.orgId);
  if (!row) throw new AppError('CARAVAN_NOT_FOUND', 404);
  return row;
}

const checkCaravan = (db: Db, ctx: ServiceContext, input: CaravanInput, selfId?: string) =>
  ownerAndNameProblems(db, ctx.actor.orgId, { ...input, selfId }, { findByName: repo.findCaravanByName, ownerOutOfScope: 'CARAVAN_OWNER_OUT_OF_SCOPE', nameTaken: 'CARAVAN_NAME_TAKEN' });

const caravanFields = (input: CaravanInput) => ({ name: input.name.trim(), owner_org_id: input.ownerOrgId, status: input.status ?? ('active' as const), note: input.note?.trim() ?? '' });

export async function createCaravan(ctx: ServiceContext, input: CaravanInput): Promise<Caravan> {
  venuePolicy.assertCan(ctx.actor, 'write');
  return ctx.db
    .transaction()
    .execute(async (trx) => {
      refuseAny(await checkCaravan(trx, ctx, input));
      const now = nowIso();
      const row: CaravanRow = { id: newId(), ...caravanFields(input), created_at: now, updated_at: now };
      await repo.insertCaravan(trx, row);
      const [view] = await presentCaravans(trx, [row]);
      await recordAudit(trx, ctx, { entity: 'caravan', entityId: row.id, orgId: row.owner_org_id, action: 'create', before: null, after: view });
      return view!;
    })
    .catch((err) => refuseIfNameTaken(err, 'CARAVAN_NAME_TAKEN', input.name));
}

export async function updateCaravan(ctx: ServiceContext, id: string, input: CaravanInput): Promise<Caravan> {
  return ctx.db
    .transaction()
    .execute(async (trx) => {
      const before = await caravanRowInScope(trx, ctx, id);
      venuePolicy.assertCan(ctx.actor, 'write');
      refuseAny(await checkCaravan(trx, ctx, input, id));
      const after: CaravanRow = { ...before, ...caravanFields(input), updated_at: nowIso() };
      const { id: _id, ...changes } = after;
      await repo.updateCaravan(trx, id, changes);
      const [beforeView, afterView] = await presentCaravans(trx, [before, after]);
      await recordAudit(trx, ctx, { entity: 'caravan', entityId: id, orgId: after.owner_org_id, action: 'update', before: beforeView, after: afterView });
      return afterView!;
    })
    .catch((err) => refuseIfNameTaken(err, 'CARAVAN_NAME_TAKEN', input.name));
}

export async function deleteCaravan(ctx: ServiceContext, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await caravanRowInScope(trx, ctx, id);
    venuePolicy.assertCan(ctx.actor, 'write');
    if (await repo.caravanHasTrips(trx, id)) throw new AppError('CARAVAN_HAS_TRIPS', 409, { params: { name: before.name } });
    await repo.deleteCaravan(trx, id);
    const [view] = await presentCaravans(trx, [before]);
    await recordAudit(trx, ctx, { entity: 'caravan', entityId: id, orgId: before.owner_org_id, action: 'delete', before: view, after: null });
  });
}

export async function getCaravan(ctx: ServiceContext, id: string): Promise<Caravan> {
  const row = await caravanRowInScope(ctx.db, ctx, id);
  venuePolicy.assertCan(ctx.actor, 'read');
  return (await presentCaravans(ctx.db, [row]))[0]!;
}

export async function listCaravans(ctx: ServiceContext, query: CaravanListQuery): Promise<CaravanPage> {
  venuePolicy.assertCan(ctx.actor, 'read');
  const window = pageWindow(query);
  const { rows, total } = await repo.findCaravans(ctx.db, { scopeRootId: ctx.actor.orgId, ownerOrgId: query.ownerOrgId, status: query.status }, window);
  return { items: await presentCaravans(ctx.db, rows), total, page: window.page, pageSize: window.pageSize };
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

export function newTripRow(ctx: ServiceContext, caravanId: string, input: TripInput, now = nowIso()): CaravanTripRow {
  return { id: newId(), caravan_id: caravanId, ...tripFields(input), created_by: ctx.actor.userId, created_at: now, updated_at: now };
}

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

/** Logs a caravan's trip to one destination; the same vehicle, day and destination answers 409. */
export async function createTrip(ctx: ServiceContext, caravanId: string, input: TripInput): Promise<CaravanTrip> {
  return ctx.db.transaction().execute(async (trx) => {
    const caravan = await caravanRowInScope(trx, ctx, caravanId);
    venuePolicy.assertCan(ctx.actor, 'write');
    const checks = await TripChecks.load(trx, [{ caravanId, date: input.date, countyOrgId: input.countyOrgId }]);
    refuseAny(checks.problems(caravan, input, todayInBeijing()));
    const row = newTripRow(ctx, caravanId, input);
    await repo.insertTrips(trx, [row]);
    const [view] = await presentTrips(trx, new Map([[caravan.id, caravan]]), [row]);
    await recordAudit(trx, ctx, { entity: 'caravan_trip', entityId: row.id, orgId: caravan.owner_org_id, action: 'create', before: null, after: view });
    return view!;
  });
}

async function tripInScope(db: Db, ctx: ServiceContext, caravanId: string, id: string) {
  const caravan = await caravanRowInScope(db, ctx, caravanId);
  const row = await repo.findTrip(db, caravanId, id);
  if (!row) throw new AppError('CARAVAN_TRIP_NOT_FOUND', 404);
  venuePolicy.assertCan(ctx.actor, 'write');
  return { caravan, row };
}

export async function updateTrip(ctx: ServiceContext, caravanId: string, id: string, input: TripInput): Promise<CaravanTrip> {
  return ctx.db.transaction().execute(async (trx) => {
    const { caravan, row: before } = await tripInScope(trx, ctx, caravanId, id);
    const checks = await TripChecks.load(trx, [{ caravanId, date: input.date, countyOrgId: input.countyOrgId }]);
    refuseAny(checks.problems(caravan, input, todayInBeijing(), id));
    const after: CaravanTripRow = { ...before, ...tripFields(input), updated_at: nowIso() };
    const { id: _id, ...changes } = after;
    await repo.updateTrip(trx, id, changes);
    const [beforeView, afterView] = await presentTrips(trx, new Map([[caravan.id, caravan]]), [before, after]);
    await recordAudit(trx, ctx, { entity: 'caravan_trip', entityId: id, orgId: caravan.owner_org_id, action: 'update', before: beforeView, after: afterView });
    return afterView!;
  });
}

export async function deleteTrip(ctx: ServiceContext, caravanId: string, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const { caravan, row } = await tripInScope(trx, ctx, caravanId, id);
    await repo.deleteTrip(trx, id);
    const [view] = await presentTrips(trx, new Map([[caravan.id, caravan]]), [row]);
    await recordAudit(trx, ctx, { entity: 'caravan_trip', entityId: id, orgId: caravan.owner_org_id, action: 'delete', before: view, after: null });
  });
}

export async function listTrips(ctx: ServiceContext, caravanId: string, query: TripListQuery): Promise<TripPage> {
  const caravan = await caravanRowInScope(ctx.db, ctx, caravanId);
  venuePolicy.assertCan(ctx.actor, 'read');
  const window = pageWindow(query);
  const { rows, total } = await repo.findTrips(ctx.db, { caravanId, from: query.from, to: query.to }, window);
  return { items: await presentTrips(ctx.db, new Map([[caravan.id, caravan]]), rows), total, page: window.page, pageSize: window.pageSize };
}

/** Writes checked trips in one transaction (or the import's) with one audit entry for the batch. */
export async function insertPlannedTrips(ctx: ServiceContext, rows: readonly CaravanTripRow[], origin: string): Promise<string[]> {
  venuePolicy.assertCan(ctx.actor, 'write');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertTrips(trx, rows);
    await recordAudit(trx, ctx, {
      entity: 'caravan_trip',
      entityId: null,
      orgId: ctx.actor.orgId,
      action: 'import',
      before: null,
      after: { source: origin, count: rows.length, firstId: rows[0]?.id ?? null, lastId: rows.at(-1)?.id ?? null },
    });
  });
  return rows.map((row) => row.id);
}
