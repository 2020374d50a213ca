import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import type { SessionRow, UserRow } from './auth.table.ts';

type Executor = Kysely<Database>;

export async function insertSession(db: Executor, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/** The live session with its user, or nothing if it expired or never existed. */
export async function findLiveSession(db: Executor, id: string, now: string): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const session = await db.selectFrom('sessions').selectAll().where('id', '=', id).where('expires_at', '>', now).executeTakeFirst();
  if (!session) return undefined;
  const user = await db.selectFrom('users').selectAll().where('id', '=', session.user_id).executeTakeFirst();
  return user ? { session, user } : undefined;
}

export async function touchSession(db: Executor, id: string, lastSeenAt: string, expiresAt: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteUserSessions(db: Executor, userId: string, exceptId?: string): Promise<number> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId) query = query.where('id', '!=', exceptId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteExpiredSessions(db: Executor, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

export async function insertLoginFailure(db: Executor, row: { id: string; username: string; ip: string; at: string }): Promise<void> {
  await db.insertInto('login_failures').values(row).execute();
}

export async function countLoginFailures(db: Executor, by: { username?: string; ip?: string }, since: string): Promise<number> {
  let query = db.selectFrom('login_failures').select((eb) => eb.fn.countAll<number>().as('n')).where('at', '>', since);
  if (by.username !== undefined) query = query.where('username', '=', by.username);
  if (by.ip !== undefined) query = query.where('ip', '=', by.ip);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function clearLoginFailures(db: Executor, username: string): Promise<void> {
  await db.deleteFrom('login_failures').where('username', '=', username).execute();
}

export async function deleteOldLoginFailures(db: Executor, before: string): Promise<void> {
  await db.deleteFrom('login_failures').where('at', '<', before).execute();
}
