import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.ts';
import type { Db } from '../../src/database.ts';
import { loadConfig, type Config } from '../../src/platform/config.ts';
import { ensureActivityVocabularies } from '../../src/modules/activities/index.ts';
import { ensureSeedOrgs, findOrgByCode, type OrgRow } from '../../src/modules/orgs/index.ts';
import type { Role } from '../../src/platform/auth-core.ts';
import { buildUser, testPassword } from '../factories/index.ts';
import { createTestDb, type TestDatabase } from './test-db.ts';

export interface TestKexie {
  app: FastifyInstance;
  db: Db;
  database: TestDatabase;
  config: Config;
  /** 南阳市科协, seeded with its thirteen counties as on first start. */
  root: OrgRow;
  org(adminCode: string): Promise<OrgRow>;
  client(): TestClient;
  /** A new user with these roles in this org, already signed in. */
  signIn(orgId: string, roles: Role[], options?: { displayName?: string }): Promise<TestClient & { userId: string; username: string }>;
  close(): Promise<void>;
}

/**
 * A kexie server on a private database of this project's dialect, driven through `app.inject`.
 * Silent unless given pino options (a suite that reads the log passes a stream of its own).
 */
export async function startTestKexie(overrides: Partial<Config> = {}, options: { logger?: object } = {}): Promise<TestKexie> {
  const database = await createTestDb();
  const root = await ensureSeedOrgs(database.db);
  await ensureActivityVocabularies(database.db);
  // Uploaded media go to a directory of this server's own, never under ./data.
  const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kexie-media-'));
  const config = { ...loadConfig({}), mediaDir, ...overrides };
  const app = await buildApp({ config, db: database.db, logger: options.logger ?? false });
  await app.ready();
  return {
    app,
    db: database.db,
    database,
    config,
    root,
    async org(adminCode) {
      const org = await findOrgByCode(database.db, adminCode);
      if (!org) throw new Error(`no org with code ${adminCode}`);
      return org;
    },
    client: () => new TestClient(app),
    async signIn(orgId, roles, options = {}) {
      const user = await buildUser(database.db, { orgId, roles, ...options });
      const client = new TestClient(app);
      const response = await client.login(user.username, testPassword);
      if (response.statusCode !== 200) throw new Error(`login failed: ${response.body}`);
      return Object.assign(client, { userId: user.id, username: user.username });
    },
    async close() {
      await app.close();
      await database.dispose();
      fs.rmSync(mediaDir, { recursive: true, force: true });
    },
  };
}

/** A browser-like client: keeps the session cookie and sends the CSRF token on writes. */
export class TestClient {
  cookie: string | undefined;
  csrfToken: string | undefined;

  constructor(private readonly app: FastifyInstance) {}

  async login(username: string, password: string): Promise<LightMyRequestResponse> {
    const response = await this.request('POST', '/api/v1/auth/login', { username, password });
    if (response.statusCode === 200) this.csrfToken = response.json().csrfToken;
    return response;
  }

  async request(method: InjectOptions['method'], url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const allHeaders: Record<string, string> = { ...headers };
    if (this.cookie) allHeaders.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET' && !('x-csrf-token' in headers)) allHeaders['x-csrf-token'] = this.csrfToken;
    const response = await this.app.inject({ method, url, headers: allHeaders, ...(body === undefined ? {} : { payload: body as object }) });
    const session = response.cookies.find((c) => c.name === 'kexie_session');
    if (session) this.cookie = session.value ? `kexie_session=${session.value}` : undefined;
    return response;
  }

  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers);
  post = (url: string, body?: unknown, headers?: Record<string, string>) => this.request('POST', url, body, headers);
  patch = (url: string, body?: unknown, headers?: Record<string, string>) => this.request('PATCH', url, body, headers);
  put = (url: string, body?: unknown, headers?: Record<string, string>) => this.request('PUT', url, body, headers);
  delete = (url: string, headers?: Record<string, string>) => this.request('DELETE', url, undefined, headers);
}
