import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKexie, type TestKexie } from '../helpers/test-app.ts';
import { PortalVisitor, buildSlots, buildVenue, daysAhead } from '../factories/bookings.ts';

/**
 * Fifty phones book the last ten places at the same moment. The answer must
 * not depend on timing: exactly ten get places, the rest are told the slot is
 * full or get a place in line, and no booking is lost or double-counted.
 */
describe('fifty clients booking one slot of ten at once', () => {
  let kexie: TestKexie;
  let venueId: string;

  beforeAll(async () => {
    kexie = await startTestKexie();
    venueId = (await buildVenue(kexie.db, { ownerOrgId: kexie.root.id })).id;
  });
  afterAll(() => kexie.close());

  async function freshSlot(daysFromNow: number) {
    await buildSlots(kexie.db, venueId, { from: daysAhead(daysFromNow), capacity: 10 });
    return kexie.db.selectFrom('booking_slots').selectAll().where('venue_id', '=', venueId).where('slot_date', '=', daysAhead(daysFromNow)).executeTakeFirstOrThrow();
  }

  /** Every visitor opens the form first, then all fifty submit together. */
  async function rush(slotId: string, joinWaitlist: boolean) {
    const visitors = Array.from({ length: 50 }, () => new PortalVisitor(kexie.app));
    await Promise.all(visitors.map((v) => v.get(`/bookings/slots/${slotId}`)));
    return Promise.all(visitors.map((v, i) => v.book(slotId, { people: 1, contactPhone: `1370000${String(i).padStart(4, '0')}`, joinWaitlist, skipForm: true })));
  }

  const bookingsOf = (slotId: string) => kexie.db.selectFrom('bookings').selectAll().where('slot_id', '=', slotId).orderBy('queued_at').orderBy('id').execute();

  it('with the waiting list: 10 booked, 40 waiting in distinct places in line; a cancellation books the first in line', async () => {
    const slot = await freshSlot(8);
    const answers = await rush(slot.id, true);
    expect(answers.every((a) => a.response.statusCode === 201 && a.reference)).toBe(true);
    expect(answers.filter((a) => a.response.body.includes('预约已提交'))).toHaveLength(10);
    const waiting = answers.filter((a) => a.response.body.includes('已加入候补'));
    expect(waiting).toHaveLength(40);
    const positions = waiting.map((a) => Number(/当前候补第 (\d+) 位/.exec(a.response.body)![1])).sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));

    const rows = await bookingsOf(slot.id);
    expect(rows).toHaveLength(50);
    expect(rows.filter((r) => r.status === 'booked')).toHaveLength(10);
    expect(rows.filter((r) => r.status === 'waitlisted')).toHaveLength(40);
    expect(new Set(rows.map((r) => r.reference)).size).toBe(50);
    expect((await kexie.db.selectFrom('booking_slots').select('taken').where('id', '=', slot.id).executeTakeFirstOrThrow()).taken).toBe(10);

    const booked = rows.find((r) => r.status === 'booked')!;
    const firstInLine = rows.find((r) => r.status === 'waitlisted')!;
    const canceller = new PortalVisitor(kexie.app);
    await canceller.get('/bookings');
    expect((await canceller.post('/bookings/cancel', { reference: booked.reference, phone: booked.contact_phone })).body).toContain('预约已取消');
    const after = await bookingsOf(slot.id);
    expect(after.find((r) => r.id === firstInLine.id)!.status).toBe('booked');
    expect(after.filter((r) => r.status === 'booked')).toHaveLength(10);
    expect(after.filter((r) => r.status === 'waitlisted')).toHaveLength(39);
    expect((await kexie.db.selectFrom('booking_slots').select('taken').where('id', '=', slot.id).executeTakeFirstOrThrow()).taken).toBe(10);
  });

  it('without it: 10 booked and 40 clear “full” answers, nothing else written', async () => {
    const slot = await freshSlot(9);
    const answers = await rush(slot.id, false);
    expect(answers.filter((a) => a.response.statusCode === 201)).toHaveLength(10);
    const full = answers.filter((a) => a.response.statusCode === 409);
    expect(full).toHaveLength(40);
    for (const answer of full) expect(answer.response.body).toContain('该时段名额已满（剩余 0 人，本团 1 人），请选择其他时段或加入候补');
    const rows = await bookingsOf(slot.id);
    expect(rows.map((r) => r.status)).toEqual(Array(10).fill('booked'));
    expect((await kexie.db.selectFrom('booking_slots').select('taken').where('id', '=', slot.id).executeTakeFirstOrThrow()).taken).toBe(10);
  });
});
