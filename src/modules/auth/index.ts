/** Accounts, roles, sessions and login throttling; the request's actor and data scope come from here. */
export { default as authPlugin, contextOf, sessionCookie } from './auth.plugin.ts';
export { authRoutes } from './auth.routes.ts';
export { userRoutes } from './user.routes.ts';
export { createUser, updateUser, resetPassword, listUsers, findUserForCli, countUsers, userPolicy } from './user.service.ts';
export { pruneAuthState, type AuthSettings } from './session.service.ts';
export { loadDemoUsers, demoAdminUsable } from './user.demo.ts';
export type { User } from './auth.schemas.ts';
import type { Db } from '../../database.ts';
import { findUserById } from './user.repository.ts';

/** The name a user goes by (姓名), for printing on what they signed off; undefined for an unknown id. */
export async function findUserDisplayName(db: Db, userId: string): Promise<string | undefined> {
  return (await findUserById(db, userId))?.display_name;
}
