import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOrgByCode } from '../../src/modules/orgs/index.ts';
import { buildUser, testPassword } from '../factories/index.ts';
import { startTestKexie, type TestKexie } from '../helpers/test-app.ts';

describe('signing in, sessions and CSRF', () => {
  let kexie: TestKexie;
  beforeAll(async () => {
    kexie = await startTestKexie();
  });
  afterAll(() => kexie.close());

  const newUser = (roles: ('admin' | 'viewer')[] = ['viewer']) => buildUser(kexie.db, { orgId: kexie.root.id, roles });

  it('sets an httpOnly SameSite session cookie and returns the user and a CSRF token', async () => {
    const user = await newUser();
    const client = kexie.client();
    const response = await client.login(user.username, testPassword);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'kexie_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(response.json()).toMatchObject({ user: { username: user.username, orgName: '南阳市科协' }, csrfToken: expect.any(String) });
    const session = await client.get('/api/v1/auth/session');
    expect(session.json().user.id).toBe(user.id);
  });

  it('tells the console whether the account may change what the whole association shares: at the top-level org yes, in a county no', async () => {
    const fangcheng = (await findOrgByCode(kexie.db, '411322'))!;
    const cityAdmin = await newUser(['admin']);
    const countyAdmin = await buildUser(kexie.db, { orgId: fangcheng.id, roles: ['admin'] });
    for (const [user, cityWide] of [[cityAdmin, true], [countyAdmin, false]] as const) {
      const client = kexie.client();
      expect((await client.login(user.username, testPassword)).json().cityWide, `${user.username} at sign-in`).toBe(cityWide);
      expect((await client.get('/api/v1/auth/session')).json().cityWide, `${user.username} on reload`).toBe(cityWide);
    }
  });

  it('stores passwords as argon2id hashes, never as given', async () => {
    const user = await newUser();
    const row = await kexie.db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(testPassword);
  });

  it('answers a wrong password with AUTH_INVALID_CREDENTIALS in Chinese, or English when asked', async () => {
    const user = await newUser();
    const zh = await kexie.client().request('POST', '/api/v1/auth/login', { username: user.username, password: 'wrong-password-1' });
    expect(zh.statusCode).toBe(401);
    expect(zh.json().error).toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS', message: '用户名或密码错误' });
    const en = await kexie.client().request('POST', '/api/v1/auth/login', { username: user.username, password: 'wrong-password-1' }, { 'accept-language': 'en-US,en;q=0.9' });
    expect(en.json().error.message).toBe('Wrong username or password');
  });

  it('refuses the 6th wrong password within a minute with AUTH_ACCOUNT_LOCKED, even when the 6th is right', async () => {
    const user = await newUser();
    const client = kexie.client();
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await client.login(user.username, `wrong-${attempt}-password`);
      expect(response.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
    }
    const sixth = await client.login(user.username, testPassword);
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().error.code).toBe('AUTH_ACCOUNT_LOCKED');
    expect(sixth.json().error.message).toContain('分钟后再试');
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(60);
  });

  it('throttles guessing at unknown usernames with AUTH_TOO_MANY_ATTEMPTS', async () => {
    const client = kexie.client();
    for (let attempt = 1; attempt <= 5; attempt++) await client.login('nobody-here', 'wrong-password-1');
    const sixth = await client.login('nobody-here', 'wrong-password-1');
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().error.code).toBe('AUTH_TOO_MANY_ATTEMPTS');
  });

  it('lifts a lockout when an admin resets the password', async () => {
    const user = await newUser();
    const client = kexie.client();
    for (let attempt = 1; attempt <= 5; attempt++) await client.login(user.username, 'wrong-password-1');
    expect((await client.login(user.username, testPassword)).statusCode).toBe(429);
    const admin = await kexie.signIn(kexie.root.id, ['admin']);
    expect((await admin.post(`/api/v1/users/${user.id}/password`, { password: 'N3w-password' })).statusCode).toBe(200);
    expect((await client.login(user.username, 'N3w-password')).statusCode).toBe(200);
  });

  it('refuses a write without the CSRF token, or with a wrong one, and changes nothing', async () => {
    const admin = await kexie.signIn(kexie.root.id, ['admin']);
    const body = { name: '无令牌学会', type: 'society', parentId: kexie.root.id };
    const missing = await admin.post('/api/v1/orgs', body, { 'x-csrf-token': '' });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe('CSRF_TOKEN_INVALID');
    const wrong = await admin.post('/api/v1/orgs', body, { 'x-csrf-token': 'x'.repeat(43) });
    expect(wrong.json().error.code).toBe('CSRF_TOKEN_INVALID');
    const found = await kexie.db.selectFrom('orgs').select('id').where('name', '=', '无令牌学会').execute();
    expect(found).toHaveLength(0);
    expect((await admin.post('/api/v1/orgs', body)).statusCode).toBe(201);
  });

  it('answers AUTH_REQUIRED to an API call without a session', async () => {
    const response = await kexie.client().get('/api/v1/orgs');
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('AUTH_REQUIRED');
  });

  it('answers the session probe with null, not an error, when nobody is signed in', async () => {
    const response = await kexie.client().get('/api/v1/auth/session');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toBeNull();
  });

  it('ends the session on logout', async () => {
    const client = await kexie.signIn(kexie.root.id, ['viewer']);
    const stale = client.cookie!;
    expect((await client.post('/api/v1/auth/logout')).statusCode).toBe(204);
    const after = await kexie.client().get('/api/v1/orgs', { cookie: stale });
    expect(after.statusCode).toBe(401);
  });

  it('issues a new session id at login so a planted cookie is never promoted', async () => {
    const user = await newUser();
    const client = kexie.client();
    await client.login(user.username, testPassword);
    const first = client.cookie!;
    await client.login(user.username, testPassword);
    expect(client.cookie).not.toBe(first);
    expect((await kexie.client().get('/api/v1/orgs', { cookie: first })).statusCode).toBe(401);
    expect((await client.get('/api/v1/orgs')).statusCode).toBe(200);
  });

  it('signs a user out everywhere when an admin revokes their sessions', async () => {
    const user = await newUser();
    const laptop = kexie.client();
    const phone = kexie.client();
    await laptop.login(user.username, testPassword);
    await phone.login(user.username, testPassword);
    const admin = await kexie.signIn(kexie.root.id, ['admin']);
    const revoked = await admin.post(`/api/v1/users/${user.id}/revoke-sessions`);
    expect(revoked.json()).toEqual({ revoked: 2 });
    expect((await laptop.get('/api/v1/orgs')).statusCode).toBe(401);
    expect((await phone.get('/api/v1/orgs')).statusCode).toBe(401);
  });

  it('refuses a disabled account and drops its open sessions', async () => {
    const user = await newUser();
    const client = kexie.client();
    await client.login(user.username, testPassword);
    const admin = await kexie.signIn(kexie.root.id, ['admin']);
    expect((await admin.patch(`/api/v1/users/${user.id}`, { status: 'disabled' })).statusCode).toBe(200);
    expect((await client.get('/api/v1/orgs')).statusCode).toBe(401);
    const again = await kexie.client().login(user.username, testPassword);
    expect(again.statusCode).toBe(403);
    expect(again.json().error.code).toBe('AUTH_ACCOUNT_DISABLED');
  });

  it('changes the own password, keeping this session and ending the others', async () => {
    const user = await newUser();
    const here = kexie.client();
    const elsewhere = kexie.client();
    await here.login(user.username, testPassword);
    await elsewhere.login(user.username, testPassword);
    const wrong = await here.post('/api/v1/auth/password', { currentPassword: 'not-it-123', newPassword: 'An0ther-pass' });
    expect(wrong.json().error).toMatchObject({ code: 'AUTH_WRONG_CURRENT_PASSWORD', details: [{ path: 'body.currentPassword' }] });
    const weak = await here.post('/api/v1/auth/password', { currentPassword: testPassword, newPassword: 'short' });
    expect(weak.json().error).toMatchObject({ code: 'PASSWORD_WEAK', details: [{ path: 'body.newPassword', code: 'PASSWORD_TOO_SHORT', message: '密码至少 8 位' }] });
    expect((await here.post('/api/v1/auth/password', { currentPassword: testPassword, newPassword: 'An0ther-pass' })).statusCode).toBe(204);
    expect((await here.get('/api/v1/orgs')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/v1/orgs')).statusCode).toBe(401);
    expect((await kexie.client().login(user.username, 'An0ther-pass')).statusCode).toBe(200);
  });

  it("answers in the user's saved language once they choose English", async () => {
    const client = await kexie.signIn(kexie.root.id, ['viewer']);
    expect((await client.patch('/api/v1/auth/me', { locale: 'en-US' })).json().locale).toBe('en-US');
    const response = await client.get('/api/v1/users');
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toBe('You are not allowed to do this');
  });
});
