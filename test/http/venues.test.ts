import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/modules/audit/index.ts';
import { listPublicVenues, publicVenue, venueInScope } from '../../src/modules/venues/index.ts';
import { cliContext } from '../factories/index.ts';
import { buildVenue } from '../factories/venues.ts';
import { startTestKexie, type TestClient, type TestKexie } from '../helpers/test-app.ts';

describe('venues: records, scope by the owner org, validation', () => {
  let kexie: TestKexie;
  let fangcheng: { id: string };
  let tanghe: { id: string };
  let wolong: { id: string };
  let fangchengReporter: TestClient;
  let tangheReporter: TestClient;
  let cityAdmin: TestClient;

  beforeAll(async () => {
    kexie = await startTestKexie();
    fangcheng = await kexie.org('411322');
    tanghe = await kexie.org('411328');
    wolong = await kexie.org('411303');
    fangchengReporter = await kexie.signIn(fangcheng.id, ['reporter']);
    tangheReporter = await kexie.signIn(tanghe.id, ['reporter']);
    cityAdmin = await kexie.signIn(kexie.root.id, ['admin']);
  });
  afterAll(() => kexie.close());

  const venue = (ownerOrgId: string, fields: Record<string, unknown> = {}) => ({
    name: `方城县科技馆${Math.random().toString(36).slice(2, 8)}`,
    kind: 'museum',
    ownerOrgId,
    countyOrgId: ownerOrgId,
    address: '方城县释之路88号',
    status: 'open',
    openedOn: '2019-09-20',
    capacity: 600,
    ...fields,
  });

  it('lets a county reporter record its museum and the city place its own in a district; both show their orgs by name', async () => {
    const created = await fangchengReporter.post('/api/v1/venues', venue(fangcheng.id, { name: '方城县科技馆' }));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: '方城县科技馆', kind: 'museum', status: 'open', ownerOrgName: '方城县科协', countyName: '方城县科协', openedOn: '2019-09-20', capacity: 600 });
    const city = await cityAdmin.post('/api/v1/venues', venue(kexie.root.id, { name: '南阳市科技馆（测试）', countyOrgId: wolong.id }));
    expect(city.json()).toMatchObject({ ownerOrgName: '南阳市科协', countyName: '卧龙区科协' });

    const changed = await fangchengReporter.put(`/api/v1/venues/${created.json().id}`, venue(fangcheng.id, { name: '方城县科技馆', status: 'closed', capacity: null }));
    expect(changed.json()).toMatchObject({ status: 'closed', capacity: null });
    const listed = (await fangchengReporter.get('/api/v1/venues?kind=museum&pageSize=200')).json();
    expect(listed.items.map((v: { name: string }) => v.name)).toContain('方城县科技馆');
    expect(listed.items.map((v: { name: string }) => v.name)).not.toContain('南阳市科技馆（测试）');
  });

  it('never lets 方城县 see, change or delete 唐河县’s venues, nor record one for 唐河县', async () => {
    const theirs = (await tangheReporter.post('/api/v1/venues', venue(tanghe.id, { name: '唐河县科技馆（测试）' }))).json();
    for (const response of [
      await fangchengReporter.get(`/api/v1/venues/${theirs.id}`),
      await fangchengReporter.put(`/api/v1/venues/${theirs.id}`, venue(fangcheng.id)),
      await fangchengReporter.delete(`/api/v1/venues/${theirs.id}`),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(response.json().error).toMatchObject({ code: 'VENUE_NOT_FOUND', message: '场馆不存在或不在您的管理范围内' });
    }
    expect((await fangchengReporter.get(`/api/v1/venues?ownerOrgId=${tanghe.id}`)).json().total).toBe(0);
    const forThem = await fangchengReporter.post('/api/v1/venues', venue(tanghe.id));
    expect(forThem.statusCode).toBe(404);
    expect(forThem.json().error).toMatchObject({ code: 'VENUE_OWNER_OUT_OF_SCOPE', details: expect.arrayContaining([expect.objectContaining({ path: 'body.ownerOrgId' })]) });
  });

  it('names the field that breaks a rule: the county, the opening date of an open venue, a name already taken', async () => {
    const otherCounty = await fangchengReporter.post('/api/v1/venues', venue(fangcheng.id, { countyOrgId: tanghe.id }));
    expect(otherCounty.statusCode).toBe(400);
    expect(otherCounty.json().error).toMatchObject({ code: 'VENUE_COUNTY_INVALID', details: [{ path: 'body.countyOrgId' }] });

    const noDate = await fangchengReporter.post('/api/v1/venues', venue(fangcheng.id, { openedOn: null }));
    expect(noDate.statusCode).toBe(400);
    expect(noDate.json().error).toMatchObject({ code: 'VENUE_OPENED_ON_REQUIRED', message: '开放中的场馆须填写开馆日期', details: [{ path: 'body.openedOn' }] });
    // A museum under construction has no opening date yet.
    expect((await fangchengReporter.post('/api/v1/venues', venue(fangcheng.id, { status: 'under_construction', openedOn: null }))).statusCode).toBe(201);

    await fangchengReporter.post('/api/v1/venues', venue(fangcheng.id, { name: '方城县青少年活动中心' }));
    const taken = await fangchengReporter.post('/api/v1/venues', venue(fangcheng.id, { name: ' 方城县青少年活动中心 ' }));
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ code: 'VENUE_NAME_TAKEN', message: '已有名为“方城县青少年活动中心”的场馆', details: [{ path: 'body.name' }] });

    const badKind = await fangchengReporter.post('/api/v1/venues', venue(fangcheng.id, { kind: 'zoo' }));
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().error.details[0].path).toBe('body.kind');
  });

  it('audits every write with the before and after', async () => {
    const created = (await fangchengReporter.post('/api/v1/venues', venue(fangcheng.id, { status: 'planned', openedOn: null }))).json();
    await fangchengReporter.put(`/api/v1/venues/${created.id}`, venue(fangcheng.id, { name: created.name, status: 'under_construction', openedOn: null }));
    expect((await fangchengReporter.delete(`/api/v1/venues/${created.id}`)).statusCode).toBe(204);
    const audit = await listAudit(await cliContext(kexie.db), { entity: 'venue', entityId: created.id });
    expect(audit.items.map((e: { action: string }) => e.action).sort()).toEqual(['create', 'delete', 'update']);
  });

  it('gives other modules the venue in the actor’s scope, and the portal the open venues only', async () => {
    const open = await buildVenue(kexie.db, { ownerOrgId: tanghe.id });
    const building = await buildVenue(kexie.db, { ownerOrgId: tanghe.id, status: 'under_construction', openedOn: null });
    const ctx = (orgId: string) => ({ db: kexie.db, locale: 'zh-CN' as const, actor: { kind: 'user' as const, userId: null, username: 't', orgId, roles: ['reporter' as const] } });
    expect((await venueInScope(ctx(tanghe.id), open.id)).name).toBe(open.name);
    await expect(venueInScope(ctx(fangcheng.id), open.id)).rejects.toMatchObject({ code: 'VENUE_NOT_FOUND', status: 404 });
    expect(await publicVenue(kexie.db, open.id)).toMatchObject({ id: open.id, status: 'open' });
    expect(await publicVenue(kexie.db, building.id)).toBeUndefined();
    const names = (await listPublicVenues(kexie.db)).map((v) => v.name);
    expect(names).toContain(open.name);
    expect(names).not.toContain(building.name);
  });
});
