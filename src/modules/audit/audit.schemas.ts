import { Type, type Static } from '@fastify/type-provider-typebox';
import { Id, IsoDateTime, Nullable, Page, StrictObject, pageQuery } from '../../platform/http/schema.ts';

export const AuditEntryDto = Type.Object({
  id: Id,
  at: IsoDateTime,
  actorUserId: Nullable(Type.String()),
  actorUsername: Nullable(Type.String()),
  orgId: Nullable(Type.String()),
  entity: Type.String(),
  entityId: Nullable(Type.String()),
  action: Type.String(),
  before: Type.Unknown({ description: 'The record before the write; null for a creation' }),
  after: Type.Unknown({ description: 'The record after the write; null for a deletion' }),
  requestId: Nullable(Type.String()),
  ip: Nullable(Type.String()),
});

export const AuditListQuery = StrictObject({
  ...pageQuery,
  actorUserId: Type.Optional(Id),
  entity: Type.Optional(Type.String({ maxLength: 50 })),
  entityId: Type.Optional(Id),
  action: Type.Optional(Type.String({ maxLength: 50 })),
  from: Type.Optional(IsoDateTime),
  to: Type.Optional(IsoDateTime),
});
export type AuditListQuery = Static<typeof AuditListQuery>;

export const AuditPage = Page(AuditEntryDto);
export type AuditPage = Static<typeof AuditPage>;
