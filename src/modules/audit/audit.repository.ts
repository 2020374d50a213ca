import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import { findPage, type RowWindow } from '../../platform/db/pagination.ts';
import type { AuditLogRow, NewAuditLogRow } from './audit.table.ts';
import { inOrgSubtree } from '../orgs/index.ts';

export async function insertAuditEntry(db: Kysely<Database>, row: NewAuditLogRow): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
}

export interface AuditFilter {
  scopeOrgId: string;
  actorUserId?: string;
  entity?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
}

function filtered(db: Kysely<Database>, filter: AuditFilter) {
  let query = db.selectFrom('audit_log').where(inOrgSubtree(filter.scopeOrgId, 'audit_log.org_id'));
  if (filter.actorUserId) query = query.where('actor_user_id', '=', filter.actorUserId);
  if (filter.entity) query = query.where('entity', '=', filter.entity);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.from) query = query.where('at', '>=', filter.from);
  if (filter.to) query = query.where('at', '<', filter.to);
  return query;
}

export async function findAuditEntries(db: Kysely<Database>, filter: AuditFilter, window: RowWindow): Promise<{ rows: AuditLogRow[]; total: number }> {
  return findPage(filtered(db, filter), (q) => q.selectAll().orderBy('at', 'desc').orderBy('id', 'desc'), window);
}
