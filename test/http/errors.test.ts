import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { createTestDb, type TestDatabase } from '../helpers/test-db.ts';

describe('error responses', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const logLines: string[] = [];

  beforeAll(async () => {
    database = await createTestDb();
    const stream = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(chunk.toString());
        done();
      },
    });
    app = await buildApp({ config: loadConfig({}), db: database.db, logger: { level: 'info', stream } });
    // A route that fails the way a bug would, with internals in the message.
    app.get('/api/v1/test-failure', { config: { public: true } }, async () => {
      throw new Error('connection to 10.0.0.5 refused: password=secret');
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  it('answers a bug with INTERNAL_ERROR and a request id, logging the cause under that id without leaking it', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/test-failure' });
    expect(response.statusCode).toBe(500);
    const { error } = response.json();
    expect(error).toMatchObject({ code: 'INTERNAL_ERROR', details: [], requestId: response.headers['x-request-id'] });
    expect(response.body).not.toContain('10.0.0.5');
    expect(response.body).not.toContain('secret');
    const logged = logLines.map((line) => JSON.parse(line)).find((entry) => entry.reqId === error.requestId && entry.level >= 50);
    expect(logged?.err?.message).toContain('10.0.0.5');
  });

  it('answers an unknown route with ROUTE_NOT_FOUND in the error shape', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toMatchObject({ code: 'ROUTE_NOT_FOUND', message: '没有这个接口' });
  });

  it('keeps session cookies and CSRF tokens out of the log', async () => {
    await app.inject({ method: 'GET', url: '/healthz', headers: { cookie: 'kexie_session=very-secret-token', 'x-csrf-token': 'csrf-secret' } });
    const text = logLines.join('');
    expect(text).not.toContain('very-secret-token');
    expect(text).not.toContain('csrf-secret');
  });
});
