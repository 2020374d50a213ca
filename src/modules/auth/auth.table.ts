import type { Insertable, Selectable } from 'kysely';
import type { Role } from '../../platform/auth-core.ts';

export const userStatuses = ['active', 'disabled'] as const;
export type UserStatus = (typeof userStatuses)[number];

/** A staff account. Its org is the root of everything it may see and change. */
export interface UserTable {
  id: string;
  /** Lower-case login name. */
  username: string;
  display_name: string;
  /** argon2id, PHC string format. */
  password_hash: string;
  org_id: string;
  status: UserStatus;
  locale: string | null;
  /** Set after repeated failed logins; login is refused until then. */
  locked_until: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserRoleTable {
  user_id: string;
  role: Role;
}

export interface SessionTable {
  /** SHA-256 of the cookie token; the token itself is never stored. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginFailureTable {
  id: string;
  username: string;
  ip: string;
  at: string;
}

export interface AuthTables {
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  login_failures: LoginFailureTable;
}

export type UserRow = Selectable<UserTable>;
export type NewUserRow = Insertable<UserTable>;
export type SessionRow = Selectable<SessionTable>;
