/** The science-museum system (五位一体): venues, visit figures, school outreach, caravans, touring shows. */
export type { VenueTables, VenueKind, VenueStatus } from './venue.table.ts';
export { recordGroupAttendance, type GroupAttendance } from './visit-attendance.ts';
export { venueRoutes } from './venue.routes.ts';
export { venuePolicy } from './venue.policy.ts';
export { createVenue, updateVenue, deleteVenue, getVenue, listVenues, venueInScope, publicVenue, listPublicVenues } from './venue.service.ts';
export type { Venue, VenueInput, VenueListQuery } from './venue.schemas.ts';
