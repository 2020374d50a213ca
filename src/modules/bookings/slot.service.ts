import { nowIso } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { recordAudit } from '../audit/index.ts';
import { listVenues, venueInScope, type Venue } from '../venues/index.ts';
import { addDays, beijingToday, datesBetween, isoWeekday } from './booking-time.ts';
import { bookingPolicy } from './booking.policy.ts';
import * as repo from './booking.repository.ts';
import type { GenerateSlotsInput, GenerateSlotsResult, Slot, SlotList, SlotListQuery, SlotPatch } from './booking.schemas.ts';
import type { BookingSlotRow, NewBookingSlotRow } from './booking.table.ts';
import { lockSlots, offerFreedPlaces } from './places.ts';
import { venueOfRecord } from './venue-scope.ts';
import './booking.messages.ts';

/** One generation covers at most a year: enough for any opening plan, small enough for one transaction. */
export const maxGenerationDays = 366;

function checkPlan(input: GenerateSlotsInput): void {
  if (input.to < input.from) throw new AppError('SLOT_DATES_REVERSED', 400, { params: { from: input.from, to: input.to }, details: [{ path: 'body.to', message: 'SLOT_DATES_REVERSED' }] });
  if (datesBetween(input.from, input.to).length > maxGenerationDays) {
    throw new AppError('SLOT_RANGE_TOO_LONG', 400, { params: { days: maxGenerationDays }, details: [{ path: 'body.to', message: 'SLOT_RANGE_TOO_LONG' }] });
  }
  const times = [...input.times].sort((a, b) => a.start.localeCompare(b.start));
  times.forEach((range, i) => {
    if (range.end <= range.start) throw new AppError('SLOT_TIMES_REVERSED', 400, { params: range, details: [{ path: `body.times.${input.times.indexOf(range)}`, message: 'SLOT_TIMES_REVERSED' }] });
    const previous = times[i - 1];
    if (previous && range.start < previous.end) {
      throw new AppError('SLOT_TIMES_OVERLAP', 400, {
        params: { first: `${previous.start}–${previous.end}`, second: `${range.start}–${range.end}` },
        details: [{ path: `body.times.${input.times.indexOf(range)}`, message: 'SLOT_TIMES_OVERLAP' }],
      });
    }
  });
}

/**
 * Makes a venue's slots for a date range from its opening plan: the chosen
 * weekdays × the day's time ranges, none on closure dates. Generating again
 * over the same range brings the slots in line with the new plan: new slots
 * are added, changed ones updated, and slots no longer in the plan removed —
 * except a slot anyone has booked, which is kept (and counted as kept) for
 * staff to settle with the group. A capacity below what is already booked is
 * refused and nothing changes.
 */
export async function generateSlots(ctx: ServiceContext, venueId: string, input: GenerateSlotsInput): Promise<GenerateSlotsResult> {
  bookingPolicy.assertCan(ctx.actor, 'manage');
  const venue = await venueInScope(ctx, venueId);
  checkPlan(input);
  const closed = new Set(input.closedDates ?? []);
  const weekdays = new Set(input.weekdays);
  const planned = datesBetween(input.from, input.to)
    .filter((date) => weekdays.has(isoWeekday(date)) && !closed.has(date))
    .flatMap((date) => input.times.map((range) => ({ date, ...range })));

  return ctx.db.transaction().execute(async (trx) => {
    const existing = await repo.findSlots(trx, { venueId, from: input.from, to: input.to });
    const byTime = new Map(existing.map((slot) => [`${slot.slot_date} ${slot.starts_at}`, slot]));
    const now = nowIso();
    const toInsert: NewBookingSlotRow[] = [];
    const changed: BookingSlotRow[] = [];
    for (const plan of planned) {
      const slot = byTime.get(`${plan.date} ${plan.start}`);
      byTime.delete(`${plan.date} ${plan.start}`);
      if (!slot) {
        toInsert.push({ id: newId(), venue_id: venueId, owner_org_id: venue.ownerOrgId, slot_date: plan.date, starts_at: plan.start, ends_at: plan.end, capacity: input.capacity, taken: 0, status: 'open', created_at: now, updated_at: now });
      } else if (slot.ends_at !== plan.end || slot.capacity !== input.capacity) {
        changed.push({ ...slot, ends_at: plan.end, capacity: input.capacity });
      }
    }
    for (const slot of changed) {
      await repo.updateSlot(trx, slot.id, { ends_at: slot.ends_at, updated_at: now });
      if (!(await repo.setSlotCapacity(trx, slot.id, slot.capacity, now))) {
        const { taken } = (await repo.findSlotById(trx, slot.id))!;
        throw new AppError('SLOT_CAPACITY_BELOW_TAKEN', 409, { params: { taken }, details: [{ path: 'body.capacity', message: `${slot.slot_date} ${slot.starts_at}` }] });
      }
    }
    await repo.insertSlots(trx, toInsert);
    const unplanned = [...byTime.values()].map((slot) => slot.id);
    const removed = await repo.deleteSlotsWithoutBookings(trx, unplanned);
    const result = { created: toInsert.length, updated: changed.length, removed, kept: unplanned.length - removed };
    // Larger slots have room for their waiting lists.
    for (const slot of changed) {
      await lockSlots(trx, [slot.id]);
      await offerFreedPlaces(trx, ctx, slot.id);
    }
    await recordAudit(trx, ctx, { entity: 'booking_slot', entityId: null, orgId: venue.ownerOrgId, action: 'generate', before: null, after: { venueId, ...input, ...result } });
    return result;
  });
}

function toSlot(row: BookingSlotRow, waiting: number): Slot {
  return { id: row.id, venueId: row.venue_id, date: row.slot_date, startsAt: row.starts_at, endsAt: row.ends_at, capacity: row.capacity, taken: row.taken, waiting, status: row.status };
}

/** A venue's slots over a range (default: the coming four weeks), with how many places are taken and groups wait. */
export async function listSlots(ctx: ServiceContext, venueId: string, query: SlotListQuery): Promise<SlotList> {
  bookingPolicy.assertCan(ctx.actor, 'read');
  await venueInScope(ctx, venueId);
  const from = query.from ?? beijingToday();
  const to = query.to ?? addDays(from, 27);
  const rows = await repo.findSlots(ctx.db, { venueId, from, to });
  const waiting = await repo.countWaitingBySlot(ctx.db, rows.map((r) => r.id));
  return { items: rows.map((row) => toSlot(row, waiting.get(row.id) ?? 0)) };
}

/** Closes a slot to new bookings (its bookings stay) or opens it again; changes its capacity, never below what is booked. */
export async function updateSlot(ctx: ServiceContext, slotId: string, patch: SlotPatch): Promise<Slot> {
  bookingPolicy.assertCan(ctx.actor, 'manage');
  const seen = await repo.findSlotById(ctx.db, slotId);
  if (!seen) throw new AppError('BOOKING_SLOT_NOT_FOUND', 404);
  await venueOfRecord(ctx, seen.venue_id, 'BOOKING_SLOT_NOT_FOUND');
  return ctx.db.transaction().execute(async (trx) => {
    const before = (await lockSlots(trx, [slotId])).get(slotId)!;
    const now = nowIso();
    if (patch.capacity !== undefined && !(await repo.setSlotCapacity(trx, slotId, patch.capacity, now))) {
      throw new AppError('SLOT_CAPACITY_BELOW_TAKEN', 409, { params: { taken: before.taken }, details: [{ path: 'body.capacity', message: 'SLOT_CAPACITY_BELOW_TAKEN' }] });
    }
    if (patch.status !== undefined) await repo.updateSlot(trx, slotId, { status: patch.status, updated_at: now });
    await offerFreedPlaces(trx, ctx, slotId);
    const after = (await repo.findSlotById(trx, slotId))!;
    await recordAudit(trx, ctx, { entity: 'booking_slot', entityId: slotId, orgId: before.owner_org_id, action: 'update', before, after });
    const waiting = await repo.countWaitingBySlot(trx, [slotId]);
    return toSlot(after, waiting.get(slotId) ?? 0);
  });
}

/** A venue named on the command line by its exact name or its id, within the actor's scope. */
export async function findVenueByNameOrId(ctx: ServiceContext, nameOrId: string): Promise<Venue> {
  const named = (await listVenues(ctx, { q: nameOrId, pageSize: 200 })).items.find((venue) => venue.name === nameOrId);
  if (named) return named;
  try {
    return await venueInScope(ctx, nameOrId);
  } catch (err) {
    throw err instanceof AppError && err.status === 404 ? new AppError('BOOKING_VENUE_NOT_FOUND', 404, { params: { venue: nameOrId } }) : err;
  }
}
