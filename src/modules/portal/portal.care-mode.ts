import type { FastifyReply, FastifyRequest } from 'fastify';

/** 关怀版 (large text, high contrast) is remembered in this cookie for a year. */
export const careCookie = 'kexie_care';
const oneYearSeconds = 365 * 24 * 3600;

export function isCareMode(request: FastifyRequest): boolean {
  return request.cookies[careCookie] === '1';
}

/**
 * Where to return after switching: a path on this site only. `//host`, `/\host`
 * and anything with a scheme would leave the site (an open redirect), so they
 * go home instead.
 */
export function safeReturnPath(back: unknown): string {
  if (typeof back !== 'string' || !back.startsWith('/') || back.startsWith('//') || back.startsWith('/\\')) return '/';
  if (/[\u0000-\u001f\u007f\\]/.test(back) || back.length > 2000) return '/';
  return back;
}

/** GET /care-mode?on=1&back=/path: a plain link, so it works without JavaScript. */
export function careModeRedirect(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const query = request.query as { on?: string; back?: string };
  const on = query.on === '1';
  const secure = request.server.config.cookieSecure === 'always' || (request.server.config.cookieSecure === 'auto' && request.protocol === 'https');
  if (on) reply.setCookie(careCookie, '1', { path: '/', maxAge: oneYearSeconds, sameSite: 'lax', httpOnly: true, secure });
  else reply.clearCookie(careCookie, { path: '/' });
  return reply.header('cache-control', 'no-store').redirect(safeReturnPath(query.back), 303);
}
