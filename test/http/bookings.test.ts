import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/database.ts';
import { addDays, beijingToday } from '../../src/modules/bookings/booking-time.ts';
import { startTestKexie, type TestClient, type TestKexie } from '../helpers/test-app.ts';
import { PortalVisitor, bookGroup, buildSlots, buildVenue, daysAhead } from '../factories/bookings.ts';

/** Everything a booking write could touch, to show that a refused one changed nothing. */
async function snapshot(db: Db) {
  const [slots, bookings, audit, visits] = await Promise.all([
    db.selectFrom('booking_slots').selectAll().orderBy('id').execute(),
    db.selectFrom('bookings').selectAll().orderBy('id').execute(),
    db.selectFrom('audit_log').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('venue_visits').selectAll().orderBy('id').execute(),
  ]);
  return { slots, bookings, audit: Number(audit.n), visits };
}

async function slotsOf(staff: TestClient, venueId: string, from: string, to = from) {
  const response = await staff.get(`/api/v1/venues/${venueId}/slots?from=${from}&to=${to}`);
  expect(response.statusCode).toBe(200);
  return response.json().items as { id: string; date: string; startsAt: string; endsAt: string; capacity: number; taken: number; waiting: number; status: string }[];
}

describe('group bookings: slots, the public booking pages, staff confirmation and attendance', () => {
  let kexie: TestKexie;
  let staff: TestClient;
  let venueId: string;

  beforeAll(async () => {
    kexie = await startTestKexie();
    const wancheng = await kexie.org('411302');
    staff = await kexie.signIn(wancheng.id, ['reporter']);
    venueId = (await buildVenue(kexie.db, { ownerOrgId: wancheng.id, name: '宛城区青少年科技馆' })).id;
  });
  afterAll(() => kexie.close());

  it('generates slots from opening weekdays × time ranges, skips closure dates, and regenerating keeps a slot that has bookings', async () => {
    // Two weeks from next Monday: 10 weekdays, one a closure day, two ranges a day.
    const today = beijingToday();
    const monday = addDays(today, ((8 - new Date(`${today}T00:00:00Z`).getUTCDay()) % 7) + 7);
    const plan = { from: monday, to: addDays(monday, 13), weekdays: [1, 2, 3, 4, 5], times: [{ start: '09:00', end: '11:00' }, { start: '14:00', end: '16:00' }], capacity: 40, closedDates: [addDays(monday, 2)] };
    const generated = await staff.post(`/api/v1/venues/${venueId}/slots/generate`, plan);
    expect(generated.json()).toEqual({ created: 18, updated: 0, removed: 0, kept: 0 });
    const slots = await slotsOf(staff, venueId, plan.from, plan.to);
    expect(slots).toHaveLength(18);
    expect(slots.some((s) => s.date === addDays(monday, 2))).toBe(false);
    expect(slots.some((s) => s.date === addDays(monday, 5))).toBe(false); // Saturday

    const booked = slots.find((s) => s.date === addDays(monday, 1) && s.startsAt === '14:00')!;
    await bookGroup(kexie.db, booked.id, { people: 30 });
    // Slots smaller than the booked group: refused, nothing changes.
    const tooSmall = await staff.post(`/api/v1/venues/${venueId}/slots/generate`, { ...plan, capacity: 20 });
    expect(tooSmall.statusCode).toBe(409);
    expect(tooSmall.json().error.message).toBe('该时段已有 30 人预约，容量不能少于 30');
    // Without Tuesdays at capacity 40: the booked Tuesday slot stays, the other three Tuesday slots go.
    const regenerated = await staff.post(`/api/v1/venues/${venueId}/slots/generate`, { ...plan, weekdays: [1, 3, 4, 5] });
    expect(regenerated.json()).toEqual({ created: 0, updated: 0, removed: 3, kept: 1 });
    const after = await slotsOf(staff, venueId, plan.from, plan.to);
    expect(after.find((s) => s.id === booked.id)).toMatchObject({ taken: 30 });
    expect(after.filter((s) => s.date === addDays(monday, 1) || s.date === addDays(monday, 8))).toHaveLength(1);
  });

  it('names the reversed range and overlapping times in Chinese', async () => {
    const reversed = await staff.post(`/api/v1/venues/${venueId}/slots/generate`, { from: daysAhead(10), to: daysAhead(9), weekdays: [1], times: [{ start: '09:00', end: '10:00' }], capacity: 10 });
    expect(reversed.json().error).toMatchObject({ code: 'SLOT_DATES_REVERSED', details: [{ path: 'body.to' }] });
    const overlap = await staff.post(`/api/v1/venues/${venueId}/slots/generate`, {
      from: daysAhead(9),
      to: daysAhead(10),
      weekdays: [1],
      times: [{ start: '09:00', end: '11:00' }, { start: '10:30', end: '12:00' }],
      capacity: 10,
    });
    expect(overlap.json().error.message).toBe('时间段 09:00–11:00 与 10:30–12:00 重叠');
  });

  it('shows the venue and live places on the portal, and never offers a full slot as bookable', async () => {
    const date = daysAhead(3);
    await buildSlots(kexie.db, venueId, { from: date, capacity: 5, times: [{ start: '09:00', end: '10:00' }, { start: '10:00', end: '11:00' }] });
    const [first, second] = (await slotsOf(staff, venueId, date)).filter((s) => s.startsAt === '09:00' || s.startsAt === '10:00');
    await bookGroup(kexie.db, first!.id, { people: 5 });
    await bookGroup(kexie.db, second!.id, { people: 2 });

    const visitor = new PortalVisitor(kexie.app);
    const list = await visitor.get('/bookings');
    expect(list.statusCode).toBe(200);
    expect(list.headers['cache-control']).toBe('no-store');
    expect(list.body).toContain('宛城区青少年科技馆');
    const page = (await visitor.get(`/bookings/venues/${venueId}?date=${date}`)).body;
    expect(page).not.toContain(`href="/bookings/slots/${first!.id}"`);
    expect(page).toContain(`href="/bookings/slots/${first!.id}?waitlist=1"`);
    expect(page).toContain(`href="/bookings/slots/${second!.id}"`);
    expect(page).toContain('剩余 3 人');
    expect(page).toContain('已约满');
  });

  it('books a group and gives a reference; looked up with the phone, the name and phone show masked, and the group can be made larger or cancelled', async () => {
    const date = daysAhead(4);
    await buildSlots(kexie.db, venueId, { from: date, capacity: 50 });
    const [slot] = await slotsOf(staff, venueId, date);
    const visitor = new PortalVisitor(kexie.app);
    const { response, reference } = await visitor.book(slot!.id, { people: 35, organisation: '南阳市实验中学', contactName: '李明', contactPhone: '138 1234 5678' });
    expect(response.statusCode).toBe(201);
    expect(reference).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
    expect(response.body).toContain('预约已提交');
    expect(response.body).toContain('李*');
    expect(response.body).toContain('138****5678');
    expect(response.body).not.toContain('13812345678');

    // Typed in lower case without the hyphen, as people do.
    const found = await visitor.post('/bookings/lookup', { reference: reference!.replace('-', '').toLowerCase(), phone: '13812345678' });
    expect(found.statusCode).toBe(200);
    expect(found.body).toContain('已预约');
    const wrongPhone = await visitor.post('/bookings/lookup', { reference: reference!, phone: '13812345679' });
    expect(wrongPhone.statusCode).toBe(404);
    expect(wrongPhone.body).toContain('未找到该预约，请核对预约号和手机号码');

    const larger = await visitor.post('/bookings/change', { reference: reference!, phone: '13812345678', slotId: slot!.id, people: 45 });
    expect(larger.statusCode).toBe(200);
    expect(larger.body).toContain('预约已修改');
    expect((await slotsOf(staff, venueId, date))[0]!.taken).toBe(45);
    // Another group takes 3 of the 5 places left: growing to 48 no longer fits, and says so in whole groups.
    await bookGroup(kexie.db, slot!.id, { people: 3 });
    const noRoom = await visitor.post('/bookings/change', { reference: reference!, phone: '13812345678', slotId: slot!.id, people: 48 });
    expect(noRoom.statusCode).toBe(409);
    expect(noRoom.body).toContain('该时段名额已满（剩余 47 人，本团 48 人）');
    const tooLarge = await visitor.post('/bookings/change', { reference: reference!, phone: '13812345678', slotId: slot!.id, people: 51 });
    expect(tooLarge.statusCode).toBe(400);
    expect(tooLarge.body).toContain('团体人数 51 人超过该时段的容量 50 人');

    const cancelled = await visitor.post('/bookings/cancel', { reference: reference!, phone: '13812345678' });
    expect(cancelled.body).toContain('预约已取消');
    expect((await slotsOf(staff, venueId, date))[0]!.taken).toBe(3);
    const again = await visitor.post('/bookings/cancel', { reference: reference!, phone: '13812345678' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('该预约当前为“已取消”，不能再修改或取消');
  });

  describe('a refused booking gets a clear Chinese error and changes nothing', () => {
    let visitor: PortalVisitor;
    let future: { id: string };
    let past: { id: string };

    beforeAll(async () => {
      visitor = new PortalVisitor(kexie.app);
      await buildSlots(kexie.db, venueId, { from: daysAhead(5), capacity: 30 });
      await buildSlots(kexie.db, venueId, { from: daysAhead(-2), capacity: 30 });
      future = (await slotsOf(staff, venueId, daysAhead(5)))[0]!;
      past = (await slotsOf(staff, venueId, daysAhead(-2)))[0]!;
      await bookGroup(kexie.db, future!.id, { people: 10 });
    });

    const refused = async (send: () => Promise<{ statusCode: number; body: string }>, status: number, text: string) => {
      const before = await snapshot(kexie.db);
      const response = await send();
      expect(response.statusCode).toBe(status);
      expect(response.body).toContain(text);
      expect(await snapshot(kexie.db)).toEqual(before);
    };

    it('a past slot', async () => {
      // The form of a past slot is gone; a post to it anyway is refused.
      expect((await visitor.get(`/bookings/slots/${past.id}`)).statusCode).toBe(404);
      await visitor.get(`/bookings/slots/${future.id}`);
      await refused(() => visitor.post(`/bookings/slots/${past.id}`, { people: 10, organisation: '南阳市第三中学', contactName: '王老师', contactPhone: '13912345678' }), 409, `该时段（${daysAhead(-2)} 09:00）已经开始或已过，不能再预约或改约`);
      await expect(bookGroup(kexie.db, past.id)).rejects.toMatchObject({ code: 'BOOKING_SLOT_PAST', status: 409 });
    });

    it('more people than the slot holds', async () => {
      await visitor.get(`/bookings/slots/${future.id}`);
      await refused(() => visitor.post(`/bookings/slots/${future.id}`, { people: 31, organisation: '南阳市第三中学', contactName: '王老师', contactPhone: '13912345678', joinWaitlist: '1' }), 400, '团体人数 31 人超过该时段的容量 30 人，请分批预约');
      // More than the places left, without joining the waiting list.
      await refused(() => visitor.post(`/bookings/slots/${future.id}`, { people: 21, organisation: '南阳市第三中学', contactName: '王老师', contactPhone: '13912345678' }), 409, '该时段名额已满（剩余 20 人，本团 21 人）');
    });

    it('a malformed phone number, beside its field', async () => {
      await visitor.get(`/bookings/slots/${future.id}`);
      for (const phone of ['1391234567', '12912345678', '139-1234-567x']) {
        await refused(() => visitor.post(`/bookings/slots/${future.id}`, { people: 5, organisation: '南阳市第三中学', contactName: '王老师', contactPhone: phone }), 400, '手机号码格式不正确，请填写 11 位中国大陆手机号码');
      }
      const response = await visitor.post(`/bookings/slots/${future.id}`, { people: 5, organisation: '', contactName: '王老师', contactPhone: '139' });
      // Every problem at once, each beside its field.
      expect(response.body).toContain('请填写单位/学校名称');
      expect(response.body).toMatch(/id="e-contactPhone">手机号码格式不正确/);
      // The typed values stay in the form.
      expect(response.body).toContain('value="王老师"');
    });

    it('a reference that does not exist', async () => {
      await visitor.get('/bookings');
      for (const path of ['/bookings/lookup', '/bookings/cancel', '/bookings/change']) {
        await refused(() => visitor.post(path, { reference: 'ZZZZ-ZZZZ', phone: '13912345678', slotId: future.id, people: 5 }), 404, '未找到该预约，请核对预约号和手机号码');
        await refused(() => visitor.post(path, { reference: '不是预约号', phone: '13912345678', slotId: future.id, people: 5 }), 404, '未找到该预约');
      }
    });

    it('a post without the page’s form token, or from another site', async () => {
      await visitor.get(`/bookings/slots/${future.id}`);
      const fields = { people: 5, organisation: '南阳市第三中学', contactName: '王老师', contactPhone: '13912345678' };
      await refused(() => visitor.post(`/bookings/slots/${future.id}`, fields, { token: 'forged' }), 403, '页面已过期或来源不可信');
      await refused(() => new PortalVisitor(kexie.app).post(`/bookings/slots/${future.id}`, fields), 403, '页面已过期或来源不可信');
      await refused(() => visitor.post(`/bookings/slots/${future.id}`, fields, { headers: { origin: 'https://evil.example' } }), 403, '页面已过期或来源不可信');
    });
  });

  it('limits posts per address', async () => {
    const visitor = new PortalVisitor(kexie.app);
    await visitor.get('/bookings');
    const answers = [];
    for (let i = 0; i < 31; i++) answers.push((await visitor.post('/bookings/lookup', { reference: 'ZZZZ-ZZZZ', phone: '13912345678' })).statusCode);
    expect(answers.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(answers[30]).toBe(429);
    // Another address is not affected.
    const other = new PortalVisitor(kexie.app);
    await other.get('/bookings');
    expect((await other.post('/bookings/lookup', { reference: 'ZZZZ-ZZZZ', phone: '13912345678' })).statusCode).toBe(404);
  });

  it('offers a freed place to the first waiting groups that fit, in the order they joined', async () => {
    const date = daysAhead(6);
    await buildSlots(kexie.db, venueId, { from: date, capacity: 10 });
    const [slot] = await slotsOf(staff, venueId, date);
    const big = await bookGroup(kexie.db, slot!.id, { people: 6, contactPhone: '13800000001' });
    await bookGroup(kexie.db, slot!.id, { people: 4 });
    const eight = await bookGroup(kexie.db, slot!.id, { people: 8, joinWaitlist: true });
    const three = await bookGroup(kexie.db, slot!.id, { people: 3, joinWaitlist: true });
    const two = await bookGroup(kexie.db, slot!.id, { people: 2, joinWaitlist: true });
    const one = await bookGroup(kexie.db, slot!.id, { people: 1, joinWaitlist: true });
    expect([eight, three, two, one].map((b) => [b.status, b.waitingPosition])).toEqual([['waitlisted', 1], ['waitlisted', 2], ['waitlisted', 3], ['waitlisted', 4]]);

    // Six places free: the group of 8 does not fit and keeps its place in line; 3, 2 and 1 are booked in that order.
    const visitor = new PortalVisitor(kexie.app);
    await visitor.get('/bookings');
    await visitor.post('/bookings/cancel', { reference: big.reference, phone: '13800000001' });
    const list = (await staff.get(`/api/v1/bookings?venueId=${venueId}&from=${date}&to=${date}`)).json().items as { reference: string; status: string }[];
    const statusOf = (reference: string) => list.find((b) => b.reference === reference)!.status;
    expect([eight, three, two, one].map((b) => statusOf(b.reference))).toEqual(['waitlisted', 'booked', 'booked', 'booked']);
    expect((await slotsOf(staff, venueId, date))[0]).toMatchObject({ taken: 10, waiting: 1 });
  });

  it('lets staff in scope confirm, refuse with a reason and record attendance, which counts in the venue’s visits; names and phones in full for them only', async () => {
    const today = beijingToday();
    await buildSlots(kexie.db, venueId, { from: today, capacity: 60, times: [{ start: '23:58', end: '23:59' }] });
    const [slot] = await slotsOf(staff, venueId, today);
    const coming = await bookGroup(kexie.db, slot!.id, { people: 40, contactName: '赵老师', contactPhone: '13712345678' });
    const refusedOne = await bookGroup(kexie.db, slot!.id, { people: 20 });
    const waiting = await bookGroup(kexie.db, slot!.id, { people: 15, joinWaitlist: true });

    const list = (await staff.get(`/api/v1/bookings?venueId=${venueId}&from=${today}&to=${today}&status=booked`)).json();
    const row = list.items.find((b: { reference: string }) => b.reference === coming.reference);
    expect(row).toMatchObject({ contactName: '赵老师', contactPhone: '13712345678', people: 40, venueName: '宛城区青少年科技馆', startsAt: '23:58' });

    // Another county's staff sees nothing of it.
    const tanghe = await kexie.signIn((await kexie.org('411328')).id, ['admin']);
    expect((await tanghe.get(`/api/v1/bookings?venueId=${venueId}`)).statusCode).toBe(404);
    expect((await tanghe.get('/api/v1/bookings?pageSize=200')).json().items.some((b: { venueId: string }) => b.venueId === venueId)).toBe(false);
    expect((await tanghe.post(`/api/v1/bookings/${row.id}/confirm`)).statusCode).toBe(404);

    const refuseId = list.items.find((b: { reference: string }) => b.reference === refusedOne.reference).id;
    const refusal = await staff.post(`/api/v1/bookings/${refuseId}/refuse`, { reason: '当天场馆有检修安排' });
    expect(refusal.json()).toMatchObject({ status: 'refused', refusalReason: '当天场馆有检修安排' });
    // The refused group's places went to the waiting group.
    const afterRefusal = (await staff.get(`/api/v1/bookings?venueId=${venueId}&from=${today}&to=${today}`)).json().items;
    expect(afterRefusal.find((b: { reference: string }) => b.reference === waiting.reference).status).toBe('booked');

    expect((await staff.post(`/api/v1/bookings/${row.id}/attendance`, { attended: true, people: 38 })).json().error.message).toBe('只能为“已确认”的预约登记到馆情况，该预约当前为“已预约”');
    expect((await staff.post(`/api/v1/bookings/${row.id}/confirm`)).json()).toMatchObject({ status: 'confirmed' });
    const attended = await staff.post(`/api/v1/bookings/${row.id}/attendance`, { attended: true, people: 38 });
    expect(attended.json()).toMatchObject({ status: 'attended', attendedPeople: 38 });
    // Corrected later: replaced in the figures, never added twice.
    await staff.post(`/api/v1/bookings/${row.id}/attendance`, { attended: true, people: 37 });
    const visits = await kexie.db.selectFrom('venue_visits').selectAll().where('venue_id', '=', venueId).where('visit_date', '=', today).execute();
    expect(visits.map((v) => [v.group_visitors, v.groups, v.source])).toEqual([[37, 1, 'booking']]);

    // The audit log holds the booking's changes with the name and phone masked.
    const audit = await kexie.db.selectFrom('audit_log').select(['after_json']).where('entity', '=', 'booking').where('entity_id', '=', row.id).execute();
    expect(audit.length).toBeGreaterThanOrEqual(3);
    for (const entry of audit) {
      expect(entry.after_json).not.toContain('13712345678');
      expect(entry.after_json).not.toContain('赵老师');
      expect(entry.after_json).toContain('137****5678');
    }
  });

  it('refuses attendance before the visit’s day, and closing a slot stops new bookings', async () => {
    const date = daysAhead(7);
    await buildSlots(kexie.db, venueId, { from: date, capacity: 20 });
    const [slot] = await slotsOf(staff, venueId, date);
    const booking = await bookGroup(kexie.db, slot!.id, { people: 5 });
    // Staff find it by its reference, typed as people type it.
    const found = (await staff.get(`/api/v1/bookings?q=${booking.reference.replace('-', '').toLowerCase()}`)).json();
    expect(found.items.map((b: { reference: string }) => b.reference)).toEqual([booking.reference]);
    const id = found.items[0].id;
    await staff.post(`/api/v1/bookings/${id}/confirm`);
    expect((await staff.post(`/api/v1/bookings/${id}/attendance`, { attended: false })).json().error.message).toBe(`${date} 当天起才能登记到馆情况`);

    expect((await staff.patch(`/api/v1/booking-slots/${slot!.id}`, { status: 'closed' })).json()).toMatchObject({ status: 'closed', taken: 5 });
    await expect(bookGroup(kexie.db, slot!.id)).rejects.toMatchObject({ code: 'BOOKING_SLOT_CLOSED' });
    expect((await staff.patch(`/api/v1/booking-slots/${slot!.id}`, { capacity: 4 })).json().error.code).toBe('SLOT_CAPACITY_BELOW_TAKEN');
    const viewer = await kexie.signIn((await kexie.org('411302')).id, ['viewer']);
    expect((await viewer.patch(`/api/v1/booking-slots/${slot!.id}`, { status: 'open' })).statusCode).toBe(403);
  });
});
