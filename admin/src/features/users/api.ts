import { api, type Page, type Query } from '../../app/api.ts';
import type { Locale } from '../../app/i18n.tsx';
import type { Role } from '../../app/auth.tsx';

export const roles: Role[] = ['admin', 'editor', 'reviewer', 'reporter', 'viewer'];

export type UserStatus = 'active' | 'disabled';
export const userStatuses: UserStatus[] = ['active', 'disabled'];

/** An account as GET /users returns it. */
export interface User {
  id: string;
  username: string;
  displayName: string;
  orgId: string;
  orgName: string;
  roles: Role[];
  status: UserStatus;
  locale: Locale | null;
  /** Set after too many failed logins; the account is locked while it lies in the future. */
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
}

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
