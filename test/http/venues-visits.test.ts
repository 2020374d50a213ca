import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/modules/audit/index.ts';
import { recordGroupAttendance } from '../../src/modules/venues/index.ts';
import { cliContext } from '../factories/index.ts';
import { buildVenue } from '../factories/venues.ts';
import { startTestKexie, type TestClient, type TestKexie } from '../helpers/test-app.ts';

describe('venue visits: one figure per day or month, scope, validation', () => {
  let kexie: TestKexie;
  let fangcheng: { id: string };
  let tanghe: { id: string };
  let reporter: TestClient;
  let venueId: string;
  let tangheVenueId: string;

  beforeAll(async () => {
    kexie = await startTestKexie();
    fangcheng = await kexie.org('411322');
    tanghe = await kexie.org('411328');
    reporter = await kexie.signIn(fangcheng.id, ['reporter']);
    venueId = (await buildVenue(kexie.db, { ownerOrgId: fangcheng.id, openedOn: '2023-06-01' })).id;
    tangheVenueId = (await buildVenue(kexie.db, { ownerOrgId: tanghe.id })).id;
  });
  afterAll(() => kexie.close());

  const visits = (id = venueId) => `/api/v1/venues/${id}/visits`;
  const day = (date: string, fields: Record<string, unknown> = {}) => ({ date, individualVisitors: 300, groupVisitors: 120, groups: 3, ...fields });

  it('records a day’s visitors, and refuses the same day again with 409 instead of counting it twice', async () => {
    const created = await reporter.post(visits(), day('2024-03-02', { note: '学雷锋日' }));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ date: '2024-03-02', period: 'day', visitors: 420, groups: 3, source: 'entry', bookingId: null });
    const again = await reporter.post(visits(), day('2024-03-02', { individualVisitors: 10 }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'VENUE_VISIT_EXISTS', details: [{ path: 'body.date' }] });
    expect(again.json().error.message).toContain('2024-03-02 的参观人数已录入（420 人次）');

    // The explicit way to change it: correct the record.
    const corrected = await reporter.put(`${visits()}/${created.json().id}`, day('2024-03-02', { individualVisitors: 350 }));
    expect(corrected.json()).toMatchObject({ visitors: 470 });
    const list = (await reporter.get(`${visits()}?from=2024-03-01&to=2024-03-31`)).json();
    expect(list.items.map((v: { visitors: number }) => v.visitors)).toEqual([470]);
  });

  it('keeps monthly and daily figures of the same month from overlapping', async () => {
    await reporter.post(visits(), day('2024-04-10'));
    const month = await reporter.post(visits(), { date: '2024-04-01', period: 'month', individualVisitors: 9000 });
    expect(month.statusCode).toBe(409);
    expect(month.json().error.code).toBe('VENUE_VISIT_PERIOD_OVERLAP');

    expect((await reporter.post(visits(), { date: '2024-05-01', period: 'month', individualVisitors: 9000 })).statusCode).toBe(201);
    const dayInMonth = await reporter.post(visits(), day('2024-05-12'));
    expect(dayInMonth.statusCode).toBe(409);
    expect(dayInMonth.json().error.message).toContain('已录入 2024-05 的参观人数');
  });

  it('names the field of each broken rule', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ date: '2024-06-15', period: 'month', individualVisitors: 1 }, 'VENUE_VISIT_MONTH_START', 'body.date'],
      [day('2099-01-01'), 'VENUE_VISIT_IN_FUTURE', 'body.date'],
      [day('2023-05-31'), 'VENUE_VISIT_BEFORE_OPENING', 'body.date'],
      [day('2024-06-03', { groups: 200 }), 'VENUE_VISIT_GROUPS_EXCEED_VISITORS', 'body.groups'],
      [day('2024-06-04', { groups: 0 }), 'VENUE_VISIT_GROUPS_MISSING', 'body.groups'],
      [day('2024-06-05', { individualVisitors: -5 }), 'VALIDATION_FAILED', 'body.individualVisitors'],
    ];
    for (const [body, code, path] of cases) {
      const response = await reporter.post(visits(), body);
      expect(response.statusCode, code).toBe(400);
      expect(response.json().error.code).toBe(code);
      expect(response.json().error.details[0].path).toBe(path);
    }
    expect((await reporter.get(`${visits()}?from=2024-06-01&to=2024-06-30`)).json().total).toBe(0);
  });

  it('never lets 方城县 see or record 唐河县’s visit figures', async () => {
    const tangheReporter = await kexie.signIn(tanghe.id, ['reporter']);
    const theirs = (await tangheReporter.post(visits(tangheVenueId), day('2024-07-01'))).json();
    for (const response of [
      await reporter.get(visits(tangheVenueId)),
      await reporter.post(visits(tangheVenueId), day('2024-07-02')),
      await reporter.put(`${visits(tangheVenueId)}/${theirs.id}`, day('2024-07-01')),
      await reporter.delete(`${visits(tangheVenueId)}/${theirs.id}`),
      // Their figure through our venue's path is no more visible.
      await reporter.delete(`${visits()}/${theirs.id}`),
    ]) expect(response.statusCode).toBe(404);
    expect((await tangheReporter.get(visits(tangheVenueId))).json().total).toBe(1);
  });

  it('adds a booked group’s attendance on top of the staff’s count, and keeps it out of the staff’s edits', async () => {
    const ctx = await cliContext(kexie.db);
    await kexie.db.transaction().execute((trx) => recordGroupAttendance(trx, ctx, { venueId, date: '2024-08-08', people: 45, bookingId: 'booking-1' }));
    expect((await reporter.post(visits(), day('2024-08-08'))).statusCode).toBe(201);
    const items = (await reporter.get(`${visits()}?from=2024-08-08&to=2024-08-08`)).json().items;
    expect(items.map((v: { visitors: number }) => v.visitors).sort()).toEqual([420, 45]);
    const booked = items.find((v: { source: string }) => v.source === 'booking');
    expect(booked).toMatchObject({ bookingId: 'booking-1', groups: 1 });
    expect((await reporter.delete(`${visits()}/${booked.id}`)).json().error.code).toBe('VENUE_VISIT_FROM_BOOKING');
  });

  it('audits every write and refuses to delete a venue that has figures', async () => {
    const created = (await reporter.post(visits(), day('2024-09-09'))).json();
    await reporter.put(`${visits()}/${created.id}`, day('2024-09-09', { individualVisitors: 1 }));
    await reporter.delete(`${visits()}/${created.id}`);
    const audit = await listAudit(await cliContext(kexie.db), { entity: 'venue_visit', entityId: created.id });
    expect(audit.items.map((e: { action: string }) => e.action).sort()).toEqual(['create', 'delete', 'update']);
    const refused = await reporter.delete(`/api/v1/venues/${venueId}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('VENUE_HAS_RECORDS');
  });
});
