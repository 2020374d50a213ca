/** The science-museum system (五位一体): venues, visit figures, school outreach, caravans, touring shows. */
export type { VenueTables, VenueKind, VenueStatus } from './venue.table.ts';
export { recordGroupAttendance, type GroupAttendance } from './visit-attendance.ts';
export { venueRoutes } from './venue.routes.ts';
export { venuePolicy } from './venue.policy.ts';
export { createVenue, updateVenue, deleteVenue, getVenue, listVenues, venueInScope, publicVenue, listPublicVenues } from './venue.service.ts';
export { createVisit, updateVisit, deleteVisit, listVisits } from './visit.service.ts';
export { createOutreach, updateOutreach, deleteOutreach, listOutreach } from './outreach.service.ts';
export { createCaravan, updateCaravan, deleteCaravan, getCaravan, listCaravans, createTrip, updateTrip, deleteTrip, listTrips } from './caravan.service.ts';
export { createShow, updateShow, deleteShow, getShow, listShows, createStop, createStops, updateStop, deleteStop, listStops } from './touring.service.ts';
export { venueFigures, figuresFor as venueFiguresFor } from './figures.service.ts';
export { loadDemoVenues } from './venue.demo.ts';
export { venueIndicators } from './venue.indicators.ts';
export type { Venue, VenueInput, VenueListQuery } from './venue.schemas.ts';
export type { Visit, VisitInput } from './visit.schemas.ts';
export type { VenueFigures, VenueFiguresQuery, VenueFigureDimension } from './figures.schemas.ts';
