import type { Db } from '../../database.ts';
import { nowIso } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { hasStarted } from './booking-time.ts';
import * as repo from './booking.repository.ts';
import type { BookingRow, BookingSlotRow } from './booking.table.ts';
import { auditBooking } from './booking.audit.ts';

/**
 * The one rule every write that touches a slot's places follows: lock the
 * slot rows first (in id order, so two writers never wait on each other in a
 * circle), then read the bookings. Every change to a slot's `taken` happens
 * under that lock and through a conditional UPDATE, so the count can neither
 * pass the capacity nor lose a booking.
 */
export async function lockSlots(trx: Db, slotIds: readonly string[]): Promise<Map<string, BookingSlotRow>> {
  const locked = new Map<string, BookingSlotRow>();
  for (const id of [...new Set(slotIds)].sort()) {
    const slot = await repo.findSlotForUpdate(trx, id);
    if (slot) locked.set(id, slot);
  }
  return locked;
}

/**
 * Offers the places free in a slot to its waiting list, in the order the
 * groups joined: each waiting group that fits in what is left is booked (it
 * then awaits staff like any booking); a group too large for what is left
 * keeps its place in line for the next freed place, and smaller groups behind
 * it may go first. A slot that is closed or has started offers nothing.
 * Call with the slot locked (see lockSlots).
 */
export async function offerFreedPlaces(trx: Db, ctx: ServiceContext, slotId: string): Promise<BookingRow[]> {
  const slot = await repo.findSlotById(trx, slotId);
  if (!slot || slot.status !== 'open' || hasStarted(slot)) return [];
  let left = slot.capacity - slot.taken;
  const promoted: BookingRow[] = [];
  if (left <= 0) return promoted;
  for (const waiting of await repo.findWaitingList(trx, slotId)) {
    if (waiting.people > left) continue;
    const now = nowIso();
    if (!(await repo.takePlaces(trx, slotId, waiting.people, now))) throw new AppError('CONFLICT', 409);
    const after: BookingRow = { ...waiting, status: 'booked', updated_at: now };
    await repo.updateBooking(trx, waiting.id, { status: 'booked', updated_at: now });
    await auditBooking(trx, ctx, 'promote', waiting, after, slot);
    promoted.push(after);
    left -= waiting.people;
    if (left === 0) break;
  }
  return promoted;
}
