import type { Db } from '../../database.ts';
import { definePolicy, type Role } from '../../platform/auth-core.ts';
import { nowIso } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { pageWindow } from '../../platform/http/schema.ts';
import { newId } from '../../platform/ids.ts';
import { recordAudit } from '../audit/index.ts';
import { findOrgsByIds, isOrgInSubtree } from '../orgs/index.ts';
import type { CreateUserInput, UpdateMeInput, UpdateUserInput, User, UserListQuery, UserPage } from './auth.schemas.ts';
import type { UserRow } from './auth.table.ts';
import { assertPasswordAcceptable, hashPassword, verifyPassword } from './password.ts';
import * as sessions from './session.repository.ts';
import * as repo from './user.repository.ts';
import './auth.messages.ts';

/** Managing accounts is an admin's job, always within the admin's own subtree. */
export const userPolicy = definePolicy({
  read: ['admin'],
  create: ['admin'],
  update: ['admin'],
  resetPassword: ['admin'],
  revokeSessions: ['admin'],
});

async function toUsers(db: Db, rows: repo.UserWithRoles[]): Promise<User[]> {
  const orgs = new Map((await findOrgsByIds(db, [...new Set(rows.map((r) => r.org_id))])).map((o) => [o.id, o.name]));
  return rows.map((row) => ({
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    orgId: row.org_id,
    orgName: orgs.get(row.org_id) ?? '',
    roles: row.roles,
    status: row.status,
    locale: row.locale === 'zh-CN' || row.locale === 'en-US' ? row.locale : null,
    lockedUntil: row.locked_until,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}

export async function toUser(db: Db, row: repo.UserWithRoles): Promise<User> {
  return (await toUsers(db, [row]))[0]!;
}

async function userInScope(db: Db, ctx: ServiceContext, id: string): Promise<repo.UserWithRoles> {
  const user = await repo.findUserById(db, id, ctx.actor.orgId);
  if (!user) throw new AppError('USER_NOT_FOUND', 404);
  return user;
}

async function assertOrgInScope(db: Db, ctx: ServiceContext, orgId: string): Promise<void> {
  if (!(await isOrgInSubtree(db, ctx.actor.orgId, orgId))) {
    throw new AppError('USER_ORG_NOT_FOUND', 404, { details: [{ path: 'body.orgId', code: 'scope', message: 'USER_ORG_NOT_FOUND' }] });
  }
}

export async function listUsers(ctx: ServiceContext, query: UserListQuery): Promise<UserPage> {
  userPolicy.assertCan(ctx.actor, 'read');
  const window = pageWindow(query);
  const { rows, total } = await repo.findUsers(
    ctx.db,
    { ...query, scopeRootId: ctx.actor.orgId },
    { column: query.sort ?? 'username', direction: query.order ?? 'asc' },
    window,
  );
  return { items: await toUsers(ctx.db, rows), total, page: window.page, pageSize: window.pageSize };
}

export async function getUser(ctx: ServiceContext, id: string): Promise<User> {
  const user = await userInScope(ctx.db, ctx, id);
  // Anyone may read their own account; reading others is an admin's.
  if (user.id !== ctx.actor.userId) userPolicy.assertCan(ctx.actor, 'read');
  return toUser(ctx.db, user);
}

export async function createUser(ctx: ServiceContext, input: CreateUserInput): Promise<User> {
  const username = input.username.toLowerCase();
  assertPasswordAcceptable(input.password, username, 'body.password');
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx) => {
    await assertOrgInScope(trx, ctx, input.orgId);
    userPolicy.assertCan(ctx.actor, 'create');
    if (await repo.findUserByUsername(trx, username)) {
      throw new AppError('USERNAME_TAKEN', 409, { params: { username }, details: [{ path: 'body.username', code: 'unique', message: 'USERNAME_TAKEN' }] });
    }
    const now = nowIso();
    const row: UserRow = {
      id: newId(),
      username,
      display_name: input.displayName.trim(),
      password_hash: passwordHash,
      org_id: input.orgId,
      status: 'active',
      locale: input.locale ?? null,
      locked_until: null,
      last_login_at: null,
      created_at: now,
      updated_at: now,
    };
    await repo.insertUser(trx, row, input.roles);
    const user = await toUser(trx, { ...row, roles: [...input.roles].sort() });
    await recordAudit(trx, ctx, { entity: 'user', entityId: row.id, orgId: row.org_id, action: 'create', before: null, after: user });
    return user;
  });
}

export async function updateUser(ctx: ServiceContext, id: string, input: UpdateUserInput): Promise<User> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await userInScope(trx, ctx, id);
    userPolicy.assertCan(ctx.actor, 'update');
    if (input.orgId) await assertOrgInScope(trx, ctx, input.orgId);
    const isSelf = before.id === ctx.actor.userId;
    if (isSelf && (input.status === 'disabled' || (input.roles && !input.roles.includes('admin')))) {
      throw new AppError('USER_SELF_LOCKOUT', 409);
    }
    const patch = {
      display_name: input.displayName?.trim() ?? before.display_name,
      org_id: input.orgId ?? before.org_id,
      status: input.status ?? before.status,
      locale: input.locale === undefined ? before.locale : input.locale,
      updated_at: nowIso(),
    };
    await repo.updateUserRow(trx, id, patch);
    if (input.roles) await repo.replaceRoles(trx, id, input.roles);
    // A disabled account must not keep working through a session opened earlier.
    if (patch.status === 'disabled') await sessions.deleteUserSessions(trx, id);
    const after = { ...before, ...patch, roles: input.roles ? [...input.roles].sort() : before.roles };
    const [beforeDto, afterDto] = await Promise.all([toUser(trx, before), toUser(trx, after)]);
    await recordAudit(trx, ctx, { entity: 'user', entityId: id, orgId: after.org_id, action: 'update', before: beforeDto, after: afterDto });
    return afterDto;
  });
}

/** Sets a new password chosen by an admin, lifts any lockout and signs the user out everywhere. */
export async function resetPassword(ctx: ServiceContext, id: string, password: string): Promise<User> {
  const target = await userInScope(ctx.db, ctx, id);
  userPolicy.assertCan(ctx.actor, 'resetPassword');
  assertPasswordAcceptable(password, target.username, 'body.password');
  const passwordHash = await hashPassword(password);
  return ctx.db.transaction().execute(async (trx) => {
    const now = nowIso();
    await repo.updateUserRow(trx, id, { password_hash: passwordHash, locked_until: null, updated_at: now });
    await sessions.deleteUserSessions(trx, id);
    await sessions.clearLoginFailures(trx, target.username);
    const after = await toUser(trx, { ...target, locked_until: null, updated_at: now });
    await recordAudit(trx, ctx, {
      entity: 'user',
      entityId: id,
      orgId: target.org_id,
      action: 'reset_password',
      before: { lockedUntil: target.locked_until },
      after: { lockedUntil: null, passwordChanged: true, sessionsRevoked: true },
    });
    return after;
  });
}

export async function revokeSessions(ctx: ServiceContext, id: string): Promise<{ revoked: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const target = await userInScope(trx, ctx, id);
    userPolicy.assertCan(ctx.actor, 'revokeSessions');
    const revoked = await sessions.deleteUserSessions(trx, id);
    await recordAudit(trx, ctx, { entity: 'user', entityId: id, orgId: target.org_id, action: 'revoke_sessions', before: null, after: { revoked } });
    return { revoked };
  });
}

/** The signed-in user edits their own name and language. */
export async function updateMe(ctx: ServiceContext, input: UpdateMeInput): Promise<User> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await userInScope(trx, ctx, ctx.actor.userId ?? '');
    const patch = {
      display_name: input.displayName?.trim() ?? before.display_name,
      locale: input.locale === undefined ? before.locale : input.locale,
      updated_at: nowIso(),
    };
    await repo.updateUserRow(trx, before.id, patch);
    const [beforeDto, afterDto] = await Promise.all([toUser(trx, before), toUser(trx, { ...before, ...patch })]);
    await recordAudit(trx, ctx, { entity: 'user', entityId: before.id, orgId: before.org_id, action: 'update_self', before: beforeDto, after: afterDto });
    return afterDto;
  });
}

/** Changing one's own password keeps the current session and ends all others. */
export async function changeOwnPassword(ctx: ServiceContext, currentSessionId: string, currentPassword: string, newPassword: string): Promise<void> {
  const user = await userInScope(ctx.db, ctx, ctx.actor.userId ?? '');
  if (!(await verifyPassword(user.password_hash, currentPassword))) {
    throw new AppError('AUTH_WRONG_CURRENT_PASSWORD', 400, { details: [{ path: 'body.currentPassword', code: 'mismatch', message: 'AUTH_WRONG_CURRENT_PASSWORD' }] });
  }
  assertPasswordAcceptable(newPassword, user.username, 'body.newPassword');
  const passwordHash = await hashPassword(newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateUserRow(trx, user.id, { password_hash: passwordHash, updated_at: nowIso() });
    await sessions.deleteUserSessions(trx, user.id, currentSessionId);
    await recordAudit(trx, ctx, { entity: 'user', entityId: user.id, orgId: user.org_id, action: 'change_password', before: null, after: { passwordChanged: true } });
  });
}

/** For the command line: the account by username, whatever its org. */
export async function findUserForCli(db: Db, username: string) {
  return repo.findUserByUsername(db, username.toLowerCase());
}

export async function countUsers(db: Db): Promise<number> {
  return repo.countUsers(db);
}


export type { Role };
