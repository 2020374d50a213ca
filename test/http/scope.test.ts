import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Org } from '../../src/modules/orgs/index.ts';
import { buildOrg, buildUser } from '../factories/index.ts';
import { startTestKexie, type TestClient, type TestKexie } from '../helpers/test-app.ts';

describe('data scope: a county user sees and changes only their own subtree', () => {
  let kexie: TestKexie;
  let fangcheng: Org;
  let wancheng: Org;
  let fangchengSociety: Org;
  let wanchengSociety: Org;
  let wanchengUserId: string;
  let reporter: TestClient;

  beforeAll(async () => {
    kexie = await startTestKexie();
    fangcheng = (await kexie.org('411322')) as unknown as Org;
    wancheng = (await kexie.org('411302')) as unknown as Org;
    fangchengSociety = await buildOrg(kexie.db, { parentId: fangcheng.id, name: '方城县科普志愿者协会' });
    wanchengSociety = await buildOrg(kexie.db, { parentId: wancheng.id, name: '宛城区农学会' });
    wanchengUserId = (await buildUser(kexie.db, { orgId: wancheng.id, roles: ['reporter'] })).id;
    reporter = await kexie.signIn(fangcheng.id, ['reporter']);
  });
  afterAll(() => kexie.close());

  const codeOf = (response: { json(): { error?: { code: string } } }) => response.json().error?.code;

  it("shows a 方城县 reporter only 方城县's subtree in the tree and the list", async () => {
    const tree = (await reporter.get('/api/v1/orgs/tree')).json().items.map((o: { name: string }) => o.name);
    expect(tree).toEqual(['方城县科协', '方城县科普志愿者协会']);
    const list = await reporter.get('/api/v1/orgs?pageSize=200');
    expect(list.json().total).toBe(2);
  });

  it('answers 404, not 403, for an org outside the subtree, exactly as for one that does not exist', async () => {
    const outside = await reporter.get(`/api/v1/orgs/${wanchengSociety.id}`);
    const missing = await reporter.get('/api/v1/orgs/01900000-0000-7000-8000-000000000000');
    expect(outside.statusCode).toBe(404);
    expect(codeOf(outside)).toBe('ORG_NOT_FOUND');
    expect(outside.json().error.message).toBe(missing.json().error.message);
    expect(outside.body).not.toContain('宛城');
    expect((await reporter.get(`/api/v1/orgs/${kexie.root.id}`)).statusCode).toBe(404);
  });

  it('answers 404 for a user outside the subtree', async () => {
    const response = await reporter.get(`/api/v1/users/${wanchengUserId}`);
    expect(response.statusCode).toBe(404);
    expect(codeOf(response)).toBe('USER_NOT_FOUND');
  });

  it('cannot write outside the subtree: every attempt is 404 and nothing changes', async () => {
    const attempts = [
      await reporter.patch(`/api/v1/orgs/${wanchengSociety.id}`, { name: '改名' }),
      await reporter.post('/api/v1/orgs', { name: '越权学会', type: 'society', parentId: wancheng.id }),
      await reporter.post(`/api/v1/orgs/${wanchengSociety.id}/move`, { parentId: fangcheng.id }),
      await reporter.patch(`/api/v1/users/${wanchengUserId}`, { status: 'disabled' }),
      await reporter.post(`/api/v1/users/${wanchengUserId}/password`, { password: 'Hijack3d-pass' }),
      await reporter.post(`/api/v1/users/${wanchengUserId}/revoke-sessions`),
    ];
    expect(attempts.map((r) => r.statusCode)).toEqual([404, 404, 404, 404, 404, 404]);
    const society = await kexie.db.selectFrom('orgs').selectAll().where('id', '=', wanchengSociety.id).executeTakeFirstOrThrow();
    expect(society).toMatchObject({ name: '宛城区农学会', parent_id: wancheng.id });
    expect(await kexie.db.selectFrom('orgs').select('id').where('name', '=', '越权学会').execute()).toHaveLength(0);
  });

  it('lets a reporter read but not change their own county (403 inside the scope)', async () => {
    expect((await reporter.get(`/api/v1/orgs/${fangchengSociety.id}`)).statusCode).toBe(200);
    const edit = await reporter.patch(`/api/v1/orgs/${fangchengSociety.id}`, { name: '改名' });
    expect(edit.statusCode).toBe(403);
    expect(codeOf(edit)).toBe('FORBIDDEN');
  });

  it('lets a county admin manage its own subtree but not place users or orgs elsewhere', async () => {
    const countyAdmin = await kexie.signIn(fangcheng.id, ['admin']);
    const created = await countyAdmin.post('/api/v1/orgs', { name: '方城县企业科协联合会', type: 'enterprise_association', parentId: fangcheng.id });
    expect(created.statusCode).toBe(201);
    const user = await countyAdmin.post('/api/v1/users', {
      username: 'fc-reporter', displayName: '方城填报', password: 'Fangcheng-2024', orgId: created.json().id, roles: ['reporter'],
    });
    expect(user.statusCode).toBe(201);
    const elsewhere = await countyAdmin.post('/api/v1/users', {
      username: 'wc-intruder', displayName: '越权', password: 'Fangcheng-2024', orgId: wancheng.id, roles: ['admin'],
    });
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json().error).toMatchObject({ code: 'USER_ORG_NOT_FOUND', details: [{ path: 'body.orgId' }] });
    const relocate = await countyAdmin.patch(`/api/v1/users/${user.json().id}`, { orgId: wancheng.id });
    expect(relocate.statusCode).toBe(404);
    const users = (await countyAdmin.get('/api/v1/users?pageSize=200')).json().items.map((u: { orgName: string }) => u.orgName);
    expect(new Set(users)).toEqual(new Set(['方城县科协', '方城县企业科协联合会']));
  });

  it("keeps a county admin from disabling or moving their own org", async () => {
    const countyAdmin = await kexie.signIn(fangcheng.id, ['admin']);
    const disable = await countyAdmin.patch(`/api/v1/orgs/${fangcheng.id}`, { status: 'disabled' });
    expect(codeOf(disable)).toBe('ORG_SCOPE_ROOT_LOCKED');
  });
});
