import { sql, type Kysely, type Updateable } from 'kysely';
import type { Database } from '../../database.ts';
import { dialectOf } from '../../platform/db/connection.ts';
import { likeContaining } from '../../platform/db/like.ts';
import { findPage, type RowWindow } from '../../platform/db/pagination.ts';
import { inOrgSubtree } from '../orgs/index.ts';
import type { BookingRow, BookingSlotRow, BookingStatus, BookingTable, NewBookingSlotRow } from './booking.table.ts';

type Executor = Kysely<Database>;

// ---- slots --------------------------------------------------------------------

export function findSlotById(db: Executor, id: string): Promise<BookingSlotRow | undefined> {
  return db.selectFrom('booking_slots').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The slot, locked until the transaction ends on PostgreSQL; SQLite's single writer already serialises. */
export function findSlotForUpdate(db: Executor, id: string): Promise<BookingSlotRow | undefined> {
  let query = db.selectFrom('booking_slots').selectAll().where('id', '=', id);
  if (dialectOf(db) === 'postgres') query = query.forUpdate();
  return query.executeTakeFirst();
}

export function findSlots(db: Executor, filter: { venueId: string; from: string; to: string; status?: 'open' }): Promise<BookingSlotRow[]> {
  let query = db.selectFrom('booking_slots').selectAll().where('venue_id', '=', filter.venueId).where('slot_date', '>=', filter.from).where('slot_date', '<=', filter.to);
  if (filter.status) query = query.where('status', '=', filter.status);
  return query.orderBy('slot_date').orderBy('starts_at').execute();
}

/** Open slots with room from `from` on, per venue: what the public venue list counts. */
export async function countBookableSlots(db: Executor, venueIds: readonly string[], from: string, to: string): Promise<Map<string, number>> {
  if (venueIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('booking_slots')
    .select(['venue_id', sql<number>`count(*)`.as('slots')])
    .where('venue_id', 'in', venueIds)
    .where('status', '=', 'open')
    .where('slot_date', '>=', from)
    .where('slot_date', '<=', to)
    .whereRef('taken', '<', 'capacity')
    .groupBy('venue_id')
    .execute();
  return new Map(rows.map((r) => [r.venue_id, Number(r.slots)]));
}

export async function insertSlots(db: Executor, rows: readonly NewBookingSlotRow[]): Promise<void> {
  // 12 columns a row: 500 rows stay under both databases' bound-parameter limits.
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('booking_slots').values(rows.slice(i, i + 500)).execute();
}

export async function updateSlot(db: Executor, id: string, changes: Updateable<Database['booking_slots']>): Promise<void> {
  await db.updateTable('booking_slots').set(changes).where('id', '=', id).execute();
}

/** Changes a slot's capacity only while it still holds everyone booked: false when it would not. */
export async function setSlotCapacity(db: Executor, id: string, capacity: number, now: string): Promise<boolean> {
  const result = await db.updateTable('booking_slots').set({ capacity, updated_at: now }).where('id', '=', id).where('taken', '<=', capacity).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Deletes these slots unless a booking (in any status) refers to one; returns how many went. */
export async function deleteSlotsWithoutBookings(db: Executor, ids: readonly string[]): Promise<number> {
  let deleted = 0;
  for (let i = 0; i < ids.length; i += 500) {
    const result = await db
      .deleteFrom('booking_slots')
      .where('id', 'in', ids.slice(i, i + 500))
      .where((eb) => eb.not(eb.exists(eb.selectFrom('bookings').select('bookings.id').whereRef('bookings.slot_id', '=', 'booking_slots.id'))))
      .executeTakeFirst();
    deleted += Number(result.numDeletedRows);
  }
  return deleted;
}

/**
 * Takes `people` places in an open slot if, and only if, they are free. The
 * condition sits in the UPDATE itself, so two bookings racing for the last
 * place cannot both succeed: PostgreSQL re-checks the WHERE after the row lock
 * is released, SQLite runs one writer at a time. Returns whether it took them.
 */
export async function takePlaces(db: Executor, slotId: string, people: number, now: string): Promise<boolean> {
  const result = await db
    .updateTable('booking_slots')
    .set({ taken: sql`taken + ${people}`, updated_at: now })
    .where('id', '=', slotId)
    .where('status', '=', 'open')
    .where(sql<boolean>`taken + ${people} <= capacity`)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Frees places (cancelled, refused, a smaller group); never below zero. */
export async function releasePlaces(db: Executor, slotId: string, people: number, now: string): Promise<void> {
  await db
    .updateTable('booking_slots')
    .set({ taken: sql`taken - ${people}`, updated_at: now })
    .where('id', '=', slotId)
    .where('taken', '>=', people)
    .executeTakeFirstOrThrow();
}

// ---- bookings -----------------------------------------------------------------

export async function insertBooking(db: Executor, row: BookingRow): Promise<void> {
  await db.insertInto('bookings').values(row).execute();
}

export async function updateBooking(db: Executor, id: string, changes: Updateable<BookingTable>): Promise<void> {
  await db.updateTable('bookings').set(changes).where('id', '=', id).execute();
}

export function findBookingById(db: Executor, id: string): Promise<BookingRow | undefined> {
  return db.selectFrom('bookings').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findBookingByReference(db: Executor, reference: string): Promise<BookingRow | undefined> {
  return db.selectFrom('bookings').selectAll().where('reference', '=', reference).executeTakeFirst();
}

/** The slot's waiting list, first in line first. */
export function findWaitingList(db: Executor, slotId: string): Promise<BookingRow[]> {
  return db.selectFrom('bookings').selectAll().where('slot_id', '=', slotId).where('status', '=', 'waitlisted').orderBy('queued_at').orderBy('id').execute();
}

/** How many waiting entries are ahead of, or level with, this one: its place in line. */
export async function waitingPosition(db: Executor, booking: Pick<BookingRow, 'slot_id' | 'queued_at' | 'id'>): Promise<number> {
  const row = await db
    .selectFrom('bookings')
    .select(sql<number>`count(*)`.as('ahead'))
    .where('slot_id', '=', booking.slot_id)
    .where('status', '=', 'waitlisted')
    .where((eb) => eb.or([eb('queued_at', '<', booking.queued_at), eb.and([eb('queued_at', '=', booking.queued_at), eb('id', '<=', booking.id)])]))
    .executeTakeFirstOrThrow();
  return Number(row.ahead);
}

export async function countWaitingBySlot(db: Executor, slotIds: readonly string[]): Promise<Map<string, number>> {
  if (slotIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('bookings')
    .select(['slot_id', sql<number>`count(*)`.as('waiting')])
    .where('slot_id', 'in', slotIds)
    .where('status', '=', 'waitlisted')
    .groupBy('slot_id')
    .execute();
  return new Map(rows.map((r) => [r.slot_id, Number(r.waiting)]));
}

export interface BookingFilter {
  scopeRootId: string;
  venueId?: string;
  from?: string;
  to?: string;
  status?: BookingStatus;
  /** Words in the organisation's name. */
  q?: string;
  /** A reference as stored (XXXX-XXXX), matched alongside `q`. */
  reference?: string;
}

export type BookingWithSlot = BookingRow & Pick<BookingSlotRow, 'slot_date' | 'starts_at' | 'ends_at' | 'capacity' | 'owner_org_id'>;

export function findBookings(db: Executor, filter: BookingFilter, window: RowWindow): Promise<{ rows: BookingWithSlot[]; total: number }> {
  let query = db.selectFrom('bookings').innerJoin('booking_slots', 'booking_slots.id', 'bookings.slot_id').where(inOrgSubtree(filter.scopeRootId, 'booking_slots.owner_org_id'));
  if (filter.venueId) query = query.where('bookings.venue_id', '=', filter.venueId);
  if (filter.from) query = query.where('booking_slots.slot_date', '>=', filter.from);
  if (filter.to) query = query.where('booking_slots.slot_date', '<=', filter.to);
  if (filter.status) query = query.where('bookings.status', '=', filter.status);
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) => eb.or([eb('bookings.organisation', 'like', likeContaining(q)), ...(filter.reference ? [eb('bookings.reference', '=', filter.reference)] : [])]));
  }
  return findPage(
    query,
    (q) =>
      q
        .selectAll('bookings')
        .select(['booking_slots.slot_date', 'booking_slots.starts_at', 'booking_slots.ends_at', 'booking_slots.capacity', 'booking_slots.owner_org_id'])
        .orderBy('booking_slots.slot_date')
        .orderBy('booking_slots.starts_at')
        .orderBy('bookings.queued_at')
        .orderBy('bookings.created_at'),
    window,
  );
}
