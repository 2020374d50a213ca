import { sql, type Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import { findPage, type RowWindow } from '../../platform/db/pagination.ts';
import { inOrgSubtree } from '../orgs/index.ts';
import type { MediaItemRow, MediaKind, MediaVariantRow, NewMediaItemRow } from './media.table.ts';

type Executor = Kysely<Database>;

export async function insertItem(db: Executor, row: NewMediaItemRow): Promise<void> {
  await db.insertInto('media_items').values(row).execute();
}

export async function insertVariants(db: Executor, rows: readonly MediaVariantRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('media_variants').values([...rows]).execute();
}

/** With `scopeRootId`, an item outside that org's subtree is not found. */
export async function findItemById(db: Executor, id: string, scopeRootId?: string): Promise<MediaItemRow | undefined> {
  let query = db.selectFrom('media_items').selectAll().where('id', '=', id);
  if (scopeRootId) query = query.where(inOrgSubtree(scopeRootId, 'media_items.org_id'));
  return query.executeTakeFirst();
}

export async function findItemsByIds(db: Executor, ids: readonly string[]): Promise<MediaItemRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('media_items').selectAll().where('id', 'in', ids).execute();
}

/** Variants of these items, smallest first. */
export async function findVariants(db: Executor, mediaIds: readonly string[]): Promise<MediaVariantRow[]> {
  if (mediaIds.length === 0) return [];
  return db.selectFrom('media_variants').selectAll().where('media_id', 'in', mediaIds).orderBy('width').orderBy('format').execute();
}

export interface MediaFilter {
  scopeRootId: string;
  kind?: MediaKind;
  q?: string;
}

export async function findItems(db: Executor, filter: MediaFilter, window: RowWindow): Promise<{ rows: MediaItemRow[]; total: number }> {
  let query = db.selectFrom('media_items').where(inOrgSubtree(filter.scopeRootId, 'media_items.org_id'));
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.q?.trim()) {
    const pattern = `%${filter.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const like = sql<string>`${pattern} escape '\\'`;
    query = query.where((eb) => eb.or([eb('original_name', 'like', like), eb('title', 'like', like), eb('alt', 'like', like)]));
  }
  return findPage(query, (q) => q.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc'), window);
}

export async function updateItem(db: Executor, id: string, patch: { alt: string; title: string; updated_at: string }): Promise<void> {
  await db.updateTable('media_items').set(patch).where('id', '=', id).execute();
}

/** Variants first: the delete does not depend on the database enforcing ON DELETE CASCADE. */
export async function deleteItem(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('media_variants').where('media_id', '=', id).execute();
  await db.deleteFrom('media_items').where('id', '=', id).execute();
}

/** An earlier upload of the same bytes, whose stored files a new upload can share. */
export async function findItemBySha(db: Executor, sha256: string): Promise<MediaItemRow | undefined> {
  return db.selectFrom('media_items').selectAll().where('sha256', '=', sha256).orderBy('created_at').executeTakeFirst();
}

export async function countItemsBySha(db: Executor, sha256: string): Promise<number> {
  const row = await db.selectFrom('media_items').select((eb) => eb.fn.countAll<number>().as('n')).where('sha256', '=', sha256).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The image file a public URL names, if any item still has it: the original or one variant. */
export async function findImageFile(db: Executor, storageKey: string): Promise<{ mimeType: string; bytes: number; sha256: string } | undefined> {
  const original = await db
    .selectFrom('media_items')
    .select(['mime_type', 'bytes', 'sha256'])
    .where('storage_key', '=', storageKey)
    .where('kind', '=', 'image')
    .executeTakeFirst();
  if (original) return { mimeType: original.mime_type, bytes: original.bytes, sha256: original.sha256 };
  const variant = await db
    .selectFrom('media_variants')
    .innerJoin('media_items', 'media_items.id', 'media_variants.media_id')
    .select(['media_variants.format', 'media_variants.bytes', 'media_items.sha256'])
    .where('media_variants.storage_key', '=', storageKey)
    .executeTakeFirst();
  return variant ? { mimeType: `image/${variant.format}`, bytes: variant.bytes, sha256: variant.sha256 } : undefined;
}
