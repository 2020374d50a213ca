import SwaggerParser from '@apidevtools/swagger-parser';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKexie, type TestKexie } from '../helpers/test-app.ts';
import { testDialect } from '../helpers/test-db.ts';

interface DocumentedOperation {
  summary?: string;
  security?: unknown[];
  parameters?: unknown[];
  requestBody?: unknown;
  responses: Record<string, { content?: { 'application/json'?: { schema?: { $ref?: string } } } }>;
}
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, DocumentedOperation>>;
}

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function operationsOf(document: OpenApiDocument) {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, method: method.toUpperCase(), operation })),
  );
}

/**
 * Every method and path the server routes, read from Fastify's route tree:
 * lines such as `│   └── :id (GET, HEAD, PATCH)`, four columns per level.
 */
function servedRoutes(app: FastifyInstance): string[] {
  const ancestors: string[] = [];
  const routes: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^((?:│ {3}| {4})*)[├└]── (\S+)(?: \(([^)]+)\))?$/.exec(line);
    if (!match) continue;
    const [, indent = '', segment = '', methods] = match;
    ancestors.length = indent.length / 4;
    ancestors.push(segment);
    const path = ancestors.join('').replace(/:(\w+)/g, '{$1}').replace(/(.)\/$/, '$1');
    for (const method of methods?.split(', ') ?? []) if (method !== 'HEAD') routes.push(`${method} ${path}`);
  }
  return [...new Set(routes)];
}

describe('API description, docs page and health check', () => {
  let kexie: TestKexie;
  let document: OpenApiDocument;

  beforeAll(async () => {
    kexie = await startTestKexie();
    const response = await kexie.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    document = response.json();
  });
  afterAll(() => kexie.close());

  const operationNames = () => operationsOf(document).map((o) => o.name);

  it('serves a valid OpenAPI 3 document at /api/openapi.json', async () => {
    expect(document.openapi).toMatch(/^3\./);
    // The validator dereferences in place; the copy keeps the document as served.
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeTruthy();
  });

  it('describes the organisation routes', () => {
    expect(operationNames()).toEqual(
      expect.arrayContaining(['GET /api/v1/orgs', 'POST /api/v1/orgs', 'GET /api/v1/orgs/tree', 'GET /api/v1/orgs/{id}', 'PATCH /api/v1/orgs/{id}', 'POST /api/v1/orgs/{id}/move']),
    );
  });

  it('describes the sign-in, account, user and audit routes', () => {
    expect(operationNames()).toEqual(
      expect.arrayContaining([
        'POST /api/v1/auth/login',
        'POST /api/v1/auth/logout',
        'GET /api/v1/auth/session',
        'PATCH /api/v1/auth/me',
        'POST /api/v1/auth/password',
        'GET /api/v1/users',
        'POST /api/v1/users',
        'GET /api/v1/users/{id}',
        'PATCH /api/v1/users/{id}',
        'POST /api/v1/users/{id}/password',
        'POST /api/v1/users/{id}/revoke-sessions',
        'GET /api/v1/audit',
      ]),
    );
  });

  it('documents every /api/v1 route the server answers, so none escapes the garbage test', () => {
    const served = servedRoutes(kexie.app).filter((route) => route.split(' ')[1]!.startsWith('/api/v1/'));
    expect(served).toContain('PATCH /api/v1/orgs/{id}');
    expect(operationNames()).toEqual(expect.arrayContaining(served));
  });

  it('gives every operation a summary and declares the errors it can answer, in the error shape', () => {
    for (const { name, method, operation } of operationsOf(document)) {
      expect(operation.summary, name).toMatch(/\S/);
      const statuses = Object.keys(operation.responses).map(Number);
      expect(statuses.some((status) => status >= 400), `${name} declares no error response`).toBe(true);
      for (const status of statuses.filter((s) => s >= 400 && s < 500)) {
        expect(operation.responses[status]?.content?.['application/json']?.schema?.$ref, `${name} ${status}`).toBe('#/components/schemas/ErrorBody');
      }
      const needsSession = operation.security === undefined || operation.security.length > 0;
      const takesInput = writeMethods.has(method) || Boolean(operation.parameters?.length || operation.requestBody);
      if (takesInput) expect(statuses, `${name}: input is validated`).toContain(400);
      if (needsSession) expect(statuses, `${name}: needs a session`).toContain(401);
      if (needsSession && writeMethods.has(method)) expect(statuses, `${name}: needs the CSRF token`).toContain(403);
    }
  });

  it('documents login, the session probe and the health check as open to anyone, every other route as needing the session cookie', () => {
    const open = operationsOf(document).filter(({ operation }) => operation.security?.length === 0).map((o) => o.name);
    expect(open.sort()).toEqual(['GET /api/v1/auth/session', 'GET /healthz', 'POST /api/v1/auth/login']);
  });

  it('serves the interactive API docs as an HTML page at /api/docs', async () => {
    for (const url of ['/api/docs', '/api/docs/']) {
      const response = await kexie.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toMatch(/^text\/html/);
      expect(response.body, url).toContain('swagger-ui');
    }
  });

  it(`reports itself up on ${testDialect} at /healthz`, async () => {
    const response = await kexie.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', database: testDialect });
  });
});
