/** Uploaded images and attachments: type checking, stripped originals and resized variants, the media library and serving the files. */
export type { MediaTables } from './media.table.ts';
export type { MediaItem, MediaEntry, MediaVariant } from './media.schemas.ts';
export { imageMarkup, type ImageMarkupOptions } from './media.markup.ts';
export { storeMedia, findMediaByIds } from './media.service.ts';
export { registerMediaUsageSource, type MediaUsageSource } from './media-usage.ts';
export { mediaRoutes } from './media.routes.ts';
export { mediaFileRoutes } from './media-files.routes.ts';
export { attachmentDisposition } from './file-names.ts';

