import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type InjectOptions, type LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeMedia } from '../../src/modules/media/index.ts';
import { stylesheet } from '../../src/modules/portal/portal.assets.ts';
import { adminDistDir } from '../../src/platform/admin-build.ts';
import errorsPlugin from '../../src/platform/http/errors.plugin.ts';
import securityHeadersPlugin, { strictTransportSecurity } from '../../src/platform/http/security-headers.plugin.ts';
import { cliContext } from '../factories/index.ts';
import { createColumn, createPublishedArticle } from '../factories/content.ts';
import { describeOperation, publishedOperations, type JsonSchema } from '../helpers/openapi-operations.ts';
import { startTestKexie, type TestKexie } from '../helpers/test-app.ts';

/**
 * The security headers on every kind of response kexie sends: each operation
 * of the OpenAPI document (successes and refusals), portal pages and assets,
 * the admin console, media files, errors and health — so a new route is
 * covered as soon as it is registered.
 */

/** What a response belongs to decides the Content-Security-Policy it must carry. */
type Surface = 'api' | 'portal' | 'console' | 'media' | 'asset';

type Policy = Map<string, string[]>;

function policyOf(response: LightMyRequestResponse): Policy {
  const header = String(response.headers['content-security-policy'] ?? '');
  const directives = header.split(';').map((directive) => directive.trim().split(/\s+/));
  return new Map(directives.flatMap(([name, ...sources]) => (name ? [[name, sources] as const] : [])));
}

/** The sources a fetch directive allows, falling back to default-src as browsers do. */
const sourcesFor = (policy: Policy, directive: string) => policy.get(directive) ?? policy.get('default-src') ?? ['*'];

const same = (actual: string[] | undefined, expected: string[]) => JSON.stringify(actual) === JSON.stringify(expected);

/** What each surface's policy must say; empty when it does. */
function policyProblems(policy: Policy, surface: Surface): string[] {
  const problems: string[] = [];
  const require = (holds: boolean, what: string) => holds || problems.push(what);
  const noInline = (directive: string) => require(!sourcesFor(policy, directive).includes("'unsafe-inline'"), `${directive} allows 'unsafe-inline'`);
  switch (surface) {
    case 'api':
    case 'asset':
      require(same(policy.get('default-src'), ["'none'"]), "default-src is not 'none'");
      require(same(policy.get('frame-ancestors'), ["'none'"]), "frame-ancestors is not 'none'");
      break;
    case 'portal':
      noInline('script-src');
      noInline('style-src');
      require(same(policy.get('frame-ancestors'), ["'self'"]), "frame-ancestors is not 'self'");
      break;
    case 'console':
      noInline('script-src');
      require(same(sourcesFor(policy, 'script-src'), ["'self'"]), "script-src is not 'self'");
      require(same(policy.get('frame-ancestors'), ["'self'"]), "frame-ancestors is not 'self'");
      break;
    case 'media':
      require(same(policy.get('default-src'), ["'none'"]), "default-src is not 'none'");
      require(policy.has('sandbox'), 'no sandbox');
      break;
  }
  return problems;
}

/** Everything wrong with one response's security headers; empty when they are right. */
function headerProblems(response: LightMyRequestResponse, surface: Surface, overHttps = false): string[] {
  const { headers } = response;
  const problems: string[] = [];
  if (headers['x-content-type-options'] !== 'nosniff') problems.push(`x-content-type-options is ${headers['x-content-type-options']}`);
  if (headers['referrer-policy'] !== 'strict-origin-when-cross-origin') problems.push(`referrer-policy is ${headers['referrer-policy']}`);
  const policy = policyOf(response);
  // Browsers that predate frame-ancestors read X-Frame-Options; it must agree with the policy.
  const framing = policy.get('frame-ancestors')?.includes("'none'") ? 'DENY' : 'SAMEORIGIN';
  if (headers['x-frame-options'] !== framing) problems.push(`x-frame-options is ${headers['x-frame-options']}, not ${framing}`);
  problems.push(...policyProblems(policy, surface));
  const hsts = headers['strict-transport-security'];
  if (overHttps && !/^max-age=\d{7,}/.test(String(hsts))) problems.push(`over HTTPS, strict-transport-security is ${hsts}`);
  if (!overHttps && hsts !== undefined) problems.push(`over plain HTTP, strict-transport-security is sent (${hsts})`);
  return problems.map((problem) => `${response.raw.req.method} ${response.raw.req.url} → ${response.statusCode} (${surface}): ${problem}`);
}

let kexie: TestKexie;
let adminCookie: string;
const unknownId = '00000000-0000-7000-8000-000000000000';
const pathValue = (schema: JsonSchema) => (schema.type === 'integer' ? '999999' : unknownId);

beforeAll(async () => {
  // Behind a proxy that terminates TLS, as operations.md recommends.
  kexie = await startTestKexie({ trustProxy: true });
  const admin = await kexie.signIn(kexie.root.id, ['admin']);
  adminCookie = admin.cookie!;
});
afterAll(() => kexie.close());

const inject = (options: InjectOptions) => kexie.app.inject(options);

/**
 * The answer of an app with only the platform's headers and error handling,
 * and one route that fails: cases a full kexie cannot be made to produce
 * (a 500) or would take a second server to (another proxy setting).
 */
async function answerOfBareApp(options: { trustProxy: boolean }, request: InjectOptions): Promise<LightMyRequestResponse> {
  const app = Fastify({ logger: false, trustProxy: options.trustProxy });
  try {
    await app.register(securityHeadersPlugin);
    await app.register(errorsPlugin);
    app.get('/api/v1/broken', async () => {
      throw new Error('the database went away');
    });
    return await app.inject(request);
  } finally {
    await app.close();
  }
}

describe('security headers', () => {
  it('are on the answer of every operation in the OpenAPI document, signed in and anonymous', async () => {
    const { operations } = await publishedOperations(kexie.app);
    expect(operations.length).toBeGreaterThan(50);
    const problems: string[] = [];
    const statuses = new Set<number>();
    for (const operation of operations) {
      const url = operation.pathParams.reduce((at, { name, schema }) => at.replace(`{${name}}`, pathValue(schema)), operation.path);
      // Reads as a signed-in admin (answers with data or 404); writes without the CSRF token, so nothing changes (403).
      for (const cookie of [adminCookie, undefined]) {
        const response = await inject({ method: operation.method, url, headers: cookie ? { cookie } : {} });
        if (response.statusCode >= 500) problems.push(`${describeOperation(operation)} answered ${response.statusCode}`);
        statuses.add(response.statusCode);
        problems.push(...headerProblems(response, 'api'));
      }
    }
    expect(problems).toEqual([]);
    // Successes and refusals both went through the walk.
    expect([...statuses]).toEqual(expect.arrayContaining([200, 401, 403, 404]));
  });

  it('are on the portal’s pages, feeds, assets and its 404 and 304 answers, whose policy allows no inline script or style', async () => {
    const column = await createColumn(kexie.db, { name: '科普之窗', slug: 'kepu-window', inNav: true });
    const article = await createPublishedArticle(kexie.db, { title: '科技活动周开幕', columnIds: [column.id] });
    const pages = ['/', '/columns/kepu-window', `/articles/${article.id}`, '/search?q=%E7%A7%91%E6%8A%80', '/activities', '/no-such-page', `/articles/${unknownId}`];
    const responses = await Promise.all(pages.map((url) => inject({ method: 'GET', url })));
    expect(responses.map((response) => response.statusCode)).toEqual([200, 200, 200, 200, 200, 404, 404]);
    const revalidated = await inject({ method: 'GET', url: '/', headers: { 'if-none-match': String(responses[0]!.headers.etag) } });
    expect(revalidated.statusCode).toBe(304);
    const problems = [...responses, revalidated].flatMap((response) => headerProblems(response, 'portal'));

    const feed = await inject({ method: 'GET', url: '/rss.xml' });
    expect(feed.statusCode).toBe(200);
    problems.push(...headerProblems(feed, 'portal'));
    const css = await inject({ method: 'GET', url: stylesheet.url });
    expect(css.statusCode).toBe(200);
    problems.push(...headerProblems(css, 'asset'));
    expect(problems).toEqual([]);
  });

  it('keep a stored media file’s sandbox policy, and are on its 304 and 404 answers', async () => {
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#2255aa' } }).png().toBuffer();
    const image = await storeMedia(await cliContext(kexie.db), { fileName: '标志.png', bytes: png, alt: '标志' });
    const file = await inject({ method: 'GET', url: image.url });
    expect(file.statusCode).toBe(200);
    const revalidated = await inject({ method: 'GET', url: image.url, headers: { 'if-none-match': String(file.headers.etag) } });
    expect(revalidated.statusCode).toBe(304);
    const missing = await inject({ method: 'GET', url: `/media/download/${unknownId}` });
    expect(missing.statusCode).toBe(404);
    expect([...headerProblems(file, 'media'), ...headerProblems(revalidated, 'media'), ...headerProblems(missing, 'api')]).toEqual([]);
  });

  it('are on the admin console’s page and assets, whose policy runs only its own script files', async () => {
    const built = fs.existsSync(path.join(adminDistDir, 'index.html'));
    // The HTTP tier may run before the console is built: then /admin answers 404, which must carry the same policy.
    const script = built ? fs.readFileSync(path.join(adminDistDir, 'index.html'), 'utf8').match(/src="(\/admin\/assets\/[^"]+\.js)"/)?.[1] : '/admin/assets/index.js';
    expect(script).toBeDefined();
    const responses = await Promise.all(['/admin', '/admin/login', script!, '/admin/assets/missing.js'].map((url) => inject({ method: 'GET', url })));
    expect(responses.map((response) => response.statusCode)).toEqual(built ? [200, 200, 200, 404] : [404, 404, 404, 404]);
    expect(responses.flatMap((response) => headerProblems(response, 'console'))).toEqual([]);
  });

  it('are on health checks, the API description and errors: unknown routes, bad JSON, a malformed URL', async () => {
    const responses = await Promise.all([
      inject({ method: 'GET', url: '/healthz' }),
      inject({ method: 'GET', url: '/api/openapi.json' }),
      inject({ method: 'GET', url: '/api/v1/no-such-route' }),
      inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' }),
      inject({ method: 'GET', url: '/api/v1/orgs/%E0%A4%A' }),
    ]);
    expect(responses.map((response) => response.statusCode)).toEqual([200, 200, 404, 400, 400]);
    const docs = await inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    const docsPolicy = policyOf(docs);
    expect(sourcesFor(docsPolicy, 'script-src')).toEqual(["'self'"]);
    expect(docsPolicy.get('frame-ancestors')).toEqual(["'self'"]);
    expect(responses.flatMap((response) => headerProblems(response, 'api'))).toEqual([]);
  });

  it('are on a 500, which the error handler answers', async () => {
    const response = await answerOfBareApp({ trustProxy: false }, { method: 'GET', url: '/api/v1/broken' });
    expect(response.statusCode).toBe(500);
    expect(response.json().error.code).toBe('INTERNAL_ERROR');
    expect(headerProblems(response, 'api')).toEqual([]);
  });
});

describe('Strict-Transport-Security', () => {
  const viaProxy = { 'x-forwarded-proto': 'https' };

  it('is sent when a trusted proxy says the request came over HTTPS, on API answers and portal pages alike', async () => {
    const responses = await Promise.all(['/healthz', '/', '/api/v1/no-such-route'].map((url) => inject({ method: 'GET', url, headers: viaProxy })));
    expect(responses.flatMap((response, i) => headerProblems(response, i === 1 ? 'portal' : 'api', true))).toEqual([]);
  });

  it('is not sent over plain HTTP', async () => {
    const response = await inject({ method: 'GET', url: '/healthz' });
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('is not sent when the proxy is not trusted, whatever X-Forwarded-Proto claims', async () => {
    const untrusted = await answerOfBareApp({ trustProxy: false }, { method: 'GET', url: '/api/v1/broken', headers: viaProxy });
    expect(untrusted.headers['strict-transport-security']).toBeUndefined();
    // The same app trusting its proxy sends it: the difference is the trust alone.
    const trusted = await answerOfBareApp({ trustProxy: true }, { method: 'GET', url: '/api/v1/broken', headers: viaProxy });
    expect(trusted.headers['strict-transport-security']).toBe(strictTransportSecurity);
  });
});
