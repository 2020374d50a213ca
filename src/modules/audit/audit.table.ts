import type { Insertable, Selectable } from 'kysely';

/** One write: who made it, when, to what, and the record before and after. */
export interface AuditLogTable {
  id: string;
  at: string;
  actor_user_id: string | null;
  actor_username: string | null;
  /** The org the written record belongs to; audit queries are scoped by it. */
  org_id: string | null;
  entity: string;
  entity_id: string | null;
  action: string;
  before_json: string | null;
  after_json: string | null;
  request_id: string | null;
  ip: string | null;
}

export interface AuditTables {
  audit_log: AuditLogTable;
}

export type AuditLogRow = Selectable<AuditLogTable>;
export type NewAuditLogRow = Insertable<AuditLogTable>;
