import type { Db } from '../../database.ts';
import { nowIso } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { pageWindow } from '../../platform/http/schema.ts';
import { newId } from '../../platform/ids.ts';
import { recordAudit } from '../audit/index.ts';
import { orgPolicy } from './org.policy.ts';
import * as repo from './org.repository.ts';
import type { CreateOrgInput, Org, OrgDetail, OrgListQuery, OrgPage, OrgTree, UpdateOrgInput } from './org.schemas.ts';
import type { OrgRow } from './org.table.ts';
import './org.messages.ts';

export function toOrg(row: OrgRow): Org {
  return {
    id: row.id,
    name: row.name,
    shortName: row.short_name,
    type: row.type,
    parentId: row.parent_id,
    adminCode: row.admin_code,
    foundedOn: row.founded_on,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Loads an org the actor may see; anything outside their subtree is simply not found. */
async function orgInScope(db: Db, ctx: ServiceContext, id: string, code = 'ORG_NOT_FOUND'): Promise<OrgRow> {
  const row = await repo.findOrgById(db, id, ctx.actor.orgId);
  if (!row) throw new AppError(code, 404);
  return row;
}

async function assertUniqueNaming(db: Db, parentId: string | null, name: string, adminCode: string | null | undefined, selfId?: string) {
  const sibling = await repo.findSiblingByName(db, parentId, name);
  if (sibling && sibling.id !== selfId) {
    throw new AppError('ORG_NAME_TAKEN', 409, { params: { name }, details: [{ path: 'body.name', code: 'unique', message: 'ORG_NAME_TAKEN' }] });
  }
  if (adminCode) {
    const holder = await repo.findOrgByCode(db, adminCode);
    if (holder && holder.id !== selfId) {
      throw new AppError('ORG_CODE_TAKEN', 409, {
        params: { code: adminCode, name: holder.name },
        details: [{ path: 'body.adminCode', code: 'unique', message: 'ORG_CODE_TAKEN' }],
      });
    }
  }
}

export async function listOrgs(ctx: ServiceContext, query: OrgListQuery): Promise<OrgPage> {
  orgPolicy.assertCan(ctx.actor, 'read');
  const window = pageWindow(query);
  const { rows, total } = await repo.findOrgs(
    ctx.db,
    { ...query, scopeRootId: ctx.actor.orgId },
    { column: query.sort ?? 'name', direction: query.order ?? 'asc' },
    window,
  );
  return { items: rows.map(toOrg), total, page: window.page, pageSize: window.pageSize };
}

/** The actor's part of the tree, rooted at their own org. */
export async function getOrgTree(ctx: ServiceContext): Promise<OrgTree> {
  orgPolicy.assertCan(ctx.actor, 'read');
  const rows = await repo.findSubtree(ctx.db, ctx.actor.orgId);
  return { items: rows.map((row) => ({ ...toOrg(row), depth: row.depth })) };
}

export async function getOrg(ctx: ServiceContext, id: string): Promise<OrgDetail> {
  const row = await orgInScope(ctx.db, ctx, id);
  orgPolicy.assertCan(ctx.actor, 'read');
  const [ancestors, childCount] = await Promise.all([repo.findAncestors(ctx.db, id), repo.countChildren(ctx.db, id)]);
  return { ...toOrg(row), ancestors: ancestors.map((a) => ({ id: a.id, name: a.name })), childCount };
}

export async function createOrg(ctx: ServiceContext, input: CreateOrgInput): Promise<Org> {
  return ctx.db.transaction().execute(async (trx) => {
    const parent = await orgInScope(trx, ctx, input.parentId, 'ORG_PARENT_NOT_FOUND');
    orgPolicy.assertCan(ctx.actor, 'create');
    if (parent.status !== 'active') throw new AppError('ORG_PARENT_DISABLED', 409);
    const name = input.name.trim();
    await assertUniqueNaming(trx, parent.id, name, input.adminCode);
    const now = nowIso();
    const row: OrgRow = {
      id: newId(),
      name,
      short_name: input.shortName?.trim() || null,
      type: input.type,
      parent_id: parent.id,
      admin_code: input.adminCode ?? null,
      founded_on: input.foundedOn ?? null,
      status: 'active',
      created_at: now,
      updated_at: now,
    };
    await repo.insertOrg(trx, row);
    const org = toOrg(row);
    await recordAudit(trx, ctx, { entity: 'org', entityId: row.id, orgId: row.id, action: 'create', before: null, after: org });
    return org;
  });
}

export async function updateOrg(ctx: ServiceContext, id: string, input: UpdateOrgInput): Promise<Org> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await orgInScope(trx, ctx, id);
    orgPolicy.assertCan(ctx.actor, 'update');
    const name = input.name?.trim() ?? before.name;
    await assertUniqueNaming(trx, before.parent_id, name, input.adminCode, id);
    if (input.status === 'disabled' && before.status !== 'disabled') {
      if (id === ctx.actor.orgId) throw new AppError('ORG_SCOPE_ROOT_LOCKED', 409);
      const active = await repo.countActiveDescendants(trx, id);
      if (active > 0) throw new AppError('ORG_HAS_ACTIVE_CHILDREN', 409, { params: { count: active } });
    }
    const after: OrgRow = {
      ...before,
      name,
      short_name: input.shortName === undefined ? before.short_name : input.shortName?.trim() || null,
      type: input.type ?? before.type,
      admin_code: input.adminCode === undefined ? before.admin_code : input.adminCode,
      founded_on: input.foundedOn === undefined ? before.founded_on : input.foundedOn,
      status: input.status ?? before.status,
      updated_at: nowIso(),
    };
    const { id: _id, created_at: _created, ...patch } = after;
    await repo.updateOrgRow(trx, id, patch);
    const org = toOrg(after);
    await recordAudit(trx, ctx, { entity: 'org', entityId: id, orgId: id, action: 'update', before: toOrg(before), after: org });
    return org;
  });
}

export async function moveOrg(ctx: ServiceContext, id: string, newParentId: string): Promise<Org> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await orgInScope(trx, ctx, id);
    const parent = await orgInScope(trx, ctx, newParentId, 'ORG_PARENT_NOT_FOUND');
    orgPolicy.assertCan(ctx.actor, 'move');
    if (id === ctx.actor.orgId) throw new AppError('ORG_SCOPE_ROOT_LOCKED', 409);
    if (await repo.isInSubtree(trx, id, newParentId)) throw new AppError('ORG_MOVE_INTO_OWN_SUBTREE', 409);
    if (parent.status !== 'active') throw new AppError('ORG_PARENT_DISABLED', 409);
    await assertUniqueNaming(trx, parent.id, before.name, null, id);
    const now = nowIso();
    await repo.moveSubtree(trx, id, parent.id, now);
    const org = toOrg({ ...before, parent_id: parent.id, updated_at: now });
    await recordAudit(trx, ctx, { entity: 'org', entityId: id, orgId: id, action: 'move', before: toOrg(before), after: org });
    return org;
  });
}
