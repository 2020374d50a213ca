import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/modules/audit/index.ts';
import { cliContext } from '../factories/index.ts';
import { startTestKexie, type TestClient, type TestKexie } from '../helpers/test-app.ts';

describe('caravans (科普大篷车): vehicles and their trip logs', () => {
  let kexie: TestKexie;
  let fangcheng: { id: string };
  let tanghe: { id: string };
  let reporter: TestClient;
  let tangheReporter: TestClient;

  beforeAll(async () => {
    kexie = await startTestKexie();
    fangcheng = await kexie.org('411322');
    tanghe = await kexie.org('411328');
    reporter = await kexie.signIn(fangcheng.id, ['reporter']);
    tangheReporter = await kexie.signIn(tanghe.id, ['reporter']);
  });
  afterAll(() => kexie.close());

  const trip = (fields: Record<string, unknown> = {}) => ({
    date: '2024-04-18',
    destination: '方城县第一初级中学',
    destinationKind: 'school',
    countyOrgId: fangcheng.id,
    km: 86,
    activities: 1,
    people: 760,
    ...fields,
  });

  it('logs a caravan’s trips and refuses the same vehicle, day and school twice, however the name is spaced', async () => {
    const caravan = await reporter.post('/api/v1/caravans', { name: '豫R·K1234', ownerOrgId: fangcheng.id });
    expect(caravan.statusCode).toBe(201);
    expect(caravan.json()).toMatchObject({ name: '豫R·K1234', ownerOrgName: '方城县科协', status: 'active' });
    const id = caravan.json().id;

    const logged = await reporter.post(`/api/v1/caravans/${id}/trips`, trip());
    expect(logged.statusCode).toBe(201);
    expect(logged.json()).toMatchObject({ caravanName: '豫R·K1234', countyName: '方城县科协', km: 86, people: 760 });
    const again = await reporter.post(`/api/v1/caravans/${id}/trips`, trip({ destination: '方城县 第一初级中学', people: 10 }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'CARAVAN_TRIP_EXISTS', details: [{ path: 'body.destination' }] });
    expect(again.json().error.message).toBe('“豫R·K1234” 2024-04-18 到“方城县第一初级中学”的出车记录已录入，不能重复录入；如需更正，请修改原记录');

    const corrected = await reporter.put(`/api/v1/caravans/${id}/trips/${logged.json().id}`, trip({ km: 92 }));
    expect(corrected.json().km).toBe(92);
    expect((await reporter.get(`/api/v1/caravans/${id}/trips?from=2024-01-01&to=2024-12-31`)).json().total).toBe(1);
    expect((await reporter.delete(`/api/v1/caravans/${id}`)).json().error.code).toBe('CARAVAN_HAS_TRIPS');

    const audit = await listAudit(await cliContext(kexie.db), { entity: 'caravan_trip', entityId: logged.json().id });
    expect(audit.items.map((e: { action: string }) => e.action).sort()).toEqual(['create', 'update']);
  });

  it('names the field of each broken rule', async () => {
    const id = (await reporter.post('/api/v1/caravans', { name: '方城县科普大篷车二号', ownerOrgId: fangcheng.id })).json().id;
    const future = await reporter.post(`/api/v1/caravans/${id}/trips`, trip({ date: '2099-01-01' }));
    expect(future.json().error).toMatchObject({ code: 'VENUE_RECORD_IN_FUTURE', details: [{ path: 'body.date' }] });
    const notCounty = await reporter.post(`/api/v1/caravans/${id}/trips`, trip({ countyOrgId: 'no-such-org' }));
    expect(notCounty.json().error).toMatchObject({ code: 'VENUE_RECORD_COUNTY_UNKNOWN', details: [{ path: 'body.countyOrgId' }] });
    const negative = await reporter.post(`/api/v1/caravans/${id}/trips`, trip({ km: -3 }));
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.details[0].path).toBe('body.km');
    const taken = await reporter.post('/api/v1/caravans', { name: '方城县科普大篷车二号', ownerOrgId: fangcheng.id });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ code: 'CARAVAN_NAME_TAKEN', details: [{ path: 'body.name' }] });
  });

  it('never lets 方城县 see 唐河县’s caravans or log trips for them', async () => {
    const theirs = (await tangheReporter.post('/api/v1/caravans', { name: '唐河县科普大篷车', ownerOrgId: tanghe.id })).json();
    expect((await reporter.get(`/api/v1/caravans/${theirs.id}`)).statusCode).toBe(404);
    expect((await reporter.get(`/api/v1/caravans/${theirs.id}/trips`)).statusCode).toBe(404);
    expect((await reporter.post(`/api/v1/caravans/${theirs.id}/trips`, trip())).statusCode).toBe(404);
    expect((await reporter.put(`/api/v1/caravans/${theirs.id}`, { name: '改名', ownerOrgId: fangcheng.id })).statusCode).toBe(404);
    expect((await reporter.get('/api/v1/caravans')).json().items.map((c: { name: string }) => c.name)).not.toContain('唐河县科普大篷车');
    expect((await reporter.post('/api/v1/caravans', { name: '冒名大篷车', ownerOrgId: tanghe.id })).json().error.code).toBe('CARAVAN_OWNER_OUT_OF_SCOPE');
  });
});
