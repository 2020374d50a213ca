import { createHash } from 'node:crypto';
import type { Db } from '../../database.ts';
import { nowIso } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { pageWindow } from '../../platform/http/schema.ts';
import { translate, type Locale } from '../../platform/i18n/catalogue.ts';
import { newId } from '../../platform/ids.ts';
import { recordAudit } from '../audit/index.ts';
import { cleanFileName } from './file-names.ts';
import { processImage, UnreadableImageError } from './image-processing.ts';
import { fileExtensions } from './image-variants.ts';
import { findMediaUses } from './media-usage.ts';
import { claimedType, detectType, imageFormatOf, type AcceptedType } from './media-type.ts';
import { mediaPolicy } from './media.policy.ts';
import * as repo from './media.repository.ts';
import type { MediaEntry, MediaItem, MediaListQuery, MediaPage, UpdateMediaInput } from './media.schemas.ts';
import { attachmentKey, imageKey, mediaSettingsOf, removeStoredFiles, storedFileExists, writeStoredFile, type MediaSettings } from './media-storage.ts';
import type { MediaItemRow, MediaKind, MediaVariantRow } from './media.table.ts';
import './media.messages.ts';

const publicUrlOf = (storageKey: string) => `/media/${storageKey}`;

/** Attachments download through their id, so the name sent is the item's own even when files are shared. */
export const downloadUrlOf = (row: Pick<MediaItemRow, 'id' | 'original_name'>) => `/media/download/${row.id}/${encodeURIComponent(row.original_name)}`;

export function toMediaItem(row: MediaItemRow): MediaItem {
  return {
    id: row.id,
    orgId: row.org_id,
    kind: row.kind,
    originalName: row.original_name,
    mimeType: row.mime_type,
    bytes: Number(row.bytes),
    width: row.width,
    height: row.height,
    alt: row.alt,
    url: row.kind === 'image' ? publicUrlOf(row.storage_key) : downloadUrlOf(row),
    createdAt: row.created_at,
  };
}

function toMediaEntry(row: MediaItemRow, variants: readonly MediaVariantRow[]): MediaEntry {
  const own = variants.filter((variant) => variant.media_id === row.id);
  const thumbnail = own.find((variant) => variant.format === 'webp') ?? own[0];
  return {
    ...toMediaItem(row),
    title: row.title,
    updatedAt: row.updated_at,
    thumbnailUrl: thumbnail ? publicUrlOf(thumbnail.storage_key) : null,
    variants: own.map((variant) => ({
      width: variant.width,
      height: variant.height,
      format: variant.format,
      bytes: Number(variant.bytes),
      url: publicUrlOf(variant.storage_key),
    })),
  };
}

async function entriesOf(db: Db, rows: readonly MediaItemRow[]): Promise<MediaEntry[]> {
  const variants = await repo.findVariants(db, rows.map((row) => row.id));
  return rows.map((row) => toMediaEntry(row, variants));
}

async function itemInScope(ctx: ServiceContext, id: string): Promise<MediaItemRow> {
  const row = await repo.findItemById(ctx.db, id, ctx.actor.orgId);
  if (!row) throw new AppError('MEDIA_NOT_FOUND', 404);
  return row;
}

/** "10 MB", "512 KB": limits as people write them. */
export function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}

export function byteLimitOf(settings: MediaSettings, kind: MediaKind): number {
  return kind === 'image' ? settings.maxImageBytes : settings.maxAttachmentBytes;
}

export function tooLarge(fileName: string, kind: MediaKind, settings: MediaSettings, locale: Locale): AppError {
  return new AppError('MEDIA_TOO_LARGE', 413, {
    params: { name: fileName, kind: translate(locale, `media.kind.${kind}`), limit: formatBytes(byteLimitOf(settings, kind)) },
  });
}

/** The first check of an upload, so a refused caller sends no file for nothing: may the actor upload anything at all? */
export function authorizeUpload(ctx: ServiceContext): void {
  if (!mediaPolicy.can(ctx.actor, 'uploadImage') && !mediaPolicy.can(ctx.actor, 'uploadAttachment')) throw new AppError('FORBIDDEN', 403);
}

/**
 * Before reading a byte: the name's type must be one kexie accepts, and of a
 * kind the actor may upload (the bytes must later agree with the name). Its
 * kind sets the size limit.
 */
export function typeClaimedBy(ctx: ServiceContext, rawFileName: string): { fileName: string; claimed: AcceptedType; byteLimit: number } {
  const fileName = cleanFileName(rawFileName);
  const claimed = claimedType(fileName, ctx.locale);
  if (!mediaPolicy.can(ctx.actor, claimed.kind === 'image' ? 'uploadImage' : 'uploadAttachment')) throw new AppError('MEDIA_KIND_NOT_ALLOWED', 403, { params: { name: fileName } });
  return { fileName, claimed, byteLimit: byteLimitOf(mediaSettingsOf(ctx.db), claimed.kind) };
}

interface StoredFiles {
  storageKey: string;
  bytes: number;
  width: number | null;
  height: number | null;
  variants: Omit<MediaVariantRow, 'media_id'>[];
}

/** Files of an earlier upload of the same bytes, if all of them are still on disk. */
async function reusableFiles(db: Db, settings: MediaSettings, sha256: string): Promise<StoredFiles | undefined> {
  const twin = await repo.findItemBySha(db, sha256);
  if (!twin) return undefined;
  const variants = (await repo.findVariants(db, [twin.id])).map(({ media_id: _id, ...variant }) => variant);
  const keys = [twin.storage_key, ...variants.map((variant) => variant.storage_key)];
  const present = await Promise.all(keys.map((key) => storedFileExists(settings, key)));
  if (!present.every(Boolean)) return undefined;
  return { storageKey: twin.storage_key, bytes: Number(twin.bytes), width: twin.width, height: twin.height, variants };
}

async function writeFiles(settings: MediaSettings, type: AcceptedType, fileName: string, bytes: Buffer, sha256: string): Promise<StoredFiles> {
  if (type.kind === 'attachment') {
    const storageKey = attachmentKey(sha256, type.extensions[0]);
    await writeStoredFile(settings, storageKey, bytes);
    return { storageKey, bytes: bytes.length, width: null, height: null, variants: [] };
  }
  const format = imageFormatOf(type);
  const processed = await processImage(bytes, format).catch((error: unknown) => {
    if (error instanceof UnreadableImageError) throw new AppError('MEDIA_IMAGE_UNREADABLE', 400, { params: { name: fileName } });
    throw error;
  });
  const storageKey = imageKey(sha256, `original.${fileExtensions[format]}`);
  const variants = processed.variants.map((variant) => ({
    width: variant.width,
    height: variant.height,
    format: variant.format,
    bytes: variant.bytes.length,
    storage_key: imageKey(sha256, variant.fileName),
  }));
  await writeStoredFile(settings, storageKey, processed.original.bytes);
  await Promise.all(processed.variants.map((variant, i) => writeStoredFile(settings, variants[i]!.storage_key, variant.bytes)));
  return { storageKey, bytes: processed.original.bytes.length, width: processed.original.width, height: processed.original.height, variants };
}

/**
 * Checks and stores one upload: type by its bytes (and the name must agree),
 * size by its kind, images stripped and resized once. Identical bytes share
 * their stored files. Files are written before the record, so a record never
 * points at a missing file; should the record fail, unshared files go again.
 */
export async function storeMedia(ctx: ServiceContext, file: { fileName: string; bytes: Buffer; alt?: string; title?: string }): Promise<MediaEntry> {
  authorizeUpload(ctx);
  const settings = mediaSettingsOf(ctx.db);
  const { fileName, claimed, byteLimit } = typeClaimedBy(ctx, file.fileName);
  if (file.bytes.length === 0) throw new AppError('MEDIA_EMPTY_FILE', 400, { params: { name: fileName } });
  if (file.bytes.length > byteLimit) throw tooLarge(fileName, claimed.kind, settings, ctx.locale);
  const type = await detectType(fileName, file.bytes, ctx.locale);
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const files = (await reusableFiles(ctx.db, settings, sha256)) ?? (await writeFiles(settings, type, fileName, file.bytes, sha256));

  const now = nowIso();
  const row: MediaItemRow = {
    id: newId(),
    org_id: ctx.actor.orgId,
    kind: type.kind,
    original_name: fileName,
    mime_type: type.mimeType,
    bytes: files.bytes,
    sha256,
    width: files.width,
    height: files.height,
    alt: file.alt?.trim() ?? '',
    title: file.title?.trim() ?? '',
    storage_key: files.storageKey,
    created_by: ctx.actor.userId,
    created_at: now,
    updated_at: now,
  };
  const variants = files.variants.map((variant) => ({ ...variant, media_id: row.id }));
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await repo.insertItem(trx, row);
      await repo.insertVariants(trx, variants);
      await recordAudit(trx, ctx, { entity: 'media', entityId: row.id, orgId: row.org_id, action: 'create', before: null, after: toMediaItem(row) });
    });
  } catch (error) {
    await removeUnsharedFiles(ctx.db, settings, row, variants);
    throw error;
  }
  return toMediaEntry(row, variants);
}

async function removeUnsharedFiles(db: Db, settings: MediaSettings, row: MediaItemRow, variants: readonly MediaVariantRow[]): Promise<void> {
  if ((await repo.countItemsBySha(db, row.sha256)) > 0) return;
  await removeStoredFiles(settings, [row.storage_key, ...variants.map((variant) => variant.storage_key)]);
}

export async function listMedia(ctx: ServiceContext, query: MediaListQuery): Promise<MediaPage> {
  mediaPolicy.assertCan(ctx.actor, 'read');
  const window = pageWindow(query);
  const { rows, total } = await repo.findItems(ctx.db, { scopeRootId: ctx.actor.orgId, kind: query.kind, q: query.q }, window);
  return { items: await entriesOf(ctx.db, rows), total, page: window.page, pageSize: window.pageSize };
}

export async function getMedia(ctx: ServiceContext, id: string): Promise<MediaEntry> {
  const row = await itemInScope(ctx, id);
  mediaPolicy.assertCan(ctx.actor, 'read');
  return (await entriesOf(ctx.db, [row]))[0]!;
}

export async function updateMedia(ctx: ServiceContext, id: string, input: UpdateMediaInput): Promise<MediaEntry> {
  const row = await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findItemById(trx, id, ctx.actor.orgId);
    if (!before) throw new AppError('MEDIA_NOT_FOUND', 404);
    mediaPolicy.assertCan(ctx.actor, 'update');
    const after: MediaItemRow = {
      ...before,
      alt: input.alt === undefined ? before.alt : input.alt.trim(),
      title: input.title === undefined ? before.title : input.title.trim(),
      updated_at: nowIso(),
    };
    await repo.updateItem(trx, id, { alt: after.alt, title: after.title, updated_at: after.updated_at });
    await recordAudit(trx, ctx, {
      entity: 'media',
      entityId: id,
      orgId: after.org_id,
      action: 'update',
      before: { alt: before.alt, title: before.title },
      after: { alt: after.alt, title: after.title },
    });
    return after;
  });
  return (await entriesOf(ctx.db, [row]))[0]!;
}

/**
 * Deletes the record, then its files unless another upload of the same bytes
 * still has them. Refused while a registered source (an article, the site
 * logo) still uses the item, so a public page never loses its picture.
 */
export async function deleteMedia(ctx: ServiceContext, id: string): Promise<void> {
  const { row, variants } = await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findItemById(trx, id, ctx.actor.orgId);
    if (!before) throw new AppError('MEDIA_NOT_FOUND', 404);
    mediaPolicy.assertCan(ctx.actor, 'delete');
    const uses = await findMediaUses(trx, id);
    if (uses.length > 0) {
      throw new AppError('MEDIA_IN_USE', 409, { params: { count: uses.length, uses: uses.slice(0, 5).join('、') + (uses.length > 5 ? '…' : '') } });
    }
    const beforeVariants = await repo.findVariants(trx, [id]);
    await repo.deleteItem(trx, id);
    await recordAudit(trx, ctx, { entity: 'media', entityId: id, orgId: before.org_id, action: 'delete', before: toMediaItem(before), after: null });
    return { row: before, variants: beforeVariants };
  });
  await removeUnsharedFiles(ctx.db, mediaSettingsOf(ctx.db), row, variants);
}

/** For other modules: items by id, in the order asked, without scope (callers apply their own). */
export async function findMediaByIds(db: Db, ids: readonly string[]): Promise<MediaItem[]> {
  const rows = await repo.findItemsByIds(db, [...new Set(ids)]);
  const byId = new Map(rows.map((row) => [row.id, toMediaItem(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The public file behind a /media/images/… URL, or undefined: only keys an item still has are served. */
export const findServedImage = (db: Db, storageKey: string) => repo.findImageFile(db, storageKey);

/** An attachment to download by id; images are served by their content-addressed URLs instead. */
export async function findServedAttachment(db: Db, id: string): Promise<MediaItemRow | undefined> {
  const row = await repo.findItemById(db, id);
  return row?.kind === 'attachment' ? row : undefined;
}

