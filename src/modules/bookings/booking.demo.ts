import type { Db } from '../../database.ts';
import { systemContext } from '../../platform/context.ts';
import { findRootOrg } from '../orgs/index.ts';
import { listPublicVenues } from '../venues/index.ts';
import { addDays, beijingToday } from './booking-time.ts';
import * as repo from './booking.repository.ts';
import { confirmBooking, createPublicBooking, publicBookingContext } from './booking.service.ts';
import { generateSlots } from './slot.service.ts';

/** The venue whose group visits the demo takes bookings for. */
export const demoBookingVenue = '南阳市科技馆';
const weeksAhead = 4;

/**
 * Groups booked at the demo's load: schools and a community centre, on days
 * counted from tomorrow. One slot (day 3, 10:30) is full with a group
 * waiting, so the waiting list shows. Names and numbers are invented.
 */
const demoGroups = [
  { day: 1, start: '09:00', people: 48, organisation: '南阳市第一中学', contactName: '张海燕', contactPhone: '13800001001', confirmed: true },
  { day: 1, start: '14:30', people: 35, organisation: '宛城区第五小学', contactName: '李国庆', contactPhone: '13800001002', confirmed: true },
  { day: 2, start: '10:30', people: 52, organisation: '卧龙区第二十一小学', contactName: '王丽', contactPhone: '13800001003', confirmed: true },
  { day: 3, start: '10:30', people: 40, organisation: '南阳市实验中学', contactName: '赵明', contactPhone: '13800001004', confirmed: true },
  { day: 3, start: '10:30', people: 20, organisation: '南阳市第十三小学', contactName: '孙静', contactPhone: '13800001005', confirmed: false },
  { day: 3, start: '10:30', people: 30, organisation: '南阳市第三中学', contactName: '周强', contactPhone: '13800001006', confirmed: false },
  { day: 5, start: '09:00', people: 25, organisation: '七一街道社区科普学校', contactName: '吴芳', contactPhone: '13800001007', confirmed: false },
  { day: 8, start: '14:30', people: 45, organisation: '南阳市第二十二中学', contactName: '郑伟', contactPhone: '13800001008', confirmed: false },
] as const;

/**
 * The demo's group bookings: 南阳市科技馆's slots for the coming four weeks
 * (open Tuesday to Sunday, three slots a day of 60 people), counted from the
 * day the demo is loaded, with a few groups booked. Skips what is there
 * already; does nothing when the venues demo has not made the venue.
 */
export async function loadDemoBookings(db: Db): Promise<{ slots: number; bookings: number }> {
  const venue = (await listPublicVenues(db)).find((v) => v.name === demoBookingVenue);
  const root = await findRootOrg(db);
  if (!venue || !root) return { slots: 0, bookings: 0 };
  const admin = systemContext(db, root.id, 'demo');
  const from = addDays(beijingToday(), 1);
  const { created } = await generateSlots(admin, venue.id, {
    from,
    to: addDays(from, weeksAhead * 7 - 1),
    weekdays: [2, 3, 4, 5, 6, 7],
    times: [
      { start: '09:00', end: '10:30' },
      { start: '10:30', end: '12:00' },
      { start: '14:30', end: '16:00' },
    ],
    capacity: 60,
  });
  const slots = await repo.findSlots(db, { venueId: venue.id, from, to: addDays(from, weeksAhead * 7 - 1) });
  if ((await repo.findBookings(db, { scopeRootId: root.id, venueId: venue.id }, { offset: 0, limit: 1 })).total > 0) return { slots: created, bookings: 0 };

  let bookings = 0;
  for (const group of demoGroups) {
    // The plan's day may be a Monday, when the museum is closed: the next open slot at that time.
    const slot = slots.find((s) => s.slot_date >= addDays(from, group.day - 1) && s.starts_at === group.start);
    if (!slot) continue;
    const booking = await createPublicBooking(publicBookingContext(db), { slotId: slot.id, people: group.people, organisation: group.organisation, contactName: group.contactName, contactPhone: group.contactPhone, joinWaitlist: true });
    bookings++;
    if (group.confirmed && booking.status === 'booked') {
      const row = await repo.findBookingByReference(db, booking.reference);
      await confirmBooking(admin, row!.id);
    }
  }
  return { slots: created, bookings };
}
