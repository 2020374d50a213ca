import { api, type Page, type Query } from '../../app/api.ts';
import type { Locale } from '../../app/i18n.tsx';
import type { Role } from '../../app/auth.tsx';

export const roles: Role[] = ['admin', 'editor', 'reviewer', 'reporter', 'viewer'];

export type UserStatus = 'active' | 'disabled';
export const userStatuses: UserStatus[] = ['active', 'disabled'];

/** An account as GET /users returns it (the server's own type). */
export type { User } from '../../../../src/modules/auth/auth.schemas.ts';
import type { User } from '../../../../src/modules/auth/auth.schemas.ts';

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  orgId: string;
  roles: Role[];
}

export type UserChanges = Partial<Pick<User, 'displayName' | 'orgId' | 'roles' | 'status' | 'locale'>>;

export const isLocked = (user: Pick<User, 'lockedUntil'>, now = Date.now()) => user.lockedUntil !== null && Date.parse(user.lockedUntil) > now;

export const fetchUsers = (query: Query) => api<Page<User>>('GET', '/users', undefined, query);
export const fetchUser = (id: string) => api<User>('GET', `/users/${id}`);
export const createUser = (user: NewUser) => api<User>('POST', '/users', user);
export const updateUser = (id: string, changes: UserChanges) => api<User>('PATCH', `/users/${id}`, changes);
/** Also lifts a lockout and signs the user out everywhere. */
export const resetUserPassword = (id: string, password: string) => api<User>('POST', `/users/${id}/password`, { password });
/** Signs the user out everywhere; answers how many sessions ended. */
export const revokeUserSessions = (id: string) => api<{ revoked: number }>('POST', `/users/${id}/revoke-sessions`);
