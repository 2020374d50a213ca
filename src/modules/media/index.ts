/** Uploaded images and attachments: type checking, resized variants, the media library and serving the files. */
export type { MediaTables } from './media.table.ts';
import type { FastifyPluginAsync } from 'fastify';

/** /api/v1/media — the media library. */
export const mediaRoutes: FastifyPluginAsync = async () => {};
/** /media/* — the stored files, public. */
export const mediaFileRoutes: FastifyPluginAsync = async () => {};
