import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg } from '../factories/index.ts';
import { startTestKexie, type TestKexie } from '../helpers/test-app.ts';

describe('organisation tree over HTTP', () => {
  let kexie: TestKexie;
  beforeAll(async () => {
    kexie = await startTestKexie();
  });
  afterAll(() => kexie.close());

  const adminClient = () => kexie.signIn(kexie.root.id, ['admin']);

  it('lists the seeded city association and its thirteen counties to a city admin', async () => {
    const admin = await adminClient();
    const response = await admin.get('/api/v1/orgs/tree');
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { name: string; adminCode: string; depth: number }[];
    expect(items).toHaveLength(14);
    expect(items[0]).toMatchObject({ name: '南阳市科协', adminCode: '411300', depth: 0 });
    expect(items.map((o) => o.adminCode).slice(1)).toEqual([
      '411302', '411303', '411321', '411322', '411323', '411324', '411325', '411326', '411327', '411328', '411329', '411330', '411381',
    ]);
  });

  it('creates a society under a county and shows it in that county subtree', async () => {
    const admin = await adminClient();
    const sheqi = await kexie.org('411327');
    const created = await admin.post('/api/v1/orgs', { name: '社旗县农学会', type: 'society', parentId: sheqi.id, foundedOn: '2024-05-01' });
    expect(created.statusCode).toBe(201);
    const list = await admin.get(`/api/v1/orgs?under=${sheqi.id}&type=society`);
    expect(list.json().items.map((o: { name: string }) => o.name)).toEqual(['社旗县农学会']);
  });

  it('moves a subtree and keeps descendants under their moved ancestor', async () => {
    const admin = await adminClient();
    const wancheng = await kexie.org('411302');
    const wolong = await kexie.org('411303');
    const society = await buildOrg(kexie.db, { parentId: wancheng.id });
    const station = await buildOrg(kexie.db, { parentId: society.id, type: 'service_station' });
    const moved = await admin.post(`/api/v1/orgs/${society.id}/move`, { parentId: wolong.id });
    expect(moved.statusCode).toBe(200);
    const underWolong = (await admin.get(`/api/v1/orgs?under=${wolong.id}&pageSize=200`)).json().items.map((o: { id: string }) => o.id);
    const underWancheng = (await admin.get(`/api/v1/orgs?under=${wancheng.id}&pageSize=200`)).json().items.map((o: { id: string }) => o.id);
    expect(underWolong).toEqual(expect.arrayContaining([society.id, station.id]));
    expect(underWancheng).not.toContain(station.id);
    const detail = (await admin.get(`/api/v1/orgs/${station.id}`)).json();
    expect(detail.ancestors.map((a: { name: string }) => a.name)).toEqual(['南阳市科协', '卧龙区科协', society.name]);
  });

  it('refuses to move an org under its own descendant with ORG_MOVE_INTO_OWN_SUBTREE', async () => {
    const admin = await adminClient();
    const parent = await buildOrg(kexie.db, { parentId: kexie.root.id });
    const child = await buildOrg(kexie.db, { parentId: parent.id });
    const response = await admin.post(`/api/v1/orgs/${parent.id}/move`, { parentId: child.id });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('ORG_MOVE_INTO_OWN_SUBTREE');
  });

  it('refuses a duplicate sibling name and a used administrative code, naming the field', async () => {
    const admin = await adminClient();
    const sameName = await admin.post('/api/v1/orgs', { name: '卧龙区科协', type: 'county_association', parentId: kexie.root.id });
    expect(sameName.statusCode).toBe(409);
    expect(sameName.json().error).toMatchObject({ code: 'ORG_NAME_TAKEN', details: [{ path: 'body.name' }] });
    const sameCode = await admin.post('/api/v1/orgs', { name: '新区科协', type: 'county_association', parentId: kexie.root.id, adminCode: '411303' });
    expect(sameCode.json().error).toMatchObject({ code: 'ORG_CODE_TAKEN', details: [{ path: 'body.adminCode' }] });
    expect(sameCode.json().error.message).toContain('卧龙区科协');
  });

  it('lists every invalid field of a new org in one answer', async () => {
    const admin = await adminClient();
    const response = await admin.post('/api/v1/orgs', { name: 42, type: 'club', parentId: kexie.root.id, foundedOn: '2024-13-45', adminCode: '4113' });
    expect(response.statusCode).toBe(400);
    const paths = new Set(response.json().error.details.map((d: { path: string }) => d.path));
    expect([...paths].sort()).toEqual(['body.adminCode', 'body.foundedOn', 'body.name', 'body.type']);
  });

  it('refuses to disable an org whose children are still active, then disables it once they are not', async () => {
    const admin = await adminClient();
    const parent = await buildOrg(kexie.db, { parentId: kexie.root.id });
    const child = await buildOrg(kexie.db, { parentId: parent.id });
    const refused = await admin.patch(`/api/v1/orgs/${parent.id}`, { status: 'disabled' });
    expect(refused.json().error).toMatchObject({ code: 'ORG_HAS_ACTIVE_CHILDREN', message: expect.stringContaining('1 个') });
    expect((await admin.patch(`/api/v1/orgs/${child.id}`, { status: 'disabled' })).statusCode).toBe(200);
    expect((await admin.patch(`/api/v1/orgs/${parent.id}`, { status: 'disabled' })).json().status).toBe('disabled');
    const underDisabled = await admin.post('/api/v1/orgs', { name: '停用下的学会', type: 'society', parentId: parent.id });
    expect(underDisabled.json().error.code).toBe('ORG_PARENT_DISABLED');
  });

  it('filters the list by type and founding date, the figures behind "new this year"', async () => {
    const admin = await adminClient();
    const xixia = await kexie.org('411323');
    await buildOrg(kexie.db, { parentId: xixia.id, type: 'service_station', foundedOn: '2024-06-01' });
    await buildOrg(kexie.db, { parentId: xixia.id, type: 'service_station', foundedOn: '2023-12-31' });
    const response = await admin.get(`/api/v1/orgs?under=${xixia.id}&type=service_station&foundedFrom=2024-01-01&foundedTo=2024-12-31`);
    expect(response.json().total).toBe(1);
    expect(response.json().items[0].foundedOn).toBe('2024-06-01');
  });
});
