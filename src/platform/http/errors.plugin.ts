import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorDetail } from '../errors.ts';
import { negotiateLocale, translate, type Locale } from '../i18n/catalogue.ts';
import { validationDetails } from './validation.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The reader's language: their saved preference when signed in, else Accept-Language. */
    locale: Locale;
  }
}

// Fastify's own 4xx errors, by code, mapped to ours.
const frameworkErrors: Record<string, { code: string; status: number }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'INVALID_JSON', status: 400 },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'INVALID_JSON', status: 400 },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', status: 413 },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', status: 415 },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'BAD_REQUEST', status: 400 },
};

function sendError(request: FastifyRequest, reply: FastifyReply, status: number, code: string, details: ErrorDetail[] = [], params?: Record<string, unknown>) {
  const locale = request.locale ?? 'zh-CN';
  // A detail's message may be a catalogue key (translated here) or text already in the reader's language.
  const translated = details.map((detail) => ({ ...detail, message: translate(locale, detail.message, params) }));
  return reply.status(status).send({
    error: { code, message: translate(locale, code, params), details: translated, requestId: request.id },
  });
}

/**
 * Every error leaves kexie in one shape: `{ error: { code, message, details, requestId } }`.
 * A 5xx says only that something failed and which request it was; the cause
 * goes to the log under the same request id.
 */
export default fp(async (app) => {
  app.decorateRequest('locale', 'zh-CN' as Locale);
  app.addHook('onRequest', async (request, reply) => {
    request.locale = negotiateLocale(request.headers['accept-language']);
    reply.header('x-request-id', request.id);
  });

  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
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
    request.log.error({ err: error }, 'request failed');
    return sendError(request, reply, 500, 'INTERNAL_ERROR');
  });

  app.setNotFoundHandler((request, reply) => sendError(request, reply, 404, 'ROUTE_NOT_FOUND'));
});
