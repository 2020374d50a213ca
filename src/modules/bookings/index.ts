/** Group bookings (团体预约) of venues: time slots, bookings by the public with a waiting list, staff confirmation and attendance. */
export type { BookingTables, BookingStatus, SlotStatus } from './booking.table.ts';
export { bookingRoutes } from './booking.routes.ts';
export { bookingPolicy } from './booking.policy.ts';
export {
  createPublicBooking,
  findPublicBooking,
  changePublicBooking,
  cancelPublicBooking,
  publicBookingContext,
  listBookings,
  confirmBooking,
  refuseBooking,
  recordAttendance,
} from './booking.service.ts';
export { generateSlots, listSlots, updateSlot, findVenueByNameOrId } from './slot.service.ts';
export { loadDemoBookings, demoBookingVenue } from './booking.demo.ts';
export { listBookableVenues, venueAvailability, slotForBooking, upcomingSlots, bookingHorizonDays, type BookableVenue, type VenueAvailability, type SlotAvailability } from './availability.service.ts';
export { maxGroupSize, type Booking, type PublicBooking, type PublicBookingInput, type GenerateSlotsInput } from './booking.schemas.ts';
export { isMobilePhone, normalisePhone, maskName, maskPhone } from './personal-data.ts';
