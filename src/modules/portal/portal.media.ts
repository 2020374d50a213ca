import type { Db } from '../../database.ts';
import { findMediaByIds, imageMarkup, type MediaItem } from '../media/index.ts';
import { raw, type Html } from './html.ts';

/** Media items by id, in one query for everything a page shows (covers, logo, attachments). */
export async function loadMedia(db: Db, ids: readonly (string | null | undefined)[]): Promise<Map<string, MediaItem>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  return new Map((await findMediaByIds(db, wanted)).map((item) => [item.id, item]));
}

/** A responsive picture for an image; nothing when the item is gone or is not an image. */
export function picture(item: MediaItem | undefined, options: { alt: string; sizes: string; eager?: boolean }): Html | null {
  if (!item || item.kind !== 'image') return null;
  return raw(imageMarkup(item, { alt: options.alt, sizes: options.sizes, loading: options.eager ? 'eager' : 'lazy' }));
}

/** The logo in the header: decorative beside the site name, which the link already says. */
export function logoMarkup(item: MediaItem | undefined): Html | null {
  return picture(item, { alt: '', sizes: '48px', eager: true });
}

export function absoluteUrl(baseUrl: string, url: string): string {
  return /^https?:\/\//.test(url) ? url : `${baseUrl}${url.startsWith('/') ? '' : '/'}${url}`;
}

/** PDF, DOCX …: the type a reader recognises, from the file name (the stored type was detected from the bytes). */
export function fileTypeLabel(item: MediaItem): string {
  const ext = /\.([a-z0-9]{1,8})$/i.exec(item.originalName)?.[1];
  return ext ? ext.toUpperCase() : item.mimeType;
}

