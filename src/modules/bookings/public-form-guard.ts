import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';

/**
 * Protection for the portal's anonymous booking forms, which no session
 * covers.
 *
 * Cross-site posting: a double-submit token. The form page sets a random
 * value in an HttpOnly, SameSite=Strict cookie and prints the same value in
 * the form; a post must carry both, and they must match. Another site can
 * neither read the cookie nor make the browser send it, and the Origin
 * header, when the browser sends one, must be this site's. Nothing is stored
 * on the server, so it works across processes.
 *
 * Abuse: a fixed-window count of posts per client address, per process.
 */
export const formTokenCookie = 'kexie_form';
export const formTokenField = '_token';

export function formToken(request: FastifyRequest, reply: FastifyReply): string {
  const existing = request.cookies[formTokenCookie];
  if (existing && /^[\w-]{43}$/.test(existing)) return existing;
  const token = randomBytes(32).toString('base64url');
  const { cookieSecure } = request.server.config;
  reply.setCookie(formTokenCookie, token, {
    path: '/bookings',
    httpOnly: true,
    sameSite: 'strict',
    secure: cookieSecure === 'always' || (cookieSecure === 'auto' && request.protocol === 'https'),
  });
  return token;
}

export function assertFormPost(request: FastifyRequest, submitted: unknown): void {
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== `${request.protocol}://${request.host}` && origin !== request.server.config.publicBaseUrl) {
    throw new AppError('BOOKING_FORM_EXPIRED', 403);
  }
  const cookie = request.cookies[formTokenCookie];
  if (typeof submitted !== 'string' || !cookie || submitted.length !== cookie.length || !timingSafeEqual(Buffer.from(submitted), Buffer.from(cookie))) {
    throw new AppError('BOOKING_FORM_EXPIRED', 403);
  }
}

/**
 * At most `limit` posts per address in each window. Memory stays bounded:
 * windows that have ended are swept when the map grows.
 */
export class AddressRateLimiter {
  private readonly hits = new Map<string, { windowStart: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one post from `address`; false when it is over the limit. */
  allow(address: string): boolean {
    const now = this.now();
    if (this.hits.size > 10_000) for (const [key, entry] of this.hits) if (now - entry.windowStart >= this.windowMs) this.hits.delete(key);
    const entry = this.hits.get(address);
    if (!entry || now - entry.windowStart >= this.windowMs) {
      this.hits.set(address, { windowStart: now, count: 1 });
      return true;
    }
    entry.count += 1;
    return entry.count <= this.limit;
  }

  assertAllowed(address: string): void {
    if (!this.allow(address)) throw new AppError('BOOKING_RATE_LIMITED', 429, { headers: { 'retry-after': String(Math.ceil(this.windowMs / 1000)) } });
  }
}
