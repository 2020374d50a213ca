import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { attachmentDisposition } from './file-names.ts';
import { findServedAttachment, findServedImage } from './media.service.ts';
import { isImageKey, mediaSettingsOf, openStoredFile } from './media-storage.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const oneYear = 365 * 24 * 3600;

function commonHeaders(reply: FastifyReply, mimeType: string, bytes: number, etag: string): void {
  reply
    .header('content-type', mimeType)
    .header('content-length', bytes)
    .header('etag', etag)
    // Its own policy rather than the platform's: opened on its own, a stored file can run nothing and load nothing.
    .header('content-security-policy', "default-src 'none'; frame-ancestors 'self'; sandbox");
}

async function sendStored(request: FastifyRequest, reply: FastifyReply, storageKey: string, etag: string): Promise<FastifyReply> {
  if (request.headers['if-none-match'] === etag) return reply.status(304).send();
  const handle = await openStoredFile(mediaSettingsOf(request.server.db), storageKey);
  if (!handle) {
    request.log.error({ storageKey }, 'media file recorded but missing on disk');
    throw new AppError('MEDIA_NOT_FOUND', 404);
  }
  return reply.send(handle.createReadStream());
}

/**
 * /media/* — public files. Two URL shapes exist and nothing else is looked at:
 * `/media/images/ab/<sha256>/<variant>.<ext>` (content-addressed, cached for a
 * year) and `/media/download/<id>/<name>` (an attachment, sent under the name
 * it was uploaded with). A path is matched whole against those shapes and
 * looked up in the database before any file is opened, so no URL can name a
 * file kexie did not store.
 */
export const mediaFileRoutes: FastifyPluginAsync = async (app) => {
  app.get('/images/*', { schema: { hide: true } }, async (request, reply) => {
    const storageKey = `images/${(request.params as { '*': string })['*']}`;
    const file = isImageKey(storageKey) ? await findServedImage(request.server.db, storageKey) : undefined;
    if (!file) throw new AppError('MEDIA_NOT_FOUND', 404);
    // images/ab/<sha256>/w480.webp → "<sha256>-w480.webp": the bytes never change under a key.
    const etag = `"${storageKey.split('/').slice(2).join('-')}"`;
    commonHeaders(reply, file.mimeType, file.bytes, etag);
    reply.header('cache-control', `public, max-age=${oneYear}, immutable`);
    return sendStored(request, reply, storageKey, etag);
  });

  // The name in the URL is for people and "save as"; the one sent is the item's own.
  const download = async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
    const { id } = request.params;
    const item = uuidPattern.test(id) ? await findServedAttachment(request.server.db, id) : undefined;
    if (!item) throw new AppError('MEDIA_NOT_FOUND', 404);
    commonHeaders(reply, item.mime_type, Number(item.bytes), `"${item.sha256}"`);
    // Not content-addressed: a deleted attachment should stop being served soon.
    reply.header('cache-control', 'public, max-age=600').header('content-disposition', attachmentDisposition(item.original_name));
    return sendStored(request, reply, item.storage_key, `"${item.sha256}"`);
  };
  app.get('/download/:id', { schema: { hide: true } }, download);
  app.get('/download/:id/*', { schema: { hide: true } }, download);
};
