import { sql, type Updateable } from 'kysely';
import type { Db } from '../../database.ts';
import { likeContaining } from '../../platform/db/like.ts';
import { findPage, type RowWindow } from '../../platform/db/pagination.ts';
import { inOrgSubtree } from '../orgs/index.ts';
import type { NewVenueRow, VenueKind, VenueRow, VenueStatus, VenueTable } from './venue.table.ts';

/** The only file that queries the venues table. */

export function findVenueById(db: Db, id: string, scopeRootId?: string): Promise<VenueRow | undefined> {
  let query = db.selectFrom('venues').selectAll().where('id', '=', id);
  if (scopeRootId) query = query.where(inOrgSubtree(scopeRootId, 'venues.owner_org_id'));
  return query.executeTakeFirst();
}

export function findVenueByName(db: Db, name: string): Promise<Pick<VenueRow, 'id'> | undefined> {
  return db.selectFrom('venues').select('id').where('name', '=', name).executeTakeFirst();
}

export interface VenueFilter {
  /** Only venues run by orgs in this subtree; none for the public portal. */
  scopeRootId?: string;
  q?: string;
  kind?: VenueKind;
  status?: VenueStatus;
  countyOrgId?: string;
  ownerOrgId?: string;
}

function filtered(db: Db, filter: VenueFilter) {
  let query = db.selectFrom('venues');
  if (filter.scopeRootId) query = query.where(inOrgSubtree(filter.scopeRootId, 'venues.owner_org_id'));
  if (filter.q) query = query.where('name', 'like', likeContaining(filter.q));
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.countyOrgId) query = query.where('county_org_id', '=', filter.countyOrgId);
  if (filter.ownerOrgId) query = query.where('owner_org_id', '=', filter.ownerOrgId);
  return query;
}

export function findVenues(db: Db, filter: VenueFilter, window: RowWindow): Promise<{ rows: VenueRow[]; total: number }> {
  return findPage(filtered(db, filter), (q) => q.selectAll().orderBy('name').orderBy('id'), window);
}

export function findAllVenues(db: Db, filter: VenueFilter): Promise<VenueRow[]> {
  return filtered(db, filter).selectAll().orderBy('name').orderBy('id').execute();
}

export async function insertVenue(db: Db, row: NewVenueRow): Promise<void> {
  await db.insertInto('venues').values(row).execute();
}

export async function updateVenue(db: Db, id: string, changes: Updateable<VenueTable>): Promise<void> {
  await db.updateTable('venues').set(changes).where('id', '=', id).execute();
}

export async function deleteVenue(db: Db, id: string): Promise<void> {
  await db.deleteFrom('venues').where('id', '=', id).execute();
}

/** How many venues of each kind and status are run in a subtree. */
export async function countVenuesByKindAndStatus(db: Db, scopeRootId: string): Promise<{ kind: VenueKind; status: VenueStatus; count: number }[]> {
  const rows = await db
    .selectFrom('venues')
    .where(inOrgSubtree(scopeRootId, 'venues.owner_org_id'))
    .select(['kind', 'status', sql<number>`count(*)`.as('count')])
    .groupBy(['kind', 'status'])
    .orderBy('kind')
    .orderBy('status')
    .execute();
  return rows.map((row) => ({ kind: row.kind, status: row.status, count: Number(row.count) }));
}

export async function findVenuesByIds(db: Db, ids: readonly string[], scopeRootId?: string): Promise<VenueRow[]> {
  if (ids.length === 0) return [];
  let query = db.selectFrom('venues').selectAll().where('id', 'in', ids);
  if (scopeRootId) query = query.where(inOrgSubtree(scopeRootId, 'venues.owner_org_id'));
  return query.execute();
}
