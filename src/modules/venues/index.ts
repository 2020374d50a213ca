/** The science-museum system (五位一体): venues, visit figures, school outreach, caravans, touring shows. */
export type { VenueTables, VenueKind, VenueStatus } from './venue.table.ts';
export { recordGroupAttendance, type GroupAttendance } from './visit-attendance.ts';
