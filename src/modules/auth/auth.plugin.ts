import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/auth-core.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { isLocale } from '../../platform/i18n/catalogue.ts';
import { csrfTokenMatches, resolveSession, type ResolvedSession } from './session.service.ts';

declare module 'fastify' {
  interface FastifyRequest {
    session: ResolvedSession | null;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in (login, health). Every other /api/v1 route needs a session. */
    public?: boolean;
  }
}

export const sessionCookie = 'kexie_session';
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: string): void {
  const { cookieSecure } = request.server.config;
  reply.setCookie(sessionCookie, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: cookieSecure === 'always' || (cookieSecure === 'auto' && request.protocol === 'https'),
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(sessionCookie, { path: '/' });
}

/** Everything a service needs from a signed-in request; refuses anonymous callers. */
export function contextOf(request: FastifyRequest): ServiceContext & { actor: Actor } {
  if (!request.session) throw new AppError('AUTH_REQUIRED', 401);
  return { db: request.server.db, actor: request.session.actor, locale: request.locale, requestId: request.id, ip: request.ip };
}

/**
 * Resolves the session cookie on every request, then enforces the two rules
 * every API route shares: a session unless the route is public, and the CSRF
 * token on every cookie-authenticated write.
 */
export default fp(async (app) => {
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[sessionCookie];
    if (token) {
      request.session = (await resolveSession(app.db, app.config, token)) ?? null;
      if (request.session && isLocale(request.session.locale)) request.locale = request.session.locale;
    }
    if (!request.url.startsWith('/api/v1/') || request.is404) return;
    if (request.routeOptions.config.public) return;
    if (!request.session) throw new AppError('AUTH_REQUIRED', 401);
    if (unsafeMethods.has(request.method) && !csrfTokenMatches(request.session.csrfToken, request.headers['x-csrf-token'])) {
      throw new AppError('CSRF_TOKEN_INVALID', 403);
    }
  });
});
