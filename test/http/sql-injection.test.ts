import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildVenue } from '../factories/venues.ts';
import { createColumn, createPublishedArticle } from '../factories/content.ts';
import { sqlInjectionStrings } from '../helpers/hostile-strings.ts';
import { describeOperation, publishedOperations, type Operation, type Parameter } from '../helpers/openapi-operations.ts';
import { startTestKexie, type TestClient, type TestKexie } from '../helpers/test-app.ts';

/**
 * SQL-injection strings through every string filter and search parameter of
 * every GET operation in the OpenAPI document, and through the portal's
 * search and filter pages. A string that means nothing to kexie must behave
 * like any other string that means nothing: refused (4xx), or answered
 * exactly as a plain unmatched word is. A tautology that slipped into the SQL
 * would list rows, an unescaped LIKE wildcard would match them, a syntax
 * error would answer 500 — each differs from the plain word's answer. The
 * database's tables and row counts stay as they were.
 */

/** A word no record holds, the answer every injection string is compared with. */
const plainWord = 'zq无此记录';
const unknownId = '00000000-0000-7000-8000-000000000000';

/**
 * The whole corpus goes into the words people type (q, series, codes …). A
 * record's id (orgId, under …) or a page number, compared with = or parsed,
 * and the spreadsheet downloads (which share their list's filter code and
 * carry their creation time, so only their status is compared) get one string
 * of each kind — a tautology, a stacked statement, a wildcard, an escape —
 * keeping the file within its time budget.
 */
const fewStrings = ["' OR '1'='1", "'; DROP TABLE activities; --", '%', '\\'];
const isIdentifier = (name: string) => /Id$|^(under|column|county|type|page|month)$/.test(name);
const isSpreadsheet = (operation: Operation) => /excel|\.xlsx$/.test(operation.path);
const stringsFor = (name: string) => (isIdentifier(name) ? fewStrings : sqlInjectionStrings);

/**
 * Free-text query parameters. Enums, numbers, booleans and dates are refused
 * by their schema before any query is built, so they get nothing here (the
 * garbage suite covers them).
 */
const textParameters = (operation: Operation): Parameter[] => operation.query.filter(({ schema }) => schema.type === 'string' && !schema.enum && !schema.format);

/** The answer with every JSON string equal to `from` read as `to`: a filter echoed back is not a difference. */
function echoReplaced(value: unknown, from: string, to: string): unknown {
  if (value === from) return to;
  if (Array.isArray(value)) return value.map((item) => echoReplaced(item, from, to));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, echoReplaced(item, from, to)]));
  return value;
}

describe('SQL-injection strings in every filter and search parameter', () => {
  let kexie: TestKexie;
  let admin: TestClient;
  let operations: Operation[];
  let countRows: () => Promise<Record<string, number>>;

  beforeAll(async () => {
    kexie = await startTestKexie();
    admin = await kexie.signIn(kexie.root.id, ['admin']);
    operations = (await publishedOperations(kexie.app)).operations;
    // A few records in every module the filters read, so a filter that matched everything would show rows.
    const fangcheng = await kexie.org('411322');
    const types = (await admin.get('/api/v1/activity-types')).json().items;
    const activity = await admin.post('/api/v1/activities', { title: '天文观测夜', typeId: types[0].id, startDate: '2024-09-20', endDate: '2024-09-20', orgId: fangcheng.id, participants: 30 });
    expect(activity.statusCode).toBe(201);
    await buildVenue(kexie.db, { ownerOrgId: fangcheng.id, name: '方城县星空馆' });
    const column = await createColumn(kexie.db);
    await createPublishedArticle(kexie.db, { columnIds: [column.id], title: '天文观测夜', bodyHtml: '<p>带孩子看星星。</p>' });

    countRows = async () => {
      const tables = (await kexie.db.introspection.getTables()).map((table) => table.name).sort();
      const counts: Record<string, number> = {};
      for (const table of tables) {
        const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(kexie.db);
        counts[table] = Number(rows[0]!.n);
      }
      return counts;
    };
  });
  afterAll(() => kexie?.close());

  const urlOf = (operation: Operation, query: Record<string, string>) =>
    `${operation.path.replace(/\{\w+\}/g, unknownId)}?${new URLSearchParams({ ...query, ...(operation.query.some((p) => p.name === 'pageSize') ? { pageSize: '200' } : {}) })}`;

  /** Why the answer to an injection string is not acceptable next to the plain word's; undefined when it is. */
  function problemWith(response: LightMyRequestResponse, plain: LightMyRequestResponse, injected: string, compareBodies: boolean): string | undefined {
    const status = response.statusCode;
    if (status >= 400 && status < 500) return undefined;
    if (status !== plain.statusCode) return `status ${status}, while the plain word got ${plain.statusCode}`;
    if (!compareBodies) return undefined;
    const body = echoReplaced(response.json(), injected, plainWord);
    if (JSON.stringify(body) !== JSON.stringify(plain.json())) return `an answer unlike the plain word's: ${response.body.slice(0, 400)}`;
    return undefined;
  }

  it('answers every string in every text parameter of every GET operation with a 4xx or the plain word’s answer, and changes no table', async () => {
    const before = await countRows();
    /** Parameters whose plain word got an answer (not a refusal) to compare the injection strings' answers with. */
    const compared: string[] = [];
    const problems: string[] = [];
    for (const operation of operations.filter((o) => o.method === 'GET')) {
      for (const { name } of textParameters(operation)) {
        const plain = await admin.get(urlOf(operation, { [name]: plainWord }));
        if (plain.statusCode < 300) compared.push(`${describeOperation(operation)} ${name}`);
        const strings = isSpreadsheet(operation) ? fewStrings : stringsFor(name);
        for (const injected of strings) {
          const url = urlOf(operation, { [name]: injected });
          const response = await admin.get(url);
          const problem = problemWith(response, plain, injected, !isSpreadsheet(operation));
          if (problem) problems.push(`GET ${url} → ${problem}`);
        }
      }
    }
    expect(problems).toEqual([]);
    // Every module's searches were compared: a parameter that vanished from the document, or a plain word refused, would drop out here.
    expect(compared).toEqual(expect.arrayContaining(['GET /api/v1/orgs q', 'GET /api/v1/users q', 'GET /api/v1/activities q', 'GET /api/v1/articles q', 'GET /api/v1/venues q', 'GET /api/v1/bookings q', 'GET /api/v1/media q', 'GET /api/v1/audit entity', 'GET /api/v1/audit action', 'GET /api/v1/activities/figures series']));
    expect(await countRows()).toEqual(before);
  });

  it('answers every string in the portal’s search and filter pages with a page listing nothing more than the plain word does', async () => {
    const visitor = kexie.client();
    const column = (await admin.get('/api/v1/columns')).json().items[0];
    /** A page, its parameters, and how to count what it lists. */
    const pages = [
      { path: '/search', parameters: ['q', 'column', 'from', 'to', 'page'], listed: /<li><h2><a href="\/articles\//g },
      { path: '/activities', parameters: ['month', 'county', 'type'], listed: /class="activity-entry"/g },
      { path: `/columns/${column.slug}`, parameters: ['page'], listed: /href="\/articles\//g },
    ];
    const before = await countRows();
    const problems: string[] = [];
    for (const page of pages) {
      for (const parameter of page.parameters) {
        const countListed = (response: LightMyRequestResponse) => response.body.match(page.listed)?.length ?? 0;
        const plain = await visitor.get(`${page.path}?${new URLSearchParams({ [parameter]: plainWord })}`);
        expect(plain.statusCode, `${page.path}?${parameter}=${plainWord}`).toBe(200);
        for (const injected of stringsFor(parameter)) {
          const url = `${page.path}?${new URLSearchParams({ [parameter]: injected })}`;
          const response = await visitor.get(url);
          if (response.statusCode !== 200) problems.push(`GET ${url} → ${response.statusCode}`);
          else if (countListed(response) !== countListed(plain)) problems.push(`GET ${url} lists ${countListed(response)}, the plain word ${countListed(plain)}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(await countRows()).toEqual(before);
  });

  it('stores every string verbatim as an activity title and an org name, and finds each by exactly the titles that contain it', async () => {
    const fits = (maxLength: number) => sqlInjectionStrings.filter((text) => text.length <= maxLength);
    const fangcheng = await kexie.org('411322');
    const types = (await admin.get('/api/v1/activity-types')).json().items;
    const titles = fits(100);
    for (const title of titles) {
      const created = await admin.post('/api/v1/activities', { title, typeId: types[0].id, startDate: '2025-03-01', endDate: '2025-03-01', orgId: fangcheng.id, participants: 1 });
      expect(created.statusCode, title).toBe(201);
    }
    const parent = await admin.post('/api/v1/orgs', { name: '注入测试学会', type: 'society', parentId: fangcheng.id });
    const names = fits(100);
    for (const name of names) expect((await admin.post('/api/v1/orgs', { name, type: 'society', parentId: parent.json().id })).statusCode, name).toBe(201);
    const readBack = async (url: string, field: 'title' | 'name') => (await admin.get(url)).json().items.map((item: Record<string, string>) => item[field]).sort();
    expect(await readBack('/api/v1/activities?year=2025&pageSize=200', 'title')).toEqual([...titles].sort());
    expect(await readBack(`/api/v1/orgs?parentId=${parent.json().id}&pageSize=200`, 'name')).toEqual([...names].sort());

    // A search is a literal substring match: the injection strings are all there is to find in 2025.
    const problems: string[] = [];
    for (const q of titles) {
      const found = (await admin.get(`/api/v1/activities?${new URLSearchParams({ q, year: '2025', pageSize: '200' })}`)).json();
      const expected = titles.filter((title) => title.toLowerCase().includes(q.toLowerCase())).sort();
      const actual = found.items.map((item: { title: string }) => item.title).sort();
      if (JSON.stringify(actual) !== JSON.stringify(expected)) problems.push(`q=${q} found ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
    }
    expect(problems).toEqual([]);
  });
});
