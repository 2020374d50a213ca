import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import localizeZh from 'ajv-i18n/localize/zh/index.js';
import localizeEn from 'ajv-i18n/localize/en/index.js';
import type { FastifyRequest, FastifySchemaCompiler } from 'fastify';
import type { ErrorDetail } from '../errors.ts';
import type { Locale } from '../i18n/catalogue.ts';

function createAjv(coerceTypes: boolean) {
  // allErrors: a form shows every failing field at once, not one per round trip.
  const ajv = new Ajv.default({ allErrors: true, coerceTypes: coerceTypes ? 'array' : false, useDefaults: true, removeAdditional: false, strict: false });
  addFormats.default(ajv);
  return ajv;
}

// Query strings and path params arrive as text and are coerced; a JSON body is
// taken as sent, so `"count": "12"` is a type error rather than a guess.
const bodyAjv = createAjv(false);
const textAjv = createAjv(true);

const nulCharacter = 'nulCharacter';
/**
 * Every string in the value, and every key, that holds U+0000, as Ajv-style
 * errors. PostgreSQL text cannot store it (the insert fails) while SQLite
 * would, so it is refused at the edge and both databases see the same input.
 * Iterative, because a body may nest thousands of levels deep.
 */
function nulCharacterErrors(value: unknown): ErrorObject[] {
  const errors: ErrorObject[] = [];
  const pending: { value: unknown; path: string }[] = [{ value, path: '' }];
  const refuse = (path: string) => errors.push({ instancePath: path, schemaPath: '#', keyword: nulCharacter, params: {}, message: 'INPUT_NUL_CHARACTER' });
  while (pending.length > 0) {
    const { value: current, path } = pending.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\0')) refuse(path);
    } else if (current !== null && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) {
        const childPath = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        if (key.includes('\0')) refuse(childPath);
        else pending.push({ value: child, path: childPath });
      }
    }
  }
  return errors;
}

/** Ajv's schema check followed by the NUL check, reporting both at once as Fastify expects of a validator. */
function withoutNulCharacters(validateSchema: ValidateFunction): ValidateFunction {
  const validate = ((data: unknown, dataContext?: Parameters<ValidateFunction>[1]) => {
    const valid = validateSchema(data, dataContext);
    const errors = [...(validateSchema.errors ?? []), ...nulCharacterErrors(data)];
    validate.errors = errors.length > 0 ? errors : null;
    return valid && errors.length === 0;
  }) as ValidateFunction;
  // Fastify passes the parent object (so Ajv may coerce a root value) only to validators carrying schemaEnv.
  return Object.assign(validate, { schema: validateSchema.schema, schemaEnv: validateSchema.schemaEnv, errors: null });
}

export const validatorCompiler: FastifySchemaCompiler<any> = ({ schema, httpPart }) =>
  withoutNulCharacters((httpPart === 'body' ? bodyAjv : textAjv).compile(schema));

/** An error the error handler answers as VALIDATION_FAILED, exactly like Fastify's own schema failures. */
function validationFailure(errors: ErrorObject[], part: string): Error {
  return Object.assign(new Error(`${part} failed validation`), { validation: errors, validationContext: part, statusCode: 400 });
}

const noBody = bodyAjv.compile({ type: 'object', additionalProperties: false });
const isEmptyBody = (body: unknown) =>
  body === undefined || body === null || body === '' || (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0);

/**
 * preValidation hook: a route that declares no body refuses one, as a declared
 * body refuses unknown fields, so a misdirected write (say, fields posted to
 * logout) is an error rather than a silent no-op. `{}` is accepted: clients
 * often send it for an empty POST.
 */
export async function refuseUndeclaredBody(request: FastifyRequest): Promise<void> {
  if (request.is404 || request.routeOptions.schema?.body || isEmptyBody(request.body)) return;
  if (!noBody(request.body)) throw validationFailure(noBody.errors ?? [], 'body');
}

type Localize = (errors: ErrorObject[]) => void;
// ajv-i18n is CommonJS whose typings claim an ES default export; accept either shape.
const asLocalize = (module: unknown) => ((module as { default?: Localize }).default ?? module) as Localize;
const localizers: Record<Locale, Localize> = { 'zh-CN': asLocalize(localizeZh), 'en-US': asLocalize(localizeEn) };

/** Turns Ajv errors into one detail per failing field, e.g. `body.parentId`, in the reader's language. */
export function validationDetails(errors: ErrorObject[], part: string, locale: Locale): ErrorDetail[] {
  const copies = errors.map((e) => ({ ...e }));
  // Our own rules carry a catalogue key as their message, translated with the response.
  localizers[locale](copies.filter((e) => e.keyword !== nulCharacter));
  const seen = new Set<string>();
  const details: ErrorDetail[] = [];
  for (const error of copies) {
    const segments = error.instancePath.split('/').filter(Boolean).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const params = error.params as Record<string, unknown>;
    if (error.keyword === 'required') segments.push(String(params.missingProperty));
    if (error.keyword === 'additionalProperties') segments.push(String(params.additionalProperty));
    const path = [part, ...segments].join('.');
    // anyOf/oneOf repeat the same path once per branch; one line per field reads better.
    // For a nullable field given a wrong value, "must be null" is the least useful branch.
    const key = `${path}|${error.keyword}`;
    const nullBranch = error.keyword === 'type' && params.type === 'null';
    if (seen.has(key) || nullBranch || (error.keyword === 'anyOf' && details.some((d) => d.path === path))) continue;
    seen.add(key);
    details.push({ path, code: error.keyword, message: error.message ?? error.keyword });
  }
  return details;
}

/**
 * preValidation hook for routes whose body is wholly optional (every field
 * optional): a request without one is validated as `{}` rather than refused.
 */
export function bodyMayBeEmpty(request: FastifyRequest, _reply: unknown, done: () => void): void {
  // Only a missing body: an explicit JSON `null` is still the wrong type.
  if (request.body === undefined) request.body = {};
  done();
}
