import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import localizeZh from 'ajv-i18n/localize/zh/index.js';
import localizeEn from 'ajv-i18n/localize/en/index.js';
import type { FastifySchemaCompiler } from 'fastify';
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

export const validatorCompiler: FastifySchemaCompiler<any> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? bodyAjv : textAjv).compile(schema);

type Localize = (errors: ErrorObject[]) => void;
// ajv-i18n is CommonJS whose typings claim an ES default export; accept either shape.
const asLocalize = (module: unknown) => ((module as { default?: Localize }).default ?? module) as Localize;
const localizers: Record<Locale, Localize> = { 'zh-CN': asLocalize(localizeZh), 'en-US': asLocalize(localizeEn) };

/** Turns Ajv errors into one detail per failing field, e.g. `body.parentId`, in the reader's language. */
export function validationDetails(errors: ErrorObject[], part: string, locale: Locale): ErrorDetail[] {
  const copies = errors.map((e) => ({ ...e }));
  localizers[locale](copies);
  const seen = new Set<string>();
  const details: ErrorDetail[] = [];
  for (const error of copies) {
    const segments = error.instancePath.split('/').filter(Boolean).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const params = error.params as Record<string, unknown>;
    if (error.keyword === 'required') segments.push(String(params.missingProperty));
    if (error.keyword === 'additionalProperties') segments.push(String(params.additionalProperty));
    const path = [part, ...segments].join('.');
    // anyOf/oneOf repeat the same path once per branch; one line per field reads better.
    const key = `${path}|${error.keyword}`;
    if (seen.has(key) || (error.keyword === 'anyOf' && details.some((d) => d.path === path))) continue;
    seen.add(key);
    details.push({ path, code: error.keyword, message: error.message ?? error.keyword });
  }
  return details;
}
