import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, beijingToday, isoWeekday } from '../../src/modules/bookings/booking-time.ts';
import { demoBookingVenue, loadDemoBookings } from '../../src/modules/bookings/index.ts';
import { startTestKexie, type TestKexie } from '../helpers/test-app.ts';
import { PortalVisitor, buildVenue } from '../factories/bookings.ts';

describe('demo group bookings for 南阳市科技馆', () => {
  let kexie: TestKexie;
  let venueId: string;

  beforeAll(async () => {
    kexie = await startTestKexie();
    // The venues demo makes the museum; here the factory stands in for it.
    venueId = (await buildVenue(kexie.db, { ownerOrgId: kexie.root.id, name: demoBookingVenue })).id;
  });
  afterAll(() => kexie.close());

  it('opens the coming four weeks from the day it is loaded, Tuesday to Sunday, with a few groups booked and one waiting; loading again adds nothing', async () => {
    expect(await loadDemoBookings(kexie.db)).toEqual({ slots: 72, bookings: 8 });
    const slots = await kexie.db.selectFrom('booking_slots').selectAll().where('venue_id', '=', venueId).orderBy('slot_date').execute();
    // Tomorrow to four weeks on, less the Mondays.
    const open = (date: string, step: number) => (isoWeekday(date) === 1 ? addDays(date, step) : date);
    expect(slots[0]!.slot_date).toBe(open(addDays(beijingToday(), 1), 1));
    expect(slots.at(-1)!.slot_date).toBe(open(addDays(beijingToday(), 28), -1));
    expect(slots.some((s) => isoWeekday(s.slot_date) === 1)).toBe(false);
    const bookings = await kexie.db.selectFrom('bookings').select('status').where('venue_id', '=', venueId).execute();
    const count = (status: string) => bookings.filter((b) => b.status === status).length;
    expect([count('confirmed'), count('booked'), count('waitlisted')]).toEqual([4, 3, 1]);
    expect(slots.filter((s) => s.taken === s.capacity)).toHaveLength(1);

    expect(await loadDemoBookings(kexie.db)).toEqual({ slots: 0, bookings: 0 });
    // On the portal the full slot offers only its waiting list.
    const full = slots.find((s) => s.taken === s.capacity)!;
    const page = (await new PortalVisitor(kexie.app).get(`/bookings/venues/${venueId}?date=${full.slot_date}`)).body;
    expect(page).toContain('已约满');
    expect(page).toContain('1 个团体候补中');
    expect(page).toContain(`href="/bookings/slots/${full.id}?waitlist=1"`);
  });
});
