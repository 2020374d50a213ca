import Ajv from 'ajv';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeOperation, publishedOperations, type JsonSchema, type JsonType, type Operation } from '../helpers/openapi-operations.ts';
import { startTestKexie, type TestClient, type TestKexie } from '../helpers/test-app.ts';

/**
 * Malformed JSON, wrong types, unknown fields, oversized bodies, wrong content
 * types and odd path parameters, thrown at every operation of the OpenAPI
 * document — so a module's routes are covered as soon as they are registered.
 * Every answer must be a 4xx in the documented error shape, never a 5xx and
 * never a success.
 */

/** One malformed request and how kexie must refuse it. */
interface GarbageCase {
  pathValues?: Record<string, string>;
  query?: Record<string, string | string[]>;
  payload?: string | Buffer;
  contentType?: string;
  expected: Refusal;
}

interface Refusal {
  statuses: number[];
  codes: string[];
  /** For VALIDATION_FAILED: exactly the field paths the details must name. */
  fieldPaths?: string[];
}

const bodyLimitBytes = 16 * 1024;
/** Fastify refuses a longer path parameter before routing (maxParamLength). */
const maxParamLength = 100;
/** Well-formed but exists nowhere, so even a request that slipped through validation could change nothing. */
const unknownId = '00000000-0000-7000-8000-000000000000';
/** A path parameter that is well-formed for its schema (an id, or a number such as a revision) and names nothing. */
const wellFormedPathValue = (schema: JsonSchema): string => (schema.type === 'integer' ? '999999' : unknownId);
/**
 * Generated cases per operation and caller. Anonymous requests to a private
 * route all stop at the session check before anything reads them, so a few
 * show that; public routes read anonymous garbage and get as many as a signed-in caller's share.
 */
const runsPerOperation = { signedIn: 30, anonymousOnPublic: 10, anonymousOnPrivate: 3 };

const invalidJson: Refusal = { statuses: [400], codes: ['INVALID_JSON'] };
const validationFailed = (...fieldPaths: string[]): Refusal => ({ statuses: [400], codes: ['VALIDATION_FAILED'], fieldPaths });

/** Fastify never reads a GET body, so body garbage goes to the other methods. */
const takesBody = (operation: Operation) => operation.method !== 'GET';

// ---------------------------------------------------------------------------
// Values that satisfy a schema, so the one defect a case adds is the only one.

const withoutNul = (text: string) => !text.includes('\0');
const codePoints = (text: string) => [...text].length;

function validString(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength ?? minLength + 30;
  const fitsLength = (text: string) => codePoints(text) >= minLength && codePoints(text) <= maxLength;
  if (schema.format === 'date' || schema.format === 'date-time') {
    const dates = fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true });
    return dates.map((date) => (schema.format === 'date' ? date.toISOString().slice(0, 10) : date.toISOString()));
  }
  if (schema.format) throw new Error(`no generator for string format ${schema.format}: extend validString`);
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern, 'u')).filter((text) => fitsLength(text) && withoutNul(text));
  return fc.string({ minLength, maxLength: Math.min(maxLength, minLength + 30) }).filter(withoutNul);
}

function validValue(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map(validValue));
  switch (schema.type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1_000_000, max: schema.maximum ?? 1_000_000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1_000_000, max: schema.maximum ?? 1_000_000, noNaN: true });
    case 'string':
      return validString(schema);
    case 'array': {
      const items = validValue(schema.items ?? {});
      const length = { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 3, 3) };
      return schema.uniqueItems ? fc.uniqueArray(items, { ...length, selector: (item) => JSON.stringify(item) }) : fc.array(items, length);
    }
    case 'object': {
      const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([name, property]) => [name, validValue(property)]));
      return fc.record(properties, { requiredKeys: schema.required ?? [] });
    }
    default:
      throw new Error(`no generator for schema ${JSON.stringify(schema)}: extend validValue`);
  }
}

// ---------------------------------------------------------------------------
// Values a schema refuses.

// secure-json-parse refuses a `__proto__` key before validation; the malformed-JSON cases cover it.
const fieldName = fc.string({ minLength: 1, maxLength: 12 }).filter((name) => name !== '__proto__');
const primitive = fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean(), fc.constant(null));

const jsonValueOfType: Record<JsonType, fc.Arbitrary<unknown>> = {
  string: fc.string({ maxLength: 10 }),
  integer: fc.integer(),
  number: fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n)),
  boolean: fc.boolean(),
  null: fc.constant(null),
  array: fc.array(primitive, { maxLength: 3 }),
  object: fc.dictionary(fieldName, primitive, { maxKeys: 3 }),
};
const jsonTypes = Object.keys(jsonValueOfType) as JsonType[];

function acceptedTypes(schema: JsonSchema): Set<JsonType> {
  if (schema.anyOf) return new Set(schema.anyOf.flatMap((branch) => [...acceptedTypes(branch)]));
  if (schema.enum) {
    return new Set(schema.enum.map((value): JsonType => (value === null ? 'null' : Array.isArray(value) ? 'array' : (typeof value as JsonType))));
  }
  if (!schema.type) return new Set(jsonTypes);
  const types = new Set([schema.type].flat());
  if (types.has('number')) types.add('integer');
  return types;
}

/** JSON values of a type the schema does not accept; undefined when it accepts every type. */
function wrongTypeValue(schema: JsonSchema): fc.Arbitrary<unknown> | undefined {
  const accepted = acceptedTypes(schema);
  const wrong = jsonTypes.filter((type) => !accepted.has(type));
  return wrong.length > 0 ? fc.oneof(...wrong.map((type) => jsonValueOfType[type])) : undefined;
}

const letters = fc.stringMatching(/^[a-zA-Z]{1,8}$/);
const badDates = { date: ['2024-02-30', '2024-13-01', '24-01-01', '2024/01/01', 'yesterday'], 'date-time': ['2024-01-01', '2024-01-01T25:00:00Z', '2024-02-30T00:00:00Z', 'now'] };

/**
 * Query-string text the schema refuses even after coercion: a repeated
 * parameter, U+0000, and whatever breaks the schema's own constraints.
 */
function invalidQueryValue(schema: JsonSchema): fc.Arbitrary<string | string[]> {
  const options: fc.Arbitrary<string | string[]>[] = [
    fc.array(fc.string({ maxLength: 5 }), { minLength: 2, maxLength: 3 }),
    fc.string({ maxLength: 10 }).map((text) => `${text}\0`),
  ];
  if (schema.enum) options.push(fc.string({ maxLength: 12 }).filter((text) => !schema.enum!.includes(text)));
  if (schema.type === 'integer' || schema.type === 'number') {
    options.push(letters);
    if (schema.type === 'integer') options.push(fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n)).map(String));
    if (schema.maximum !== undefined) options.push(fc.integer({ min: schema.maximum + 1 }).map(String));
    if (schema.minimum !== undefined) options.push(fc.integer({ max: schema.minimum - 1 }).map(String));
  }
  if (schema.type === 'string') {
    if (schema.maxLength !== undefined) options.push(fc.string({ minLength: schema.maxLength + 1, maxLength: schema.maxLength + 20 }));
    if (schema.minLength) options.push(fc.constant(''));
    if (schema.pattern) options.push(fc.string({ maxLength: 20 }).filter((text) => !new RegExp(schema.pattern!, 'u').test(text)));
    if (schema.format === 'date' || schema.format === 'date-time') options.push(fc.constantFrom(...badDates[schema.format]), letters);
  }
  return fc.oneof(...options);
}

/** Path-parameter text the schema refuses and Fastify still routes: too long for the schema, or holding U+0000. */
function invalidPathValue(schema: JsonSchema): fc.Arbitrary<string> {
  const options = [fc.string({ minLength: 1, maxLength: 10 }).map((text) => `${text}\0`)];
  if (schema.maxLength !== undefined && schema.maxLength < maxParamLength) {
    options.push(fc.stringMatching(new RegExp(`^[\\w-]{${schema.maxLength + 1},${maxParamLength}}$`)));
  }
  return fc.oneof(...options);
}

/** Text that routes to the operation and passes its schema, yet no record has: unicode, traversal, encoded-looking text. */
const oddPathValue = fc
  .oneof(
    fc.string({ unit: 'binary', minLength: 1, maxLength: 24 }),
    fc.constantFrom('../', '../../etc/passwd', '..%2F..%2F', '%00', '%zz', '..\\..\\', ' ', '…', '科协', '😀', '<script>', "' or 1=1 --", 'null', '-1'),
  )
  // A bare '.' or '..' is a dot-segment the URL resolves away, even percent-encoded: it never reaches the route as text.
  .filter((text) => withoutNul(text) && text !== '.' && text !== '..' && codePoints(text) <= 64 && text.length <= maxParamLength);

// ---------------------------------------------------------------------------
// The garbage, one generator per kind. Each returns undefined when the kind
// does not apply to the operation.

const validBody = (operation: Operation): fc.Arbitrary<unknown> => (operation.body ? validValue(operation.body) : fc.constant({}));
const json = (body: unknown) => ({ payload: JSON.stringify(body), contentType: 'application/json' });

function malformedJson(operation: Operation): fc.Arbitrary<GarbageCase> | undefined {
  if (!takesBody(operation)) return undefined;
  const isMalformed = (text: string) => {
    try {
      JSON.parse(text.replace(/^\uFEFF/, ''));
      return false;
    } catch {
      return true;
    }
  };
  const texts = fc.oneof(
    validBody(operation).chain((body) => {
      const text = JSON.stringify(body);
      return fc.integer({ min: 0, max: text.length - 1 }).map((cut) => text.slice(0, cut));
    }),
    validBody(operation).map((body) => JSON.stringify(body).replace(/}$/, ',}')),
    fc.constantFrom('{', '[1,2', '"unterminated', "{'single':'quotes'}", '{"a":undefined}', '{"a":1}}', '{"a":1} trailing', 'NaN', '\0'),
  );
  const bytes = fc.uint8Array({ minLength: 1, maxLength: 64 }).map((array) => Buffer.from(array)).filter((buffer) => isMalformed(buffer.toString('utf8')));
  const poisoned = fc.constantFrom('{"__proto__":{"isAdmin":true}}', '{"constructor":{"prototype":{"isAdmin":true}}}');
  return fc.oneof(texts.filter(isMalformed), bytes, poisoned).map((payload) => ({ payload, contentType: 'application/json', expected: invalidJson }));
}

/** A value of the wrong JSON type or, where text is accepted, text holding U+0000 (which PostgreSQL cannot store). */
function invalidBodyValue(schema: JsonSchema): fc.Arbitrary<unknown> | undefined {
  const options = [wrongTypeValue(schema), acceptedTypes(schema).has('string') ? fc.string({ maxLength: 10 }).map((text) => `${text}\0`) : undefined];
  const applicable = options.filter((option) => option !== undefined);
  return applicable.length > 0 ? fc.oneof(...applicable) : undefined;
}

function invalidBodyFields(operation: Operation): fc.Arbitrary<GarbageCase> | undefined {
  const { body } = operation;
  if (!takesBody(operation) || !body) return undefined;
  const wholeBody = wrongTypeValue(body)?.map((value) => ({ ...json(value), expected: validationFailed('body') }));
  const fields = Object.entries(body.properties ?? {}).flatMap(([name, schema]) => {
    const invalid = invalidBodyValue(schema);
    if (!invalid) return [];
    return [fc.tuple(validValue(body), invalid).map(([valid, value]) => ({ ...json({ ...(valid as object), [name]: value }), expected: validationFailed(`body.${name}`) }))];
  });
  const options = [...(wholeBody ? [wholeBody] : []), ...fields];
  return options.length > 0 ? fc.oneof(...options) : undefined;
}

function invalidParameters(operation: Operation): fc.Arbitrary<GarbageCase> | undefined {
  const withBody = takesBody(operation) ? validBody(operation).map(json) : fc.constant({});
  const query = operation.query.map(({ name, schema }) =>
    fc.tuple(invalidQueryValue(schema), withBody).map(([value, request]) => ({ ...request, query: { [name]: value }, expected: validationFailed(`querystring.${name}`) })),
  );
  const path = operation.pathParams.map(({ name, schema }) =>
    fc.tuple(invalidPathValue(schema), withBody).map(([value, request]) => ({ ...request, pathValues: { [name]: value }, expected: validationFailed(`params.${name}`) })),
  );
  const options = [...query, ...path];
  return options.length > 0 ? fc.oneof(...options) : undefined;
}

/** A body's unknown fields; and query names the route does not know, since every query schema is a StrictObject. */
function unknownFields(operation: Operation): fc.Arbitrary<GarbageCase> | undefined {
  const options: fc.Arbitrary<GarbageCase>[] = [];
  const declared = new Set([...Object.keys(operation.body?.properties ?? {}), ...operation.query.map((p) => p.name)]);
  const unknownNames = fc.uniqueArray(fieldName.filter((name) => !declared.has(name)), { minLength: 1, maxLength: 3 });
  if (takesBody(operation)) {
    options.push(
      fc.tuple(validBody(operation), unknownNames, fc.array(primitive, { minLength: 3, maxLength: 3 })).map(([valid, names, values]) => ({
        ...json({ ...(valid as object), ...Object.fromEntries(names.map((name, i) => [name, values[i]])) }),
        expected: validationFailed(...names.map((name) => `body.${name}`)),
      })),
    );
  }
  if (operation.query.length > 0) {
    options.push(
      unknownNames.map((names) => ({
        query: Object.fromEntries(names.map((name) => [name, 'x'])),
        expected: validationFailed(...names.map((name) => `querystring.${name}`)),
      })),
    );
  }
  return options.length > 0 ? fc.oneof(...options) : undefined;
}

function oversizedBody(operation: Operation): fc.Arbitrary<GarbageCase> | undefined {
  if (!takesBody(operation)) return undefined;
  return fc.integer({ min: bodyLimitBytes + 1, max: bodyLimitBytes * 3 }).map((size) => ({
    payload: JSON.stringify({ padding: 'x'.repeat(size) }),
    contentType: 'application/json',
    expected: { statuses: [413], codes: ['PAYLOAD_TOO_LARGE'] },
    // A counterexample reads better as its size than as kilobytes of padding.
    [fc.toStringMethod]: () => `{ padding: ${size} × "x" }`,
  }));
}

/** The right body under another content type: refused unparsed (415), or parsed as text and then refused as not an object (400). */
function wrongContentType(operation: Operation): fc.Arbitrary<GarbageCase> | undefined {
  if (!takesBody(operation)) return undefined;
  const contentTypes = fc.oneof(
    fc.constantFrom('', 'text/plain', 'text/plain; charset=utf-8', 'text/html', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/octet-stream'),
    fc.stringMatching(/^[a-z]{1,12}\/[a-z0-9.+-]{1,20}$/).filter((type) => type !== 'application/json' && type !== 'text/plain'),
    fc.string({ maxLength: 30 }),
  );
  return fc.tuple(validBody(operation), contentTypes).map(([body, contentType]) => ({
    payload: JSON.stringify(body),
    contentType,
    expected: { statuses: [400, 415], codes: ['VALIDATION_FAILED', 'UNSUPPORTED_MEDIA_TYPE'], fieldPaths: ['body'] },
  }));
}

/** Odd path parameters pass validation and reach the service with a valid body, which finds no such record (404, or 409 where a conflict is checked first). */
function oddPathParameters(operation: Operation): fc.Arbitrary<GarbageCase> | undefined {
  if (operation.pathParams.length === 0) return undefined;
  const withBody = takesBody(operation) ? validBody(operation).map(json) : fc.constant({});
  // Numbers stay numbers: odd text in an integer parameter is a validation error, tested above.
  const values = fc.tuple(...operation.pathParams.map(({ schema }) => (schema.type === 'integer' ? fc.constant(wellFormedPathValue(schema)) : oddPathValue)));
  return fc.tuple(values, withBody).map(([texts, request]) => ({
    ...request,
    pathValues: Object.fromEntries(operation.pathParams.map(({ name }, i) => [name, texts[i]!])),
    expected: { statuses: [404, 409], codes: [] },
  }));
}

// ---------------------------------------------------------------------------

describe('garbage input on every route', () => {
  let kexie: TestKexie;
  let operations: Operation[];
  let callers: { name: string; client: TestClient; signedIn: boolean }[];
  let isErrorBody: (body: unknown) => boolean;

  beforeAll(async () => {
    kexie = await startTestKexie({ bodyLimitBytes });
    const published = await publishedOperations(kexie.app);
    operations = published.operations;
    const { document } = published;
    isErrorBody = new Ajv.default({ strict: false }).compile(document.components.schemas.ErrorBody);
    // Signed in before any garbage: nothing below sends a well-formed login, so the throttle never trips.
    const admin = await kexie.signIn(kexie.root.id, ['admin']);
    callers = [
      { name: 'city admin', client: admin, signedIn: true },
      { name: 'anonymous', client: kexie.client(), signedIn: false },
    ];
  });
  afterAll(() => kexie.close());

  function urlOf(operation: Operation, garbage: GarbageCase): string {
    const schemaOf = (name: string) => operation.pathParams.find((p) => p.name === name)!.schema;
    const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(garbage.pathValues?.[name] ?? wellFormedPathValue(schemaOf(name))));
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(garbage.query ?? {})) for (const item of [value].flat()) query.append(name, item);
    return query.size > 0 ? `${path}?${query}` : path;
  }

  /** How the response falls short of the refusal expected, as sentences; [] when it is that refusal. */
  function shortcomingsOf(response: LightMyRequestResponse, expected: Refusal): string[] {
    const { statusCode } = response;
    if (statusCode < 400 || statusCode >= 500) return [`status ${statusCode}: garbage must get a 4xx`];
    const problems: string[] = [];
    if (!expected.statuses.includes(statusCode)) problems.push(`status ${statusCode}, expected ${expected.statuses.join(' or ')}`);
    let body;
    try {
      body = response.json();
    } catch {
      return [...problems, 'the body is not JSON'];
    }
    if (!isErrorBody(body)) return [...problems, 'the body is not in the error shape'];
    if (body.error.message === '') problems.push('the error message is empty');
    if (body.error.requestId !== response.headers['x-request-id']) problems.push(`requestId ${body.error.requestId} is not the x-request-id header ${response.headers['x-request-id']}`);
    if (expected.codes.length > 0 && !expected.codes.includes(body.error.code)) problems.push(`code ${body.error.code}, expected ${expected.codes.join(' or ')}`);
    if (expected.fieldPaths && body.error.code === 'VALIDATION_FAILED') {
      const named = [...new Set(body.error.details.map((detail: { path?: string }) => detail.path))].sort().join(', ');
      const wanted = [...new Set(expected.fieldPaths)].sort().join(', ');
      if (named !== wanted) problems.push(`details name ${named}, expected ${wanted}`);
    }
    return problems;
  }

  // One assertion per request, with the request and the answer in its message: thousands of requests run here.
  function expectRefused(response: LightMyRequestResponse, expected: Refusal, request: string): void {
    const problems = shortcomingsOf(response, expected);
    if (problems.length > 0) expect(problems, `${request}\n→ ${response.statusCode} ${response.body.slice(0, 600)}`).toEqual([]);
  }

  /** Sends every case the generator makes for every operation, as each caller, and checks each refusal. */
  async function attackEveryOperation(generator: (operation: Operation) => fc.Arbitrary<GarbageCase> | undefined): Promise<number> {
    let attacked = 0;
    for (const operation of operations) {
      const cases = generator(operation);
      if (!cases) continue;
      attacked++;
      for (const caller of callers) {
        await fc.assert(
          fc.asyncProperty(cases, async (garbage) => {
            const url = urlOf(operation, garbage);
            const headers: Record<string, string> = garbage.contentType === undefined ? {} : { 'content-type': garbage.contentType };
            const response = await caller.client.request(operation.method, url, garbage.payload, headers);
            // Anonymous garbage stops at the session check on every private route.
            const expected = operation.isPublic || caller.signedIn ? garbage.expected : { statuses: [401], codes: ['AUTH_REQUIRED'] };
            const payload = garbage.payload === undefined ? '' : ` ${String(garbage.payload).slice(0, 200)}`;
            expectRefused(response, expected, `${caller.name}: ${operation.method} ${url} [${garbage.contentType ?? 'no content type'}]${payload}`);
          }),
          { numRuns: caller.signedIn ? runsPerOperation.signedIn : operation.isPublic ? runsPerOperation.anonymousOnPublic : runsPerOperation.anonymousOnPrivate },
        );
        // Garbage that reached a handler could sign the admin out (logout), turning every later answer into a 401.
        if (caller.signedIn) {
          const session = await caller.client.get('/api/v1/auth/session');
          expect(session.json(), `garbage sent to ${describeOperation(operation)} signed the admin out`).not.toBeNull();
        }
      }
    }
    return attacked;
  }

  it('reads the operations to attack from the OpenAPI document', () => {
    const names = operations.map(describeOperation);
    expect(names).toEqual(expect.arrayContaining(['POST /api/v1/auth/login', 'GET /api/v1/orgs', 'PATCH /api/v1/orgs/{id}', 'POST /api/v1/users']));
    expect(operations.find((o) => o.path === '/api/v1/auth/login')?.isPublic).toBe(true);
    expect(operations.find((o) => o.path === '/api/v1/orgs' && o.method === 'POST')?.body?.properties).toHaveProperty('name');
  });

  it('answers malformed JSON on every route that takes a body with 400 INVALID_JSON', async () => {
    expect(await attackEveryOperation(malformedJson)).toBeGreaterThan(0);
  });

  it('answers a body, or a body field, of the wrong type or holding U+0000 with 400 VALIDATION_FAILED naming that field', async () => {
    expect(await attackEveryOperation(invalidBodyFields)).toBeGreaterThan(0);
  });

  it('answers an invalid query or path parameter with 400 VALIDATION_FAILED naming that parameter', async () => {
    expect(await attackEveryOperation(invalidParameters)).toBeGreaterThan(0);
  });

  it('answers unknown body fields and query parameters with 400 VALIDATION_FAILED naming each', async () => {
    expect(await attackEveryOperation(unknownFields)).toBeGreaterThan(0);
  });

  it('answers a body over the configured limit with 413 PAYLOAD_TOO_LARGE', async () => {
    expect(await attackEveryOperation(oversizedBody)).toBeGreaterThan(0);
  });

  it('answers a body sent as another content type with 415, or 400 when it arrives as text', async () => {
    expect(await attackEveryOperation(wrongContentType)).toBeGreaterThan(0);
  });

  it('answers odd but well-formed path parameters (unicode, ../, %00 as text) as unknown records, 404 or 409', async () => {
    expect(await attackEveryOperation(oddPathParameters)).toBeGreaterThan(0);
  });

  // Fastify answers these while routing, before kexie's hooks and error handler;
  // app.ts hands them to answerFrameworkError so they keep the error shape.
  it('answers a broken percent-encoding or a path segment over maxParamLength in the error shape', async () => {
    const [admin] = callers;
    for (const [url, status] of [
      ['/api/v1/orgs/%zz', 400],
      [`/api/v1/orgs/${'a'.repeat(maxParamLength + 1)}`, 414],
    ] as const) {
      expectRefused(await admin!.client.get(url), { statuses: [status], codes: [] }, `GET ${url}`);
    }
  });
});
