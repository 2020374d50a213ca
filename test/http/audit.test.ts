import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, buildUser, testPassword } from '../factories/index.ts';
import { startTestKexie, type TestClient, type TestKexie } from '../helpers/test-app.ts';

describe('audit log', () => {
  let kexie: TestKexie;
  let admin: TestClient & { userId: string; username: string };
  beforeAll(async () => {
    kexie = await startTestKexie();
    admin = await kexie.signIn(kexie.root.id, ['admin']);
  });
  afterAll(() => kexie.close());

  async function auditRows() {
    return kexie.db.selectFrom('audit_log').selectAll().orderBy('at').orderBy('id').execute();
  }

  /** Runs one write and returns the audit entries it added. */
  async function entriesAddedBy(write: () => Promise<{ statusCode: number; body: string }>, expectedStatus: number) {
    const before = new Set((await auditRows()).map((r) => r.id));
    const response = await write();
    expect(response.statusCode, response.body).toBe(expectedStatus);
    return (await auditRows()).filter((r) => !before.has(r.id));
  }

  it('leaves exactly one entry, with before and after, for every successful write', async () => {
    const sheqi = await kexie.org('411327');
    const other = await buildOrg(kexie.db, { parentId: kexie.root.id });
    const target = await buildUser(kexie.db, { orgId: sheqi.id, roles: ['viewer'] });
    let orgId = '';
    const writes: [string, string, () => Promise<{ statusCode: number; body: string; json(): any }>, number][] = [
      ['org', 'create', async () => {
        const response = await admin.post('/api/v1/orgs', { name: '社旗县茶叶学会', type: 'society', parentId: sheqi.id, foundedOn: '2024-03-12' });
        orgId = response.json().id;
        return response;
      }, 201],
      ['org', 'update', () => admin.patch(`/api/v1/orgs/${orgId}`, { shortName: '茶叶学会' }), 200],
      ['org', 'move', () => admin.post(`/api/v1/orgs/${orgId}/move`, { parentId: other.id }), 200],
      ['user', 'create', () => admin.post('/api/v1/users', { username: 'sq-editor', displayName: '社旗编辑', password: 'Sheqi-2024!', orgId: sheqi.id, roles: ['editor'] }), 201],
      ['user', 'update', () => admin.patch(`/api/v1/users/${target.id}`, { roles: ['viewer', 'reporter'] }), 200],
      ['user', 'reset_password', () => admin.post(`/api/v1/users/${target.id}/password`, { password: 'Reset-2024!' }), 200],
      ['user', 'revoke_sessions', () => admin.post(`/api/v1/users/${target.id}/revoke-sessions`), 200],
      ['user', 'update_self', () => admin.patch('/api/v1/auth/me', { displayName: '市科协管理员' }), 200],
    ];
    for (const [entity, action, write, status] of writes) {
      const added = await entriesAddedBy(write, status);
      expect(added, `${entity} ${action}`).toHaveLength(1);
      expect(added[0]).toMatchObject({ entity, action, actor_user_id: admin.userId, actor_username: admin.username });
      expect(added[0]!.after_json, `${entity} ${action} after`).not.toBeNull();
      if (action !== 'create' && action !== 'revoke_sessions') expect(added[0]!.before_json, `${entity} ${action} before`).not.toBeNull();
    }
    const update = (await auditRows()).find((r) => r.entity === 'org' && r.action === 'update' && r.entity_id === orgId)!;
    expect(JSON.parse(update.before_json!)).toMatchObject({ shortName: null, name: '社旗县茶叶学会' });
    expect(JSON.parse(update.after_json!)).toMatchObject({ shortName: '茶叶学会' });
  });

  it('never writes a password or its hash into the audit log', async () => {
    const rows = await auditRows();
    const text = JSON.stringify(rows);
    expect(text).not.toContain('argon2');
    expect(text).not.toContain('Sheqi-2024!');
    expect(text).not.toContain('Reset-2024!');
    expect(text).not.toContain(testPassword);
  });

  it('records sign-in and sign-out as session entries', async () => {
    const user = await buildUser(kexie.db, { orgId: kexie.root.id, roles: ['viewer'] });
    const client = kexie.client();
    const login = await entriesAddedBy(() => client.login(user.username, testPassword), 200);
    expect(login.map((e) => [e.entity, e.action])).toEqual([['session', 'login']]);
    const logout = await entriesAddedBy(() => client.post('/api/v1/auth/logout'), 204);
    expect(logout.map((e) => [e.entity, e.action])).toEqual([['session', 'logout']]);
  });

  it('leaves no entry and changes nothing when a write is refused', async () => {
    const refused = await entriesAddedBy(() => admin.post('/api/v1/orgs', { name: '', type: 'society', parentId: kexie.root.id }), 400);
    expect(refused).toHaveLength(0);
    const conflict = await entriesAddedBy(() => admin.post('/api/v1/orgs', { name: '卧龙区科协', type: 'county_association', parentId: kexie.root.id }), 409);
    expect(conflict).toHaveLength(0);
  });

  it('lets admins filter the log by entity, action, user and time, newest first', async () => {
    const from = new Date(Date.now() - 60_000).toISOString();
    const response = await admin.get(`/api/v1/audit?entity=org&action=create&actorUserId=${admin.userId}&from=${encodeURIComponent(from)}`);
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { entity: string; action: string; after: { name: string } }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((e) => e.entity === 'org' && e.action === 'create')).toBe(true);
    expect(items.map((e) => e.after.name)).toContain('社旗县茶叶学会');
    const page = (await admin.get('/api/v1/audit?pageSize=5')).json();
    expect(page.items).toHaveLength(5);
    const times = page.items.map((e: { at: string }) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it("shows a county admin only the writes made in their county's subtree, and refuses non-admins", async () => {
    const fangcheng = await kexie.org('411322');
    await buildOrg(kexie.db, { parentId: fangcheng.id, name: '方城县老科协' });
    const countyAdmin = await kexie.signIn(fangcheng.id, ['admin']);
    const items = (await countyAdmin.get('/api/v1/audit?entity=org&pageSize=200')).json().items as { after: { name: string } }[];
    // The county's own creation at seeding time, and the society under it; nothing from elsewhere.
    expect(items.map((e) => e.after.name)).toEqual(['方城县老科协', '方城县科协']);
    const viewer = await kexie.signIn(kexie.root.id, ['viewer', 'reporter', 'editor', 'reviewer']);
    expect((await viewer.get('/api/v1/audit')).statusCode).toBe(403);
  });
});
