import type { Db } from '../../database.ts';
import { nowIso } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { AppError } from '../../platform/errors.ts';
import { pageWindow } from '../../platform/http/schema.ts';
import { translate } from '../../platform/i18n/catalogue.ts';
import { newId } from '../../platform/ids.ts';
import { publicVenue, recordGroupAttendance, venueInScope, type Venue } from '../venues/index.ts';
import { auditBooking } from './booking.audit.ts';
import { newBookingReference, parseBookingReference } from './booking-reference.ts';
import { beijingToday, hasStarted } from './booking-time.ts';
import { bookingPolicy } from './booking.policy.ts';
import * as repo from './booking.repository.ts';
import type { AttendanceInput, Booking, BookingListQuery, BookingPage, PublicBooking, PublicBookingInput } from './booking.schemas.ts';
import type { BookingRow, BookingSlotRow, BookingStatus } from './booking.table.ts';
import { isMobilePhone, maskName, maskPhone, normalisePhone } from './personal-data.ts';
import { lockSlots, offerFreedPlaces } from './places.ts';
import { venueOfRecord } from './venue-scope.ts';
import './booking.messages.ts';

/** Statuses whose people count in the slot's `taken`: every booking that got its places and did not give them back. */
const holdsPlaces = (status: BookingStatus) => status === 'booked' || status === 'confirmed' || status === 'attended' || status === 'no_show';
/** What the booker may still change or cancel: a booking whose visit has not happened and not been refused. */
const changeable = (status: BookingStatus) => status === 'booked' || status === 'confirmed' || status === 'waitlisted';
const statusLabel = (ctx: Pick<ServiceContext, 'locale'>, status: BookingStatus) => translate(ctx.locale, `booking.status.${status}`);

/** The audit log's actor for what members of the public do on the portal: no user, no role. */
export function publicBookingContext(db: Db, request: { ip?: string; requestId?: string } = {}): ServiceContext {
  return { db, locale: 'zh-CN', actor: { kind: 'system', userId: null, username: 'public:booking', orgId: '', roles: [] }, ip: request.ip, requestId: request.requestId };
}

// ---- the checks shared by booking and changing --------------------------------

function assertBookable(slot: BookingSlotRow, people: number): void {
  if (hasStarted(slot)) throw new AppError('BOOKING_SLOT_PAST', 409, { params: { date: slot.slot_date, time: slot.starts_at }, details: [{ path: 'body.slotId', message: 'BOOKING_SLOT_PAST' }] });
  if (slot.status !== 'open') throw new AppError('BOOKING_SLOT_CLOSED', 409, { details: [{ path: 'body.slotId', message: 'BOOKING_SLOT_CLOSED' }] });
  if (people > slot.capacity) {
    throw new AppError('BOOKING_GROUP_TOO_LARGE', 400, { params: { people, capacity: slot.capacity }, details: [{ path: 'body.people', message: 'BOOKING_GROUP_TOO_LARGE' }] });
  }
}

/** The slot cannot take `people`; `ownPlaces` are those the group already holds in it (when it grows in place). */
const slotFull = (slot: BookingSlotRow, people: number, ownPlaces = 0) =>
  new AppError('BOOKING_SLOT_FULL', 409, { params: { left: slot.capacity - slot.taken + ownPlaces, people }, details: [{ path: 'body.slotId', message: 'BOOKING_SLOT_FULL' }] });

function checkedPhone(input: string): string {
  const phone = normalisePhone(input);
  if (!isMobilePhone(phone)) throw new AppError('BOOKING_PHONE_INVALID', 400, { details: [{ path: 'body.contactPhone', message: 'BOOKING_PHONE_INVALID' }] });
  return phone;
}

async function bookableVenue(db: Db, venueId: string): Promise<Venue> {
  const venue = await publicVenue(db, venueId);
  if (!venue) throw new AppError('BOOKING_VENUE_NOT_BOOKABLE', 404);
  return venue;
}

// ---- the public: book, look up, change, cancel ----------------------------------

/**
 * Books places for a group, or puts it on the slot's waiting list when the
 * slot cannot take it and the booker asked to wait. The slot is locked for
 * the decision, so a place freed at the same moment goes to the waiting list
 * first and never to a group that arrived later.
 */
export async function createPublicBooking(ctx: ServiceContext, input: PublicBookingInput): Promise<PublicBooking> {
  const phone = checkedPhone(input.contactPhone);
  const slotSeen = await repo.findSlotById(ctx.db, input.slotId);
  if (!slotSeen) throw new AppError('BOOKING_SLOT_NOT_FOUND', 404, { details: [{ path: 'body.slotId', message: 'BOOKING_SLOT_NOT_FOUND' }] });
  const venue = await bookableVenue(ctx.db, slotSeen.venue_id);
  assertBookable(slotSeen, input.people);

  for (let attempt = 0; ; attempt++) {
    try {
      return await ctx.db.transaction().execute(async (trx) => {
        const slot = (await lockSlots(trx, [input.slotId])).get(input.slotId)!;
        assertBookable(slot, input.people);
        const now = nowIso();
        const gotPlaces = await repo.takePlaces(trx, slot.id, input.people, now);
        if (!gotPlaces && !input.joinWaitlist) throw slotFull(slot, input.people);
        const row: BookingRow = {
          id: newId(),
          reference: newBookingReference(),
          slot_id: slot.id,
          venue_id: slot.venue_id,
          people: input.people,
          organisation: input.organisation.trim(),
          contact_name: input.contactName.trim(),
          contact_phone: phone,
          status: gotPlaces ? 'booked' : 'waitlisted',
          queued_at: gotPlaces ? null : now,
          refusal_reason: null,
          attended_people: null,
          decided_by: null,
          decided_at: null,
          created_at: now,
          updated_at: now,
        };
        await repo.insertBooking(trx, row);
        await auditBooking(trx, ctx, 'create', null, row, slot);
        return presentPublic(trx, row, slot, venue);
      });
    } catch (err) {
      // Two references drawn alike: vanishingly rare, and a fresh one settles it.
      if (isUniqueViolation(err) && attempt < 3) continue;
      throw err;
    }
  }
}

/** Reads reference and phone as typed; a wrong pair answers as if the booking did not exist. */
async function bookingByReferenceAndPhone(db: Db, reference: string, phone: string): Promise<BookingRow> {
  const parsed = parseBookingReference(reference);
  const row = parsed ? await repo.findBookingByReference(db, parsed) : undefined;
  if (!row || row.contact_phone !== normalisePhone(phone)) throw new AppError('BOOKING_NOT_FOUND', 404, { details: [{ path: 'body.reference', message: 'BOOKING_NOT_FOUND' }] });
  return row;
}

export async function findPublicBooking(db: Db, reference: string, phone: string): Promise<PublicBooking> {
  const row = await bookingByReferenceAndPhone(db, reference, phone);
  const slot = (await repo.findSlotById(db, row.slot_id))!;
  const venue = await publicVenue(db, row.venue_id);
  return presentPublic(db, row, slot, venue);
}

/**
 * Moves a booking to another slot of the same venue and/or changes its group
 * size. A booking holding places keeps them only if the new slot has room
 * (nothing changes otherwise); the places it gives up are offered to the
 * waiting list. A changed confirmed booking goes back to 已预约 for staff to
 * confirm again. A waiting booking is booked if the new slot has room, and
 * otherwise waits: in its place in line on the same slot, at the end of the
 * new slot's list.
 */
export async function changePublicBooking(ctx: ServiceContext, reference: string, phone: string, change: { slotId: string; people: number }): Promise<PublicBooking> {
  const seen = await bookingByReferenceAndPhone(ctx.db, reference, phone);
  return ctx.db.transaction().execute(async (trx) => {
    const slots = await lockSlots(trx, [seen.slot_id, change.slotId]);
    const before = (await repo.findBookingById(trx, seen.id))!;
    if (before.slot_id !== seen.slot_id) throw new AppError('CONFLICT', 409);
    const oldSlot = slots.get(before.slot_id)!;
    const newSlot = slots.get(change.slotId);
    if (!newSlot || newSlot.venue_id !== before.venue_id) throw new AppError('BOOKING_SLOT_NOT_FOUND', 404, { details: [{ path: 'body.slotId', message: 'BOOKING_SLOT_NOT_FOUND' }] });
    if (!changeable(before.status)) throw new AppError('BOOKING_NOT_CHANGEABLE', 409, { params: { status: statusLabel(ctx, before.status) } });
    if (hasStarted(oldSlot)) throw new AppError('BOOKING_SLOT_PAST', 409, { params: { date: oldSlot.slot_date, time: oldSlot.starts_at } });
    if (newSlot.id === oldSlot.id && change.people === before.people) return presentPublic(trx, before, oldSlot, await publicVenue(trx, before.venue_id));
    // Staying in a closed slot is allowed (to make a group smaller); moving into one, or growing in it, is not.
    if (newSlot.id !== oldSlot.id || change.people > before.people) assertBookable(newSlot, change.people);

    const now = nowIso();
    let after: BookingRow;
    if (before.status === 'waitlisted') {
      const gotPlaces = await repo.takePlaces(trx, newSlot.id, change.people, now);
      const movesLine = newSlot.id !== oldSlot.id;
      after = { ...before, slot_id: newSlot.id, people: change.people, status: gotPlaces ? 'booked' : 'waitlisted', queued_at: gotPlaces ? before.queued_at : movesLine ? now : before.queued_at, updated_at: now };
    } else {
      if (newSlot.id === oldSlot.id) {
        const more = change.people - before.people;
        if (more > 0 && !(await repo.takePlaces(trx, newSlot.id, more, now))) throw slotFull(newSlot, change.people, before.people);
        if (more < 0) await repo.releasePlaces(trx, oldSlot.id, -more, now);
      } else {
        if (!(await repo.takePlaces(trx, newSlot.id, change.people, now))) throw slotFull(newSlot, change.people);
        await repo.releasePlaces(trx, oldSlot.id, before.people, now);
      }
      after = { ...before, slot_id: newSlot.id, people: change.people, status: 'booked', decided_by: null, decided_at: null, updated_at: now };
    }
    await repo.updateBooking(trx, before.id, { slot_id: after.slot_id, people: after.people, status: after.status, queued_at: after.queued_at, decided_by: after.decided_by, decided_at: after.decided_at, updated_at: now });
    await auditBooking(trx, ctx, 'change', before, after, newSlot);
    if (holdsPlaces(before.status)) await offerFreedPlaces(trx, ctx, oldSlot.id);
    return presentPublic(trx, after, (await repo.findSlotById(trx, newSlot.id))!, await publicVenue(trx, after.venue_id));
  });
}

/** Cancels a booking or leaves the waiting list; freed places go to the waiting list at once. */
export async function cancelPublicBooking(ctx: ServiceContext, reference: string, phone: string): Promise<PublicBooking> {
  const seen = await bookingByReferenceAndPhone(ctx.db, reference, phone);
  return ctx.db.transaction().execute(async (trx) => {
    const slot = (await lockSlots(trx, [seen.slot_id])).get(seen.slot_id)!;
    const before = (await repo.findBookingById(trx, seen.id))!;
    if (before.slot_id !== slot.id) throw new AppError('CONFLICT', 409);
    if (!changeable(before.status)) throw new AppError('BOOKING_NOT_CHANGEABLE', 409, { params: { status: statusLabel(ctx, before.status) } });
    if (hasStarted(slot)) throw new AppError('BOOKING_SLOT_PAST', 409, { params: { date: slot.slot_date, time: slot.starts_at } });
    const now = nowIso();
    const after: BookingRow = { ...before, status: 'cancelled', updated_at: now };
    await repo.updateBooking(trx, before.id, { status: 'cancelled', updated_at: now });
    if (holdsPlaces(before.status)) await repo.releasePlaces(trx, slot.id, before.people, now);
    await auditBooking(trx, ctx, 'cancel', before, after, slot);
    await offerFreedPlaces(trx, ctx, slot.id);
    return presentPublic(trx, after, slot, await publicVenue(trx, after.venue_id));
  });
}

async function presentPublic(db: Db, row: BookingRow, slot: BookingSlotRow, venue: Venue | undefined): Promise<PublicBooking> {
  return {
    reference: row.reference,
    venueId: row.venue_id,
    venueName: venue?.name ?? '',
    slotId: row.slot_id,
    date: slot.slot_date,
    startsAt: slot.starts_at,
    endsAt: slot.ends_at,
    people: row.people,
    organisation: row.organisation,
    contactName: maskName(row.contact_name),
    contactPhone: maskPhone(row.contact_phone),
    status: row.status,
    waitingPosition: row.status === 'waitlisted' ? await repo.waitingPosition(db, row) : null,
    refusalReason: row.refusal_reason,
    changeable: changeable(row.status) && !hasStarted(slot),
  };
}

// ---- staff: list, confirm, refuse, record attendance ---------------------------------

/** A booking the actor's scope covers, with its slot locked for the change; 404 otherwise. */
async function bookingInScopeForUpdate(trx: Db, ctx: ServiceContext, id: string): Promise<{ booking: BookingRow; slot: BookingSlotRow; venue: Venue }> {
  const seen = await repo.findBookingById(trx, id);
  if (!seen) throw new AppError('BOOKING_NOT_FOUND', 404);
  const venue = await venueOfRecord({ ...ctx, db: trx }, seen.venue_id, 'BOOKING_NOT_FOUND');
  const slot = (await lockSlots(trx, [seen.slot_id])).get(seen.slot_id)!;
  const booking = (await repo.findBookingById(trx, id))!;
  if (booking.slot_id !== slot.id) throw new AppError('CONFLICT', 409);
  return { booking, slot, venue };
}

function toBooking(row: BookingRow, slot: Pick<BookingSlotRow, 'slot_date' | 'starts_at' | 'ends_at'>, venueName: string): Booking {
  return {
    id: row.id,
    reference: row.reference,
    venueId: row.venue_id,
    venueName,
    slotId: row.slot_id,
    date: slot.slot_date,
    startsAt: slot.starts_at,
    endsAt: slot.ends_at,
    people: row.people,
    organisation: row.organisation,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    status: row.status,
    queuedAt: row.queued_at,
    refusalReason: row.refusal_reason,
    attendedPeople: row.attended_people,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Bookings of the venues in the actor's scope, by slot time; names and phones in full (they are staff in scope). */
export async function listBookings(ctx: ServiceContext, query: BookingListQuery): Promise<BookingPage> {
  bookingPolicy.assertCan(ctx.actor, 'read');
  const window = pageWindow(query);
  if (query.venueId) await venueInScope(ctx, query.venueId);
  const { rows, total } = await repo.findBookings(
    ctx.db,
    { scopeRootId: ctx.actor.orgId, venueId: query.venueId, from: query.from, to: query.to, status: query.status, q: query.q?.trim() || undefined, reference: parseBookingReference(query.q ?? '') ?? undefined },
    window,
  );
  const venueNames = new Map<string, string>();
  for (const venueId of new Set(rows.map((r) => r.venue_id))) venueNames.set(venueId, (await venueInScope(ctx, venueId)).name);
  return { items: rows.map((row) => toBooking(row, row, venueNames.get(row.venue_id) ?? '')), total, page: window.page, pageSize: window.pageSize };
}

async function decide(ctx: ServiceContext, id: string, decision: { kind: 'confirm' } | { kind: 'refuse'; reason: string }): Promise<Booking> {
  bookingPolicy.assertCan(ctx.actor, 'manage');
  return ctx.db.transaction().execute(async (trx) => {
    const { booking: before, slot, venue } = await bookingInScopeForUpdate(trx, ctx, id);
    // A waiting group can be refused (taken off the list), but only a booked one confirmed.
    const allowed = decision.kind === 'confirm' ? before.status === 'booked' : before.status === 'booked' || before.status === 'waitlisted';
    if (!allowed) throw new AppError('BOOKING_NOT_DECIDABLE', 409, { params: { status: statusLabel(ctx, before.status) } });
    const now = nowIso();
    const decided = { decided_by: ctx.actor.userId, decided_at: now, updated_at: now };
    const after: BookingRow =
      decision.kind === 'confirm' ? { ...before, ...decided, status: 'confirmed' } : { ...before, ...decided, status: 'refused', refusal_reason: decision.reason.trim() };
    await repo.updateBooking(trx, id, { status: after.status, refusal_reason: after.refusal_reason, ...decided });
    if (decision.kind === 'refuse' && holdsPlaces(before.status)) await repo.releasePlaces(trx, slot.id, before.people, now);
    await auditBooking(trx, ctx, decision.kind, before, after, slot);
    if (decision.kind === 'refuse') await offerFreedPlaces(trx, ctx, slot.id);
    return toBooking(after, slot, venue.name);
  });
}

export const confirmBooking = (ctx: ServiceContext, id: string) => decide(ctx, id, { kind: 'confirm' });
export const refuseBooking = (ctx: ServiceContext, id: string, reason: string) => decide(ctx, id, { kind: 'refuse', reason });

/**
 * 到馆登记: a confirmed group came (with the real head count) or did not.
 * The count goes into the venue's visit figures for the slot's day; recording
 * again corrects it rather than adding to it.
 */
export async function recordAttendance(ctx: ServiceContext, id: string, input: AttendanceInput): Promise<Booking> {
  bookingPolicy.assertCan(ctx.actor, 'manage');
  return ctx.db.transaction().execute(async (trx) => {
    const { booking: before, slot, venue } = await bookingInScopeForUpdate(trx, ctx, id);
    if (input.attended && input.people === undefined) throw new AppError('BOOKING_ATTENDED_PEOPLE_REQUIRED', 400, { details: [{ path: 'body.people', message: 'BOOKING_ATTENDED_PEOPLE_REQUIRED' }] });
    if (!['confirmed', 'attended', 'no_show'].includes(before.status)) throw new AppError('BOOKING_ATTENDANCE_NOT_ALLOWED', 409, { params: { status: statusLabel(ctx, before.status) } });
    // Groups arrive ahead of their slot: attendance is taken from the slot's day on, not from its start.
    if (slot.slot_date > beijingToday()) throw new AppError('BOOKING_ATTENDANCE_TOO_EARLY', 409, { params: { date: slot.slot_date } });
    const people = input.attended ? input.people! : 0;
    if (people > slot.capacity) throw new AppError('BOOKING_ATTENDANCE_TOO_MANY', 400, { params: { attended: people, capacity: slot.capacity }, details: [{ path: 'body.people', message: 'BOOKING_ATTENDANCE_TOO_MANY' }] });
    const now = nowIso();
    const after: BookingRow = { ...before, status: input.attended ? 'attended' : 'no_show', attended_people: people, updated_at: now };
    await repo.updateBooking(trx, id, { status: after.status, attended_people: people, updated_at: now });
    await auditBooking(trx, ctx, 'attendance', before, after, slot);
    await recordGroupAttendance(trx, ctx, { venueId: before.venue_id, date: slot.slot_date, people, bookingId: before.id });
    return toBooking(after, slot, venue.name);
  });
}
