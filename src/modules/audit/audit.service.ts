import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import { definePolicy } from '../../platform/auth-core.ts';
import { nowIso } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { pageWindow } from '../../platform/http/schema.ts';
import { newId } from '../../platform/ids.ts';
import { findAuditEntries, insertAuditEntry } from './audit.repository.ts';
import type { AuditListQuery, AuditPage } from './audit.schemas.ts';

export interface AuditEntry {
  entity: string;
  entityId: string | null;
  /** The org the record belongs to, so an admin sees the writes in their subtree. */
  orgId: string | null;
  action: string;
  before: unknown;
  after: unknown;
}

const auditPolicy = definePolicy({ read: ['admin'] });

const toJson = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/** Records one write. Call it inside the write's own transaction, so the two commit or fail together. */
export async function recordAudit(trx: Kysely<Database>, ctx: Pick<ServiceContext, 'actor' | 'requestId' | 'ip'>, entry: AuditEntry): Promise<void> {
  await insertAuditEntry(trx, {
    id: newId(),
    at: nowIso(),
    actor_user_id: ctx.actor.userId,
    actor_username: ctx.actor.username,
    org_id: entry.orgId,
    entity: entry.entity,
    entity_id: entry.entityId,
    action: entry.action,
    before_json: toJson(entry.before),
    after_json: toJson(entry.after),
    request_id: ctx.requestId ?? null,
    ip: ctx.ip ?? null,
  });
}

export async function listAudit(ctx: ServiceContext, query: AuditListQuery): Promise<AuditPage> {
  auditPolicy.assertCan(ctx.actor, 'read');
  const window = pageWindow(query);
  const { rows, total } = await findAuditEntries(ctx.db, { ...query, scopeOrgId: ctx.actor.orgId }, window);
  return {
    items: rows.map((row) => ({
      id: row.id,
      at: row.at,
      actorUserId: row.actor_user_id,
      actorUsername: row.actor_username,
      orgId: row.org_id,
      entity: row.entity,
      entityId: row.entity_id,
      action: row.action,
      before: row.before_json === null ? null : JSON.parse(row.before_json),
      after: row.after_json === null ? null : JSON.parse(row.after_json),
      requestId: row.request_id,
      ip: row.ip,
    })),
    total,
    page: window.page,
    pageSize: window.pageSize,
  };
}
