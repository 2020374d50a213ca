import type { Insertable, Selectable } from 'kysely';

export const mediaKinds = ['image', 'attachment'] as const;
/** 图片 shown in pages, or 附件 offered for download (PDF, Word, Excel). */
export type MediaKind = (typeof mediaKinds)[number];

export const imageFormats = ['jpeg', 'png', 'webp', 'gif'] as const;
export type ImageFormat = (typeof imageFormats)[number];

/**
 * 素材: one upload in the media library. Several items may share stored files
 * (`sha256` of the uploaded bytes is the storage address), each with its own
 * org, name and alt text.
 */
export interface MediaItemTable {
  id: string;
  /** The uploader's org: the item belongs to that org's data scope. */
  org_id: string;
  kind: MediaKind;
  /** As the uploader's computer named it, cleaned of any path; the download name for attachments. */
  original_name: string;
  /** Detected from the bytes, never taken from the client. */
  mime_type: string;
  /** Size of the stored original (for images: after metadata was stripped). */
  bytes: number;
  /** Of the uploaded bytes: identical uploads share their stored files. */
  sha256: string;
  width: number | null;
  height: number | null;
  alt: string;
  title: string;
  /** Path of the stored original under the media directory. */
  storage_key: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A resized copy of an image, made once at upload. */
export interface MediaVariantTable {
  media_id: string;
  width: number;
  height: number;
  format: ImageFormat;
  bytes: number;
  storage_key: string;
}

export interface MediaTables {
  media_items: MediaItemTable;
  media_variants: MediaVariantTable;
}

export type MediaItemRow = Selectable<MediaItemTable>;
export type NewMediaItemRow = Insertable<MediaItemTable>;
export type MediaVariantRow = Selectable<MediaVariantTable>;
