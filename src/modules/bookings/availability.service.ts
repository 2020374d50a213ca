import type { Db } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { listPublicVenues, publicVenue, type Venue } from '../venues/index.ts';
import { addDays, beijingToday, hasStarted } from './booking-time.ts';
import * as repo from './booking.repository.ts';
import type { BookingSlotRow } from './booking.table.ts';

/** How far ahead the portal offers slots. */
export const bookingHorizonDays = 60;

export interface BookableVenue {
  venue: Venue;
  /** Open slots with room in the horizon. */
  openSlots: number;
}

/** Open venues that have at least one slot with room in the coming weeks. */
export async function listBookableVenues(db: Db): Promise<BookableVenue[]> {
  const venues = await listPublicVenues(db);
  const today = beijingToday();
  const counts = await repo.countBookableSlots(db, venues.map((v) => v.id), today, addDays(today, bookingHorizonDays));
  return venues.filter((venue) => (counts.get(venue.id) ?? 0) > 0).map((venue) => ({ venue, openSlots: counts.get(venue.id)! }));
}

/** A slot as the public sees it: how many places are left, and whether it can be booked now or only waited for. */
export interface SlotAvailability {
  id: string;
  date: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  left: number;
  waiting: number;
  /** book: has room · wait: full, the waiting list is open · closed: staff stopped bookings. */
  state: 'book' | 'wait' | 'closed';
}

export interface VenueAvailability {
  venue: Venue;
  /** Dates in the horizon that have slots, with how many places are left that day. */
  dates: { date: string; left: number }[];
  /** The slots of the chosen date (the first date with room when none is chosen). */
  date: string | null;
  slots: SlotAvailability[];
}

function availabilityOf(slot: BookingSlotRow, waiting: number): SlotAvailability {
  const left = Math.max(0, slot.capacity - slot.taken);
  // A full slot is never offered for booking: only its waiting list.
  const state = slot.status !== 'open' ? 'closed' : left > 0 ? 'book' : 'wait';
  return { id: slot.id, date: slot.slot_date, startsAt: slot.starts_at, endsAt: slot.ends_at, capacity: slot.capacity, left, waiting, state };
}

/** A venue's slots in the horizon that have not started. */
async function upcomingSlotRows(db: Db, venueId: string): Promise<BookingSlotRow[]> {
  const today = beijingToday();
  return (await repo.findSlots(db, { venueId, from: today, to: addDays(today, bookingHorizonDays) })).filter((slot) => !hasStarted(slot));
}

/** Every upcoming slot of a venue with its places: what a booker may move a booking to. */
export async function upcomingSlots(db: Db, venueId: string): Promise<SlotAvailability[]> {
  const slots = await upcomingSlotRows(db, venueId);
  const waiting = await repo.countWaitingBySlot(db, slots.map((s) => s.id));
  return slots.map((slot) => availabilityOf(slot, waiting.get(slot.id) ?? 0));
}

/** What the booking page shows for a venue, read live on every request. Slots that have started are not shown. */
export async function venueAvailability(db: Db, venueId: string, chosenDate?: string): Promise<VenueAvailability> {
  const venue = await publicVenue(db, venueId);
  if (!venue) throw new AppError('BOOKING_VENUE_NOT_BOOKABLE', 404);
  const slots = await upcomingSlotRows(db, venueId);
  const perDate = new Map<string, number>();
  for (const slot of slots) perDate.set(slot.slot_date, (perDate.get(slot.slot_date) ?? 0) + (slot.status === 'open' ? Math.max(0, slot.capacity - slot.taken) : 0));
  const dates = [...perDate].map(([date, left]) => ({ date, left }));
  const date = chosenDate && perDate.has(chosenDate) ? chosenDate : (dates.find((d) => d.left > 0)?.date ?? dates[0]?.date ?? null);
  const shown = slots.filter((slot) => slot.slot_date === date);
  const waiting = await repo.countWaitingBySlot(db, shown.map((s) => s.id));
  return { venue, dates, date, slots: shown.map((slot) => availabilityOf(slot, waiting.get(slot.id) ?? 0)) };
}

/** One slot for the booking form; undefined when it does not exist, has started, or its venue takes no bookings. */
export async function slotForBooking(db: Db, slotId: string): Promise<{ venue: Venue; slot: SlotAvailability } | undefined> {
  const slot = await repo.findSlotById(db, slotId);
  if (!slot || hasStarted(slot)) return undefined;
  const venue = await publicVenue(db, slot.venue_id);
  if (!venue) return undefined;
  const waiting = await repo.countWaitingBySlot(db, [slot.id]);
  return { venue, slot: availabilityOf(slot, waiting.get(slot.id) ?? 0) };
}
