import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../database.ts';
import type { Actor } from '../../platform/auth-core.ts';
import { isoAfter, nowIso } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { recordAudit } from '../audit/index.ts';
import type { SessionRow, UserRow } from './auth.table.ts';
import { verifyPassword } from './password.ts';
import * as sessions from './session.repository.ts';
import * as users from './user.repository.ts';

export type AuthSettings = Pick<Config, 'sessionTtlHours' | 'loginMaxFailures' | 'loginWindowSeconds' | 'loginLockMinutes'>;

/** Failures from one address across all usernames before it is slowed down (password spraying). */
const ipFailureLimitFactor = 4;
/** A session's expiry slides forward on use, at most this often, to keep reads from writing. */
const touchIntervalSeconds = 300;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const randomToken = () => randomBytes(32).toString('base64url');

export interface ClientInfo {
  ip: string;
  userAgent: string | undefined;
  requestId: string;
}

export interface OpenedSession {
  token: string;
  session: SessionRow;
  user: users.UserWithRoles;
}

/**
 * Checks the password and opens a new session. Throttling is kept in the
 * database so it holds across server processes: the `loginMaxFailures`-th
 * failure within the window locks the account for `loginLockMinutes`, and an
 * address failing across many usernames is slowed down too.
 */
export async function login(db: Db, settings: AuthSettings, input: { username: string; password: string }, client: ClientInfo): Promise<OpenedSession> {
  const username = input.username.trim().toLowerCase();
  const now = new Date();
  const windowStart = isoAfter(-settings.loginWindowSeconds, now);
  const retryAfter = { 'retry-after': String(settings.loginWindowSeconds) };

  const ipFailures = await sessions.countLoginFailures(db, { ip: client.ip }, windowStart);
  if (ipFailures >= settings.loginMaxFailures * ipFailureLimitFactor) {
    throw new AppError('AUTH_TOO_MANY_ATTEMPTS', 429, { params: { seconds: settings.loginWindowSeconds }, headers: retryAfter });
  }
  const user = await users.findUserByUsername(db, username);
  if (user?.locked_until && user.locked_until > now.toISOString()) {
    const seconds = Math.ceil((Date.parse(user.locked_until) - now.getTime()) / 1000);
    throw new AppError('AUTH_ACCOUNT_LOCKED', 429, { params: { minutes: Math.ceil(seconds / 60) }, headers: { 'retry-after': String(seconds) } });
  }
  const recentFailures = await sessions.countLoginFailures(db, { username }, windowStart);
  if (recentFailures >= settings.loginMaxFailures) {
    throw new AppError('AUTH_TOO_MANY_ATTEMPTS', 429, { params: { seconds: settings.loginWindowSeconds }, headers: retryAfter });
  }

  const passwordOk = await verifyPassword(user?.password_hash ?? null, input.password);
  if (!user || !passwordOk) {
    await recordFailure(db, settings, username, user, recentFailures + 1, client);
    throw new AppError('AUTH_INVALID_CREDENTIALS', 401);
  }
  if (user.status !== 'active') throw new AppError('AUTH_ACCOUNT_DISABLED', 403);

  const token = randomToken();
  const at = now.toISOString();
  const session: SessionRow = {
    id: sha256(token),
    user_id: user.id,
    csrf_token: randomToken(),
    created_at: at,
    last_seen_at: at,
    expires_at: isoAfter(settings.sessionTtlHours * 3600, now),
    ip: client.ip,
    user_agent: client.userAgent?.slice(0, 300) ?? null,
  };
  await db.transaction().execute(async (trx) => {
    await sessions.insertSession(trx, session);
    await users.updateUserRow(trx, user.id, { last_login_at: at, locked_until: null });
    await sessions.clearLoginFailures(trx, username);
    await recordAudit(trx, { actor: actorOf(user), requestId: client.requestId, ip: client.ip }, {
      entity: 'session',
      entityId: null,
      orgId: user.org_id,
      action: 'login',
      before: null,
      after: { userId: user.id, expiresAt: session.expires_at },
    });
  });
  return { token, session, user: { ...user, last_login_at: at, locked_until: null } };
}

async function recordFailure(db: Db, settings: AuthSettings, username: string, user: users.UserWithRoles | undefined, failures: number, client: ClientInfo) {
  await db.transaction().execute(async (trx) => {
    await sessions.insertLoginFailure(trx, { id: newId(), username, ip: client.ip, at: nowIso() });
    if (!user) return;
    const lockedUntil = failures >= settings.loginMaxFailures ? isoAfter(settings.loginLockMinutes * 60) : null;
    if (lockedUntil) await users.updateUserRow(trx, user.id, { locked_until: lockedUntil });
    await recordAudit(trx, { actor: { kind: 'user', userId: null, username, orgId: user.org_id, roles: [] }, requestId: client.requestId, ip: client.ip }, {
      entity: 'session',
      entityId: null,
      orgId: user.org_id,
      action: lockedUntil ? 'lockout' : 'login_failed',
      before: null,
      after: { userId: user.id, failures, lockedUntil },
    });
  });
}

export function actorOf(user: users.UserWithRoles): Actor {
  return { kind: 'user', userId: user.id, username: user.username, orgId: user.org_id, roles: user.roles };
}

export interface ResolvedSession {
  actor: Actor;
  sessionId: string;
  csrfToken: string;
  expiresAt: string;
  locale: string | null;
}

/** The actor behind a cookie token, or undefined when the session is unknown, expired or its user disabled. */
export async function resolveSession(db: Db, settings: AuthSettings, token: string): Promise<ResolvedSession | undefined> {
  const now = new Date();
  const found = await sessions.findLiveSession(db, sha256(token), now.toISOString());
  if (!found || found.user.status !== 'active') return undefined;
  const user = await users.findUserById(db, found.user.id);
  if (!user) return undefined;
  let expiresAt = found.session.expires_at;
  if (Date.parse(found.session.last_seen_at) < now.getTime() - touchIntervalSeconds * 1000) {
    expiresAt = isoAfter(settings.sessionTtlHours * 3600, now);
    await sessions.touchSession(db, found.session.id, now.toISOString(), expiresAt);
  }
  return { actor: actorOf(user), sessionId: found.session.id, csrfToken: found.session.csrf_token, expiresAt, locale: user.locale };
}

export async function logout(db: Db, resolved: ResolvedSession, client: ClientInfo): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sessions.deleteSession(trx, resolved.sessionId);
    await recordAudit(trx, { actor: resolved.actor, requestId: client.requestId, ip: client.ip }, {
      entity: 'session',
      entityId: null,
      orgId: resolved.actor.orgId,
      action: 'logout',
      before: { userId: resolved.actor.userId },
      after: null,
    });
  });
}

export function csrfTokenMatches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

/** Housekeeping: forget expired sessions and old login failures. */
export async function pruneAuthState(db: Db, settings: AuthSettings): Promise<void> {
  const now = nowIso();
  await sessions.deleteExpiredSessions(db, now);
  await sessions.deleteOldLoginFailures(db, isoAfter(-Math.max(settings.loginWindowSeconds, settings.loginLockMinutes * 60)));
}

export type { UserRow };
