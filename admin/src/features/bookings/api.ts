import { useEffect, useState } from 'react';
import { api, type Page, type Query } from '../../app/api.ts';
import type { AttendanceInput, Booking, GenerateSlotsInput, GenerateSlotsResult, Slot, SlotList, SlotPatch } from '../../../../src/modules/bookings/booking.schemas.ts';
import type { Venue } from '../../../../src/modules/venues/venue.schemas.ts';

/** The server's own types: a booking (contact details in full: the console is for staff in scope), a slot, a slot plan. */
export type { Booking, GenerateSlotsInput, GenerateSlotsResult, Slot, AttendanceInput };
export type BookingStatus = Booking['status'];
export const bookingStatuses: BookingStatus[] = ['booked', 'confirmed', 'waitlisted', 'attended', 'no_show', 'refused', 'cancelled'];

export const fetchBookings = (query: Query) => api<Page<Booking>>('GET', '/bookings', undefined, query);
export const confirmBooking = (id: string) => api<Booking>('POST', `/bookings/${id}/confirm`);
export const refuseBooking = (id: string, reason: string) => api<Booking>('POST', `/bookings/${id}/refuse`, { reason });
export const recordAttendance = (id: string, input: AttendanceInput) => api<Booking>('POST', `/bookings/${id}/attendance`, input);

export const fetchSlots = (venueId: string, query: { from?: string; to?: string }) => api<SlotList>('GET', `/venues/${venueId}/slots`, undefined, query);
export const generateSlots = (venueId: string, plan: GenerateSlotsInput) => api<GenerateSlotsResult>('POST', `/venues/${venueId}/slots/generate`, plan);
export const updateSlot = (id: string, patch: SlotPatch) => api<Slot>('PATCH', `/booking-slots/${id}`, patch);

/** The open venues in the user's scope, which take bookings; loaded once per mount. */
export function useBookableVenues() {
  const [venues, setVenues] = useState<Venue[]>();
  useEffect(() => {
    let current = true;
    api<Page<Venue>>('GET', '/venues', undefined, { status: 'open', pageSize: 200 }).then(
      (page) => current && setVenues(page.items),
      () => current && setVenues([]),
    );
    return () => {
      current = false;
    };
  }, []);
  return venues;
}
