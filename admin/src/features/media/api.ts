import { api, upload, type Page, type Query } from '../../app/api.ts';
import type { MediaEntry } from '../../../../src/modules/media/media.schemas.ts';
import type { MediaKind } from '../../../../src/modules/media/media.table.ts';

export type { MediaKind };

/**
 * A library item as the API returns it (the server's own type): what pages
 * embed (`url`, `width`, `height`, `alt`), plus its title, variants and a
 * thumbnail for lists.
 */
export type MediaItem = MediaEntry;

export interface MediaChanges {
  alt?: string;
  title?: string;
}

/** What the file chooser offers for each kind; the server checks the content whatever the name says. */
export const acceptedByKind: Record<MediaKind, string> = {
  image: '.jpg,.jpeg,.png,.webp,.gif',
  attachment: '.pdf,.doc,.docx,.xls,.xlsx',
};

export const fetchMedia = (query: Query) => api<Page<MediaItem>>('GET', '/media', undefined, query);
export const updateMedia = (id: string, changes: MediaChanges) => api<MediaItem>('PATCH', `/media/${id}`, changes);
export const deleteMedia = (id: string) => api<void>('DELETE', `/media/${id}`);

export function uploadMedia(file: File, onProgress?: (fraction: number) => void, signal?: AbortSignal): Promise<MediaItem> {
  const form = new FormData();
  form.append('file', file, file.name);
  return upload<MediaItem>('/media', form, onProgress, signal);
}

/** "2.4 MB", "320 KB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
