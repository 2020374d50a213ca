import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import { likeContaining } from '../../platform/db/like.ts';
import { findPage, type RowWindow } from '../../platform/db/pagination.ts';
import type { Role } from '../../platform/auth-core.ts';
import { inOrgSubtree } from '../orgs/index.ts';
import type { NewUserRow, UserRow, UserStatus } from './auth.table.ts';

type Executor = Kysely<Database>;

export type UserWithRoles = UserRow & { roles: Role[] };

async function attachRoles(db: Executor, users: UserRow[]): Promise<UserWithRoles[]> {
  if (users.length === 0) return [];
  const rows = await db
    .selectFrom('user_roles')
    .select(['user_id', 'role'])
    .where('user_id', 'in', users.map((u) => u.id))
    .execute();
  return users.map((user) => ({ ...user, roles: rows.filter((r) => r.user_id === user.id).map((r) => r.role).sort() }));
}

export async function findUserById(db: Executor, id: string, scopeRootId?: string): Promise<UserWithRoles | undefined> {
  let query = db.selectFrom('users').selectAll().where('id', '=', id);
  if (scopeRootId) query = query.where(inOrgSubtree(scopeRootId, 'users.org_id'));
  const user = await query.executeTakeFirst();
  return user ? (await attachRoles(db, [user]))[0] : undefined;
}

export async function findUserByUsername(db: Executor, username: string): Promise<UserWithRoles | undefined> {
  const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  return user ? (await attachRoles(db, [user]))[0] : undefined;
}

export interface UserFilter {
  scopeRootId: string;
  q?: string;
  orgId?: string;
  under?: string;
  role?: Role;
  status?: UserStatus;
}

function filteredUsers(db: Executor, filter: UserFilter) {
  let query = db.selectFrom('users').where(inOrgSubtree(filter.scopeRootId, 'users.org_id'));
  if (filter.under) query = query.where(inOrgSubtree(filter.under, 'users.org_id'));
  if (filter.orgId) query = query.where('org_id', '=', filter.orgId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.role) {
    const role = filter.role;
    query = query.where('id', 'in', (eb) => eb.selectFrom('user_roles').select('user_id').where('role', '=', role));
  }
  if (filter.q) {
    const pattern = likeContaining(filter.q.toLowerCase());
    query = query.where((eb) => eb.or([eb('username', 'like', pattern), eb('display_name', 'like', pattern)]),
    );
  }
  return query;
}

export const userSortColumns = ['username', 'display_name', 'created_at', 'last_login_at'] as const;

export async function findUsers(
  db: Executor,
  filter: UserFilter,
  sort: { column: (typeof userSortColumns)[number]; direction: 'asc' | 'desc' },
  window: RowWindow,
): Promise<{ rows: UserWithRoles[]; total: number }> {
  const { rows, total } = await findPage(filteredUsers(db, filter), (q) => q.selectAll().orderBy(sort.column, sort.direction).orderBy('id'), window);
  return { rows: await attachRoles(db, rows), total };
}

export async function insertUser(trx: Executor, row: NewUserRow, roles: readonly Role[]): Promise<void> {
  await trx.insertInto('users').values(row).execute();
  await replaceRoles(trx, row.id, roles);
}

export async function updateUserRow(trx: Executor, id: string, patch: Partial<Omit<UserRow, 'id'>>): Promise<void> {
  await trx.updateTable('users').set(patch).where('id', '=', id).execute();
}

export async function replaceRoles(trx: Executor, userId: string, roles: readonly Role[]): Promise<void> {
  await trx.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roles.length > 0) {
    await trx.insertInto('user_roles').values(roles.map((role) => ({ user_id: userId, role }))).execute();
  }
}

export async function countUsers(db: Executor): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
