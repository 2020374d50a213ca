import multipart, { type MultipartFile } from '@fastify/multipart';
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { AppError, type ErrorDetail } from '../../platform/errors.ts';
import { IdParams, errorResponses } from '../../platform/http/schema.ts';
import { contextOf } from '../auth/index.ts';
import { acceptedExtensions } from './media-type.ts';
import { altMaxLength, MediaEntry, MediaListQuery, MediaPage, titleMaxLength, UpdateMediaBody } from './media.schemas.ts';
import { authorizeUpload, deleteMedia, getMedia, listMedia, storeMedia, tooLarge, typeClaimedBy, updateMedia } from './media.service.ts';
import { bindMediaSettings, mediaSettingsOf, settingsFromConfig } from './media-storage.ts';
import type { ServiceContext } from '../../platform/context.ts';

const tags = ['media'];
/** The form fields an upload may carry beside the file, with their length limits. */
const uploadFields = { alt: altMaxLength, title: titleMaxLength } as const;
type UploadField = keyof typeof uploadFields;

const invalidBody = (detail: ErrorDetail) => new AppError('VALIDATION_FAILED', 400, { details: [detail] });

/**
 * Reads the file part to its end, keeping at most `limit` bytes: a file over
 * its limit is drained rather than cut off, so the browser gets the refusal
 * instead of a broken connection.
 */
async function readWithin(part: MultipartFile, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of part.file as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  }
  return size > limit || part.file.truncated ? undefined : Buffer.concat(chunks);
}

interface Upload {
  fileName: string;
  bytes: Buffer;
  fields: Partial<Record<UploadField, string>>;
}

/** The one file and the optional alt/title fields of a multipart upload, each checked as it arrives. */
async function readUpload(request: FastifyRequest, ctx: ServiceContext): Promise<Upload> {
  if (!request.isMultipart()) throw new AppError('MEDIA_MULTIPART_REQUIRED', 415);
  const fields: Upload['fields'] = {};
  let file: { fileName: string; bytes: Buffer } | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (!(part.fieldname in uploadFields)) throw invalidBody({ path: `body.${part.fieldname}`, code: 'additionalProperties', message: 'MEDIA_FIELD_UNKNOWN' });
        const name = part.fieldname as UploadField;
        const value = String(part.value);
        if (value.length > uploadFields[name]) {
          throw new AppError('VALIDATION_FAILED', 400, { params: { max: uploadFields[name] }, details: [{ path: `body.${name}`, code: 'maxLength', message: 'MEDIA_FIELD_TOO_LONG' }] });
        }
        if (value.includes('\0')) throw invalidBody({ path: `body.${name}`, code: 'nulCharacter', message: 'INPUT_NUL_CHARACTER' });
        fields[name] = value;
        continue;
      }
      if (part.fieldname !== 'file') {
        await readWithin(part, 0);
        throw invalidBody({ path: `body.${part.fieldname}`, code: 'additionalProperties', message: 'MEDIA_FIELD_UNKNOWN' });
      }
      const { fileName, claimed, byteLimit } = (() => {
        try {
          return typeClaimedBy(ctx, part.filename);
        } catch (error) {
          part.file.resume();
          throw error;
        }
      })();
      const bytes = await readWithin(part, byteLimit);
      if (!bytes) throw tooLarge(fileName, claimed.kind, mediaSettingsOf(ctx.db), ctx.locale);
      file = { fileName, bytes };
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_FILES_LIMIT') throw new AppError('MEDIA_ONE_FILE_AT_A_TIME', 400);
    // Busboy's own complaints (a bad boundary, a form cut short) are a malformed body.
    throw invalidBody({ path: 'body', code: 'multipart', message: 'MEDIA_MULTIPART_MALFORMED' });
  }
  if (!file) throw invalidBody({ path: 'body.file', code: 'required', message: 'MEDIA_FILE_REQUIRED' });
  return { ...file, fields };
}

/** /api/v1/media — the media library: upload, browse, edit alt text and title, delete. */
export const mediaRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const settings = settingsFromConfig(app.config);
  bindMediaSettings(app.db, settings);
  // Multipart bodies are parsed for the upload alone: any other route sent one answers 415.
  await app.register(async (uploads) => {
    await uploads.register(multipart, {
      throwFileSizeLimit: false,
      // Per-kind limits are applied while reading; this is the hard ceiling for any one part.
      limits: { fileSize: Math.max(settings.maxImageBytes, settings.maxAttachmentBytes) + 1, files: 1, fields: 4, parts: 5, fieldSize: 4096, headerPairs: 50 },
    });

    uploads.post('/', {
      schema: {
        tags,
        summary: 'Upload an image or an attachment',
        description:
          `A multipart/form-data form with one \`file\` part and optional \`alt\` (≤ ${altMaxLength} characters) and \`title\` (≤ ${titleMaxLength}) fields. ` +
          `Accepted: ${acceptedExtensions.join(' ')}; the content must be what the extension says. Images lose their metadata and get resized variants.`,
        consumes: ['multipart/form-data'],
        response: { 201: MediaEntry, ...errorResponses(400, 401, 403, 413, 415) },
      },
      handler: async (request, reply) => {
        const ctx = contextOf(request);
        authorizeUpload(ctx);
        const upload = await readUpload(request, ctx);
        return reply.status(201).send(await storeMedia(ctx, { fileName: upload.fileName, bytes: upload.bytes, ...upload.fields }));
      },
    });
  });

  app.get('/', {
    schema: { tags, summary: 'The media library in scope, newest first', querystring: MediaListQuery, response: { 200: MediaPage, ...errorResponses(400, 401) } },
    handler: (request) => listMedia(contextOf(request), request.query),
  });

  app.get('/:id', {
    schema: { tags, summary: 'One media item with its variants', params: IdParams, response: { 200: MediaEntry, ...errorResponses(401, 404) } },
    handler: (request) => getMedia(contextOf(request), request.params.id),
  });

  app.patch('/:id', {
    schema: { tags, summary: 'Edit the alt text or title', params: IdParams, body: UpdateMediaBody, response: { 200: MediaEntry, ...errorResponses(400, 401, 403, 404) } },
    handler: (request) => updateMedia(contextOf(request), request.params.id, request.body),
  });

  app.delete('/:id', {
    schema: { tags, summary: 'Delete an item and, unless shared, its files', params: IdParams, response: { 204: Type.Null(), ...errorResponses(401, 403, 404, 409) } },
    handler: async (request, reply) => {
      await deleteMedia(contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  });
};
