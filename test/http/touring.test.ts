import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/modules/audit/index.ts';
import { cliContext } from '../factories/index.ts';
import { buildVenue } from '../factories/venues.ts';
import { startTestKexie, type TestClient, type TestKexie } from '../helpers/test-app.ts';

describe('touring shows (流动科技馆 / 区域化巡展): stops and their visits', () => {
  let kexie: TestKexie;
  let fangcheng: { id: string };
  let tanghe: { id: string };
  let cityAdmin: TestClient;
  let reporter: TestClient;

  beforeAll(async () => {
    kexie = await startTestKexie();
    fangcheng = await kexie.org('411322');
    tanghe = await kexie.org('411328');
    cityAdmin = await kexie.signIn(kexie.root.id, ['admin']);
    reporter = await kexie.signIn(fangcheng.id, ['reporter']);
  });
  afterAll(() => kexie.close());

  it('records stops at a venue (named and placed by the venue) and at a school, and refuses a stop recorded twice', async () => {
    const show = (await cityAdmin.post('/api/v1/touring-shows', { name: '流动科技馆巡展（测试）', ownerOrgId: kexie.root.id })).json();
    const host = await buildVenue(kexie.db, { ownerOrgId: tanghe.id });
    const atVenue = await cityAdmin.post(`/api/v1/touring-shows/${show.id}/stops`, { hostKind: 'venue', hostVenueId: host.id, startDate: '2024-03-01', endDate: '2024-03-31', visits: 12000 });
    expect(atVenue.statusCode).toBe(201);
    expect(atVenue.json()).toMatchObject({ hostName: host.name, countyOrgId: tanghe.id, countyName: '唐河县科协', visits: 12000 });
    const atSchool = await cityAdmin.post(`/api/v1/touring-shows/${show.id}/stops`, { hostKind: 'school', hostName: '方城县实验中学', countyOrgId: fangcheng.id, startDate: '2024-04-08', endDate: '2024-04-19', visits: 5200 });
    expect(atSchool.json()).toMatchObject({ hostName: '方城县实验中学', countyName: '方城县科协' });
    const twice = await cityAdmin.post(`/api/v1/touring-shows/${show.id}/stops`, { hostKind: 'school', hostName: '方城县实验中学', countyOrgId: fangcheng.id, startDate: '2024-04-08', endDate: '2024-04-10', visits: 1 });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('TOURING_STOP_EXISTS');
    expect((await cityAdmin.get(`/api/v1/touring-shows/${show.id}/stops`)).json().total).toBe(2);

    const moved = await cityAdmin.put(`/api/v1/touring-shows/${show.id}/stops/${atSchool.json().id}`, { hostKind: 'school', hostName: '方城县实验中学', countyOrgId: fangcheng.id, startDate: '2024-04-08', endDate: '2024-04-26', visits: 6100 });
    expect(moved.json()).toMatchObject({ endDate: '2024-04-26', visits: 6100 });
    const audit = await listAudit(await cliContext(kexie.db), { entity: 'touring_stop', entityId: atSchool.json().id });
    expect(audit.items.map((e: { action: string }) => e.action).sort()).toEqual(['create', 'update']);
    expect((await cityAdmin.delete(`/api/v1/touring-shows/${show.id}`)).json().error.code).toBe('TOURING_SHOW_HAS_STOPS');
  });

  it('names the field of each broken rule', async () => {
    const show = (await cityAdmin.post('/api/v1/touring-shows', { name: '区域化巡展（测试）', ownerOrgId: kexie.root.id })).json();
    const stops = `/api/v1/touring-shows/${show.id}/stops`;
    const base = { hostKind: 'school', hostName: '唐河县第一小学', countyOrgId: tanghe.id, startDate: '2024-05-06', endDate: '2024-05-10', visits: 900 };
    expect((await cityAdmin.post(stops, { ...base, endDate: '2024-05-01' })).json().error).toMatchObject({ code: 'TOURING_STOP_DATES_REVERSED', details: [{ path: 'body.endDate' }] });
    expect((await cityAdmin.post(stops, { ...base, hostKind: 'venue' })).json().error).toMatchObject({ code: 'TOURING_HOST_VENUE_REQUIRED', details: [{ path: 'body.hostVenueId' }] });
    expect((await cityAdmin.post(stops, { ...base, hostName: '  ' })).json().error).toMatchObject({ code: 'TOURING_HOST_NAME_REQUIRED', details: [{ path: 'body.hostName' }] });
    expect((await cityAdmin.get(`${stops}`)).json().total).toBe(0);
  });

  it('keeps a county out of the city’s tour: 404 on the show and its stops', async () => {
    const show = (await cityAdmin.post('/api/v1/touring-shows', { name: '市级巡展（测试）', ownerOrgId: kexie.root.id })).json();
    expect((await reporter.get(`/api/v1/touring-shows/${show.id}`)).statusCode).toBe(404);
    expect((await reporter.get(`/api/v1/touring-shows/${show.id}/stops`)).statusCode).toBe(404);
    expect((await reporter.post(`/api/v1/touring-shows/${show.id}/stops`, { hostKind: 'place', hostName: '广场', countyOrgId: fangcheng.id, startDate: '2024-05-06', endDate: '2024-05-06', visits: 1 })).statusCode).toBe(404);
  });
});
