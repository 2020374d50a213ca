import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingToday } from '../../src/modules/bookings/booking-time.ts';
import { buildSlots, buildVenue, daysAhead, PortalVisitor } from '../factories/bookings.ts';
import { startTestKexie, type TestClient, type TestKexie } from '../helpers/test-app.ts';

/**
 * A booker's name and mobile number are personal data (src/modules/bookings/
 * personal-data.ts): staff of the venue's scope read them in full; the server
 * log, the audit log and every public page never hold them, and the booker's
 * own pages show them masked. The log is read at its most talkative level,
 * so a stray debug line would be caught too.
 */

/** Two bookers of 方城县's science museum, one writing the number as people often do. */
const bookers = [
  { contactName: '欧阳明月', contactPhone: '13987654321', typed: '13987654321', masked: { name: '欧***', phone: '139****4321' } },
  { contactName: '司马相如', contactPhone: '13876543210', typed: '+86 138-7654-3210', masked: { name: '司***', phone: '138****3210' } },
] as const;
const secrets = bookers.flatMap((b) => [b.contactName, b.contactPhone, b.typed]);

/** Where a secret first shows in a text, for a failure message that says which. */
const secretsIn = (text: string) => secrets.filter((secret) => text.includes(secret));

describe('personal data of bookers: never in the logs or on a public page', () => {
  const logLines: string[] = [];
  let kexie: TestKexie;
  let staff: TestClient;
  let venueId: string;
  let slotId: string;
  let todaySlotId: string;
  const references: string[] = [];

  beforeAll(async () => {
    kexie = await startTestKexie({}, { logger: { level: 'trace', stream: { write: (line: string) => logLines.push(line) } } });
    const fangcheng = await kexie.org('411322');
    staff = await kexie.signIn(fangcheng.id, ['admin']);
    venueId = (await buildVenue(kexie.db, { ownerOrgId: fangcheng.id, name: '方城县科技馆' })).id;
    await buildSlots(kexie.db, venueId, { from: daysAhead(2), capacity: 200 });
    // Late today, so attendance can be recorded.
    await buildSlots(kexie.db, venueId, { from: beijingToday(), capacity: 200, times: [{ start: '23:58', end: '23:59' }] });
    const slotsOn = async (date: string) => (await staff.get(`/api/v1/venues/${venueId}/slots?from=${date}&to=${date}`)).json().items as { id: string }[];
    slotId = (await slotsOn(daysAhead(2)))[0]!.id;
    todaySlotId = (await slotsOn(beijingToday()))[0]!.id;
  });
  afterAll(() => kexie?.close());

  it('shows the booker their name and number masked on the confirmation, and in full only in the form that carries them back', async () => {
    for (const [i, booker] of bookers.entries()) {
      const visitor = new PortalVisitor(kexie.app);
      const { response, reference } = await visitor.book(i === 0 ? slotId : todaySlotId, { people: 12, contactName: booker.contactName, contactPhone: booker.typed });
      expect(response.statusCode, response.body.slice(0, 500)).toBe(201);
      expect(response.body).toContain(booker.masked.name);
      expect(response.body).toContain(booker.masked.phone);
      expect(secretsIn(response.body)).toEqual([]);
      references.push(reference!);

      await visitor.get('/bookings');
      const lookup = await visitor.post('/bookings/lookup', { reference: reference!, phone: booker.typed });
      expect(lookup.statusCode).toBe(200);
      expect(lookup.body).toContain(booker.masked.phone);
      // The number the booker typed rides along in the hidden field of the change and cancel forms, and nowhere else.
      const withoutCredentials = lookup.body.replaceAll(`name="phone" value="${booker.typed}"`, '');
      expect(secretsIn(withoutCredentials)).toEqual([]);
    }
  });

  it('keeps the number out of a refused booking and a failed lookup, apart from the fields the person is correcting', async () => {
    const visitor = new PortalVisitor(kexie.app);
    const refused = await visitor.book(slotId, { people: 5, contactName: bookers[0].contactName, contactPhone: '1398765432' });
    expect(refused.response.statusCode).toBe(400);
    await visitor.get('/bookings');
    const missing = await visitor.post('/bookings/lookup', { reference: 'NOSUCHREF', phone: bookers[0].contactPhone });
    expect(missing.statusCode).toBe(404);
    expect(secretsIn(missing.body.replaceAll(`value="${bookers[0].contactPhone}"`, ''))).toEqual([]);
  });

  it('shows staff of the venue’s county the bookers in full, and lets them confirm, refuse and record attendance', async () => {
    const listed = await staff.get(`/api/v1/bookings?venueId=${venueId}&pageSize=50`);
    const items = listed.json().items as { id: string; reference: string; contactName: string; contactPhone: string }[];
    const [first, second] = references.map((reference) => items.find((item) => item.reference === reference)!);
    expect(first).toMatchObject({ contactName: bookers[0].contactName, contactPhone: bookers[0].contactPhone });
    expect(second).toMatchObject({ contactName: bookers[1].contactName, contactPhone: bookers[1].contactPhone });
    expect((await staff.post(`/api/v1/bookings/${second!.id}/confirm`)).statusCode).toBe(200);
    expect((await staff.post(`/api/v1/bookings/${second!.id}/attendance`, { attended: true, people: 11 })).statusCode).toBe(200);
    expect((await staff.post(`/api/v1/bookings/${first!.id}/refuse`, { reason: '当天闭馆检修' })).statusCode).toBe(200);
    // The desk finds a booking by its reference, never by a number that would travel in the address (and so the log).
    const found = await staff.get(`/api/v1/bookings?q=${references[0]}`);
    expect(found.json().items.map((item: { reference: string }) => item.reference)).toEqual([references[0]]);
  });

  it('shows neither name nor number on any public page', async () => {
    const visitor = new PortalVisitor(kexie.app);
    const pages = ['/', '/bookings', `/bookings/venues/${venueId}`, `/bookings/venues/${venueId}?date=${daysAhead(2)}`, `/bookings/slots/${slotId}`, '/rss.xml', '/sitemap.xml'];
    for (const url of pages) {
      const response = await visitor.get(url);
      expect(response.statusCode, url).toBe(200);
      expect(secretsIn(response.body), url).toEqual([]);
    }
  });

  it('writes neither name nor number to the server log or the audit log', async () => {
    const log = logLines.join('');
    // The capture works: the booking requests are in it.
    expect(log).toContain('/bookings/lookup');
    expect(log).toContain(`/api/v1/bookings/`);
    expect(secretsIn(log)).toEqual([]);
    const audit = await kexie.db.selectFrom('audit_log').select(['entity', 'before_json', 'after_json']).execute();
    expect(audit.filter((row) => row.entity === 'booking').length).toBeGreaterThan(0);
    expect(secretsIn(JSON.stringify(audit))).toEqual([]);
  });
});
