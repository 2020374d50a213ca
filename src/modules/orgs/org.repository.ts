import { sql, type ExpressionBuilder, type Kysely, type SqlBool, type Expression } from 'kysely';
import type { Database } from '../../database.ts';
import { likeContaining } from '../../platform/db/like.ts';
import { findPage, type RowWindow } from '../../platform/db/pagination.ts';
import type { NewOrgRow, OrgRow, OrgRowUpdate, OrgStatus, OrgType } from './org.table.ts';

type Executor = Kysely<Database>;

/**
 * `column IN (subtree of rootOrgId)`: the one place data scope is expressed.
 * Other modules reach it through the orgs index, never by joining org tables.
 */
export function inOrgSubtree(rootOrgId: string, orgIdColumn: string) {
  return (eb: ExpressionBuilder<Database, any>): Expression<SqlBool> =>
    eb(
      eb.ref(orgIdColumn),
      'in',
      eb.selectFrom('org_closure').select('org_closure.descendant_id').where('org_closure.ancestor_id', '=', rootOrgId),
    );
}

export async function findOrgById(db: Executor, id: string, scopeRootId?: string): Promise<OrgRow | undefined> {
  let query = db.selectFrom('orgs').selectAll().where('id', '=', id);
  if (scopeRootId) query = query.where(inOrgSubtree(scopeRootId, 'orgs.id'));
  return query.executeTakeFirst();
}

export async function findOrgsByIds(db: Executor, ids: readonly string[]): Promise<OrgRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('orgs').selectAll().where('id', 'in', ids).execute();
}

export async function findRootOrg(db: Executor): Promise<OrgRow | undefined> {
  return db.selectFrom('orgs').selectAll().where('parent_id', 'is', null).orderBy('created_at').executeTakeFirst();
}

export async function findOrgByCode(db: Executor, adminCode: string): Promise<OrgRow | undefined> {
  return db.selectFrom('orgs').selectAll().where('admin_code', '=', adminCode).executeTakeFirst();
}

export async function findSiblingByName(db: Executor, parentId: string | null, name: string): Promise<OrgRow | undefined> {
  return db
    .selectFrom('orgs')
    .selectAll()
    .where((eb) => (parentId === null ? eb('parent_id', 'is', null) : eb('parent_id', '=', parentId)))
    .where('name', '=', name)
    .executeTakeFirst();
}

export interface OrgFilter {
  scopeRootId: string;
  q?: string;
  type?: OrgType;
  status?: OrgStatus;
  parentId?: string;
  /** Restrict to the subtree of this org (already inside the scope). */
  under?: string;
  foundedFrom?: string;
  foundedTo?: string;
}

export const orgSortColumns = ['name', 'type', 'founded_on', 'admin_code', 'created_at'] as const;
export type OrgSort = { column: (typeof orgSortColumns)[number]; direction: 'asc' | 'desc' };

function filteredOrgs(db: Executor, filter: OrgFilter) {
  let query = db.selectFrom('orgs').where(inOrgSubtree(filter.scopeRootId, 'orgs.id'));
  if (filter.under) query = query.where(inOrgSubtree(filter.under, 'orgs.id'));
  if (filter.q) {
    const pattern = likeContaining(filter.q);
    query = query.where((eb) =>
      eb.or([eb('name', 'like', pattern), eb('short_name', 'like', pattern), eb('admin_code', 'like', pattern)]),
    );
  }
  if (filter.type) query = query.where('type', '=', filter.type);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.parentId) query = query.where('parent_id', '=', filter.parentId);
  if (filter.foundedFrom) query = query.where('founded_on', '>=', filter.foundedFrom);
  if (filter.foundedTo) query = query.where('founded_on', '<=', filter.foundedTo);
  return query;
}

export async function findOrgs(db: Executor, filter: OrgFilter, sort: OrgSort, window: RowWindow): Promise<{ rows: OrgRow[]; total: number }> {
  return findPage(filteredOrgs(db, filter), (q) => q.selectAll().orderBy(sort.column, sort.direction).orderBy('id'), window);
}

/** The org and everything under it, each with its depth below the root, parents before children. */
export async function findSubtree(db: Executor, rootId: string): Promise<(OrgRow & { depth: number })[]> {
  return db
    .selectFrom('org_closure')
    .innerJoin('orgs', 'orgs.id', 'org_closure.descendant_id')
    .selectAll('orgs')
    .select('org_closure.depth')
    .where('org_closure.ancestor_id', '=', rootId)
    .orderBy('org_closure.depth')
    // Coded divisions first, in code order; SQLite and PostgreSQL place NULLs differently otherwise.
    .orderBy(sql`orgs.admin_code is null`)
    .orderBy('orgs.admin_code')
    .orderBy('orgs.name')
    .execute();
}

/** Ancestors from the root down to the org's parent. */
export async function findAncestors(db: Executor, orgId: string): Promise<OrgRow[]> {
  return db
    .selectFrom('org_closure')
    .innerJoin('orgs', 'orgs.id', 'org_closure.ancestor_id')
    .selectAll('orgs')
    .where('org_closure.descendant_id', '=', orgId)
    .where('org_closure.depth', '>', 0)
    .orderBy('org_closure.depth', 'desc')
    .execute();
}

export async function isInSubtree(db: Executor, ancestorId: string, descendantId: string): Promise<boolean> {
  const row = await db
    .selectFrom('org_closure')
    .select('depth')
    .where('ancestor_id', '=', ancestorId)
    .where('descendant_id', '=', descendantId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function countChildren(db: Executor, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('orgs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_id', '=', orgId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countActiveDescendants(db: Executor, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('org_closure')
    .innerJoin('orgs', 'orgs.id', 'org_closure.descendant_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_closure.ancestor_id', '=', orgId)
    .where('org_closure.depth', '>', 0)
    .where('orgs.status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countOrgs(db: Executor): Promise<number> {
  const row = await db.selectFrom('orgs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Inserts the org and its closure rows: itself at depth 0 and one row per ancestor. */
export async function insertOrg(trx: Executor, row: NewOrgRow): Promise<void> {
  await trx.insertInto('orgs').values(row).execute();
  await trx.insertInto('org_closure').values({ ancestor_id: row.id, descendant_id: row.id, depth: 0 }).execute();
  if (row.parent_id) {
    await trx
      .insertInto('org_closure')
      .columns(['ancestor_id', 'descendant_id', 'depth'])
      .expression((eb) =>
        eb
          .selectFrom('org_closure')
          .select(['ancestor_id', eb.val(row.id).as('descendant_id'), eb(eb.ref('depth'), '+', 1).as('depth')])
          .where('descendant_id', '=', row.parent_id!),
      )
      .execute();
  }
}

export async function updateOrgRow(trx: Executor, id: string, patch: OrgRowUpdate): Promise<void> {
  await trx.updateTable('orgs').set(patch).where('id', '=', id).execute();
}

/**
 * Re-hangs a subtree under a new parent: drop the links between the subtree
 * and its old ancestors, then link every new ancestor to every node of the
 * subtree. Must run in a transaction so no reader sees the tree half-moved.
 */
export async function moveSubtree(trx: Executor, orgId: string, newParentId: string, updatedAt: string): Promise<void> {
  const subtree = (eb: ExpressionBuilder<Database, any>) =>
    eb.selectFrom('org_closure as sub').select('sub.descendant_id').where('sub.ancestor_id', '=', orgId);
  await trx
    .deleteFrom('org_closure')
    .where('descendant_id', 'in', subtree)
    .where('ancestor_id', 'not in', subtree)
    .execute();
  await trx
    .insertInto('org_closure')
    .columns(['ancestor_id', 'descendant_id', 'depth'])
    .expression((eb) =>
      eb
        .selectFrom('org_closure as above')
        .innerJoin('org_closure as below', (join) => join.on('below.ancestor_id', '=', orgId))
        .select((s) => [
          'above.ancestor_id',
          'below.descendant_id',
          s(s(s.ref('above.depth'), '+', s.ref('below.depth')), '+', 1).as('depth'),
        ])
        .where('above.descendant_id', '=', newParentId),
    )
    .execute();
  await trx.updateTable('orgs').set({ parent_id: newParentId, updated_at: updatedAt }).where('id', '=', orgId).execute();
}
