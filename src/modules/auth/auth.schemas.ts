import { Type, type Static } from '@fastify/type-provider-typebox';
import { roles } from '../../platform/auth-core.ts';
import { locales } from '../../platform/i18n/catalogue.ts';
import { Id, IsoDateTime, Nullable, Page, StrictObject, pageQuery } from '../../platform/http/schema.ts';
import { userStatuses } from './auth.table.ts';

export const RoleSchema = Type.Enum(roles);
export const LocaleSchema = Type.Enum(locales);
const Username = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$', description: '3–32 letters, digits, . _ -; stored lower-case' });
const Password = Type.String({ minLength: 1, maxLength: 128 });
const DisplayName = Type.String({ minLength: 1, maxLength: 50, pattern: '\\S' });
const RoleList = Type.Array(RoleSchema, { minItems: 1, maxItems: roles.length, uniqueItems: true });

export const User = Type.Object({
  id: Id,
  username: Type.String(),
  displayName: Type.String(),
  orgId: Id,
  orgName: Type.String(),
  roles: Type.Array(RoleSchema),
  status: Type.Enum(userStatuses),
  locale: Nullable(LocaleSchema),
  lockedUntil: Nullable(IsoDateTime),
  lastLoginAt: Nullable(IsoDateTime),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type User = Static<typeof User>;

export const UserPage = Page(User);
export type UserPage = Static<typeof UserPage>;

export const UserListQuery = StrictObject({
  ...pageQuery,
  q: Type.Optional(Type.String({ maxLength: 50 })),
  orgId: Type.Optional(Id),
  under: Type.Optional(Id),
  role: Type.Optional(RoleSchema),
  status: Type.Optional(Type.Enum(userStatuses)),
  sort: Type.Optional(Type.Enum(['username', 'display_name', 'created_at', 'last_login_at'])),
  order: Type.Optional(Type.Enum(['asc', 'desc'])),
});
export type UserListQuery = Static<typeof UserListQuery>;

export const CreateUserBody = StrictObject({
  username: Username,
  displayName: DisplayName,
  password: Password,
  orgId: Id,
  roles: RoleList,
  locale: Type.Optional(Nullable(LocaleSchema)),
});
export type CreateUserInput = Static<typeof CreateUserBody>;

export const UpdateUserBody = StrictObject({
  displayName: Type.Optional(DisplayName),
  orgId: Type.Optional(Id),
  roles: Type.Optional(RoleList),
  status: Type.Optional(Type.Enum(userStatuses)),
  locale: Type.Optional(Nullable(LocaleSchema)),
});
export type UpdateUserInput = Static<typeof UpdateUserBody>;

export const ResetPasswordBody = StrictObject({ password: Password });
export const RevokedSessions = Type.Object({ revoked: Type.Integer() });

export const LoginBody = StrictObject({ username: Type.String({ minLength: 1, maxLength: 64 }), password: Password });
export const ChangePasswordBody = StrictObject({ currentPassword: Password, newPassword: Password });
export const UpdateMeBody = StrictObject({ displayName: Type.Optional(DisplayName), locale: Type.Optional(Nullable(LocaleSchema)) });
export type UpdateMeInput = Static<typeof UpdateMeBody>;

/** What the console needs after login: who is signed in and the token to send with writes. */
export const SessionInfo = Type.Object({
  user: User,
  csrfToken: Type.String({ description: 'Send as the X-CSRF-Token header on every POST, PATCH, PUT and DELETE' }),
  expiresAt: IsoDateTime,
  cityWide: Type.Boolean({
    description: 'Whether the account’s scope holds the top-level org: only then may its admins change what the whole association shares (portal columns, review chain, site settings, activity vocabularies)',
  }),
});
export type SessionInfo = Static<typeof SessionInfo>;
