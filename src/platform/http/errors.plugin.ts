import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorDetail } from '../errors.ts';
import { isForeignKeyViolation, isUniqueViolation } from '../db/errors.ts';
import { negotiateLocale, translate, type Locale } from '../i18n/catalogue.ts';
import { refuseUndeclaredBody, validationDetails } from './validation.ts';
import { addSecurityHeaders } from './security-headers.plugin.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The reader's language: their saved preference when signed in, else Accept-Language. */
    locale: Locale;
  }
  interface FastifyInstance {
    /**
     * Answers unknown paths outside /api and /admin (the portal sets its HTML
     * 404 page here); unset, every unknown path gets the JSON error.
     */
    pageNotFound: { handler?: (request: FastifyRequest, reply: FastifyReply) => unknown };
  }
}

// Fastify's own 4xx errors, by code, mapped to ours.
const frameworkErrors: Record<string, { code: string; status: number }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'INVALID_JSON', status: 400 },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'INVALID_JSON', status: 400 },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', status: 413 },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', status: 415 },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'BAD_REQUEST', status: 400 },
  FST_ERR_BAD_URL: { code: 'MALFORMED_URL', status: 400 },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'URI_TOO_LONG', status: 414 },
};

function sendError(request: FastifyRequest, reply: FastifyReply, status: number, code: string, details: ErrorDetail[] = [], params?: Record<string, unknown>) {
  const locale = request.locale ?? 'zh-CN';
  // A detail's message may be a catalogue key (translated here) or text already in the reader's language.
  const translated = details.map((detail) => ({ ...detail, message: translate(locale, detail.message, params) }));
  return reply.status(status).send({
    error: { code, message: translate(locale, code, params), details: translated, requestId: request.id },
  });
}

function answerError(error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    for (const [name, value] of Object.entries(error.options.headers ?? {})) reply.header(name, value);
    return sendError(request, reply, error.status, error.code, error.options.details, error.options.params);
  }
  if (error.validation) {
    const part = error.validationContext ?? 'body';
    return sendError(request, reply, 400, 'VALIDATION_FAILED', validationDetails(error.validation as never, part, request.locale));
  }
  const known = error.code ? frameworkErrors[error.code] : undefined;
  if (known) return sendError(request, reply, known.status, known.code);
  if (error instanceof SyntaxError || (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)) {
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400;
    return sendError(request, reply, status, status === 400 && error instanceof SyntaxError ? 'INVALID_JSON' : 'BAD_REQUEST');
  }
  // Two writers passed a service's uniqueness check at once; the database refused the second.
  if (isUniqueViolation(error)) return sendError(request, reply, 409, 'CONFLICT');
  if (isForeignKeyViolation(error)) return sendError(request, reply, 409, 'REFERENCE_GONE');
  request.log.error({ err: error }, 'request failed');
  return sendError(request, reply, 500, 'INTERNAL_ERROR');
}

/**
 * For Fastify's `frameworkErrors` option. A few errors are raised while
 * routing, before any hook or the error handler runs (a broken
 * percent-encoding in the path, a path parameter over maxParamLength); without
 * this they answer in Fastify's own shape with no request id.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  request.locale = negotiateLocale(request.headers['accept-language']);
  reply.header('x-request-id', request.id);
  addSecurityHeaders(request, reply);
  return answerError(error, request, reply);
}

/**
 * Every error leaves kexie in one shape: `{ error: { code, message, details, requestId } }`.
 * A 5xx says only that something failed and which request it was; the cause
 * goes to the log under the same request id. Input the routes would otherwise
 * accept silently (a body sent to a route that declares none) is refused here
 * in the same shape.
 */
export default fp(async (app) => {
  app.decorateRequest('locale', 'zh-CN' as Locale);
  app.addHook('onRequest', async (request, reply) => {
    request.locale = negotiateLocale(request.headers['accept-language']);
    reply.header('x-request-id', request.id);
  });
  app.addHook('preValidation', refuseUndeclaredBody);

  app.setErrorHandler(answerError);
  app.decorate('pageNotFound', {});
  app.setNotFoundHandler((request, reply) => {
    const pages = app.pageNotFound.handler;
    if (pages && !/^\/(api|admin)(\/|\?|$)/.test(request.url)) return pages(request, reply);
    return sendError(request, reply, 404, 'ROUTE_NOT_FOUND');
  });
});
