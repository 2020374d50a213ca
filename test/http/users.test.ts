import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../factories/index.ts';
import { startTestKexie, type TestClient, type TestKexie } from '../helpers/test-app.ts';

describe('user accounts over HTTP', () => {
  let kexie: TestKexie;
  let admin: TestClient & { userId: string };
  beforeAll(async () => {
    kexie = await startTestKexie();
    admin = await kexie.signIn(kexie.root.id, ['admin']);
  });
  afterAll(() => kexie.close());

  it('creates a user with several roles and shows their org by name', async () => {
    const neixiang = await kexie.org('411325');
    const response = await admin.post('/api/v1/users', {
      username: 'NeiXiang.Editor', displayName: '内乡编辑', password: 'Neixiang-2024', orgId: neixiang.id, roles: ['editor', 'reviewer'],
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ username: 'neixiang.editor', orgName: '内乡县科协', roles: ['editor', 'reviewer'], status: 'active' });
    expect(response.json()).not.toHaveProperty('passwordHash');
  });

  it('lists every failing field of a bad user at once', async () => {
    const response = await admin.post('/api/v1/users', { username: 'x', displayName: '', password: 'p', roles: ['chief'], extra: true });
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.username', 'body.displayName', 'body.orgId', 'body.roles.0', 'body.extra']));
  });

  it('refuses a taken username with USERNAME_TAKEN on the username field', async () => {
    const existing = await buildUser(kexie.db, { orgId: kexie.root.id, roles: ['viewer'] });
    const response = await admin.post('/api/v1/users', {
      username: existing.username.toUpperCase(), displayName: '重名', password: 'Another-2024', orgId: kexie.root.id, roles: ['viewer'],
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'USERNAME_TAKEN', details: [{ path: 'body.username' }] });
    expect(response.json().error.message).toContain(existing.username);
  });

  it('refuses a weak password and says why under the password field', async () => {
    const cases: [string, string][] = [['abcdefgh', 'PASSWORD_TOO_SIMPLE'], ['Ab1', 'PASSWORD_TOO_SHORT'], ['weakuser-99', 'PASSWORD_CONTAINS_USERNAME']];
    for (const [password, reason] of cases) {
      const response = await admin.post('/api/v1/users', { username: 'weakuser', displayName: '弱密码', password, orgId: kexie.root.id, roles: ['viewer'] });
      expect(response.json().error).toMatchObject({ code: 'PASSWORD_WEAK', details: [{ path: 'body.password', code: reason }] });
    }
    expect(await kexie.db.selectFrom('users').select('id').where('username', '=', 'weakuser').execute()).toHaveLength(0);
  });

  it('filters the list by role, org subtree and name, and pages it', async () => {
    const tongbai = await kexie.org('411330');
    for (const name of ['tb-one', 'tb-two', 'tb-three']) await buildUser(kexie.db, { orgId: tongbai.id, roles: ['reporter'], username: name });
    await buildUser(kexie.db, { orgId: tongbai.id, roles: ['viewer'], username: 'tb-viewer' });
    const reporters = (await admin.get(`/api/v1/users?under=${tongbai.id}&role=reporter&sort=username`)).json();
    expect(reporters.items.map((u: { username: string }) => u.username)).toEqual(['tb-one', 'tb-three', 'tb-two']);
    const page2 = (await admin.get(`/api/v1/users?under=${tongbai.id}&pageSize=3&page=2&sort=username`)).json();
    expect(page2).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page2.items.map((u: { username: string }) => u.username)).toEqual(['tb-viewer']);
    const byName = (await admin.get('/api/v1/users?q=TB-TH')).json();
    expect(byName.items.map((u: { username: string }) => u.username)).toEqual(['tb-three']);
  });

  it('keeps an admin from locking themselves out', async () => {
    const self = await admin.patch(`/api/v1/users/${admin.userId}`, { status: 'disabled' });
    expect(self.json().error.code).toBe('USER_SELF_LOCKOUT');
    const demote = await admin.patch(`/api/v1/users/${admin.userId}`, { roles: ['viewer'] });
    expect(demote.json().error.code).toBe('USER_SELF_LOCKOUT');
  });

  it('lets any user read their own account but only admins read others', async () => {
    const viewer = await kexie.signIn(kexie.root.id, ['viewer']);
    const me = (await viewer.get('/api/v1/auth/session')).json().user;
    expect((await viewer.get(`/api/v1/users/${me.id}`)).statusCode).toBe(200);
    expect((await viewer.get(`/api/v1/users/${admin.userId}`)).statusCode).toBe(403);
  });
});
