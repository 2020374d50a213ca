import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../platform/errors.ts';
import { translate, type Locale } from '../../platform/i18n/catalogue.ts';
import type { ImageFormat, MediaKind } from './media.table.ts';
import './media.messages.ts';

/** The file types the library accepts, each with the extensions that may name it. */
export const acceptedTypes = {
  jpeg: { kind: 'image', mimeType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  png: { kind: 'image', mimeType: 'image/png', extensions: ['png'] },
  webp: { kind: 'image', mimeType: 'image/webp', extensions: ['webp'] },
  gif: { kind: 'image', mimeType: 'image/gif', extensions: ['gif'] },
  pdf: { kind: 'attachment', mimeType: 'application/pdf', extensions: ['pdf'] },
  docx: { kind: 'attachment', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  xlsx: { kind: 'attachment', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  doc: { kind: 'attachment', mimeType: 'application/msword', extensions: ['doc'] },
  xls: { kind: 'attachment', mimeType: 'application/vnd.ms-excel', extensions: ['xls'] },
} as const satisfies Record<string, { kind: MediaKind; mimeType: string; extensions: readonly string[] }>;

export type AcceptedTypeId = keyof typeof acceptedTypes;
export type AcceptedType = (typeof acceptedTypes)[AcceptedTypeId] & { id: AcceptedTypeId };

const typeIds = Object.keys(acceptedTypes) as AcceptedTypeId[];
const typeOf = (id: AcceptedTypeId): AcceptedType => ({ id, ...acceptedTypes[id] });

/** Every extension the upload field may offer, for the browser's file chooser. */
export const acceptedExtensions = typeIds.flatMap((id) => acceptedTypes[id].extensions.map((ext) => `.${ext}`));

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

/** What the file's name claims it is; a name outside the accepted list is refused before any byte is read. */
export function claimedType(fileName: string, locale: Locale): AcceptedType {
  const extension = extensionOf(fileName);
  const id = typeIds.find((candidate) => (acceptedTypes[candidate].extensions as readonly string[]).includes(extension));
  if (!id) throw new AppError('MEDIA_TYPE_NOT_ALLOWED', 415, { params: { name: fileName, extension: extension ? `.${extension}` : translate(locale, 'media.type.noExtension') } });
  return typeOf(id);
}

/** A UTF-16LE stream name as it appears in a compound file's directory. */
const cfbStreamName = (name: string) => Buffer.from(name, 'utf16le');
const wordStream = cfbStreamName('WordDocument');
const excelStreams = [cfbStreamName('Workbook'), cfbStreamName('Book\0')];

/**
 * Old Word and Excel files are both OLE compound files (CFB); which one a file
 * is shows in its directory: Word keeps a `WordDocument` stream, Excel a
 * `Workbook` (BIFF8) or `Book` (BIFF5) stream.
 */
function compoundFileType(bytes: Buffer): AcceptedTypeId | undefined {
  if (bytes.includes(wordStream)) return 'doc';
  if (excelStreams.some((stream) => bytes.includes(stream))) return 'xls';
  return undefined;
}

/** The type the bytes really are, by their signature; `other` names a format kexie does not accept. */
async function sniff(bytes: Buffer): Promise<{ id: AcceptedTypeId } | { other: string } | undefined> {
  const found = await fileTypeFromBuffer(bytes);
  if (!found) return undefined;
  if (found.mime === 'application/x-cfb') {
    const id = compoundFileType(bytes);
    return id ? { id } : { other: 'CFB' };
  }
  const id = typeIds.find((candidate) => acceptedTypes[candidate].mimeType === found.mime);
  return id ? { id } : { other: found.ext.toUpperCase() };
}

/**
 * The file's real type, read from its bytes. The name must agree: a PNG named
 * .jpg, or a script named .png, is refused rather than guessed at, since a
 * file whose name lies is more likely a mistake or an attack than a photo.
 */
export async function detectType(fileName: string, bytes: Buffer, locale: Locale): Promise<AcceptedType> {
  const claimed = claimedType(fileName, locale);
  const label = (id: AcceptedTypeId) => translate(locale, `media.type.${id}`);
  const actual = await sniff(bytes);
  if (actual && 'id' in actual && actual.id === claimed.id) return claimed;
  if (!actual) throw new AppError('MEDIA_CONTENT_UNRECOGNISED', 415, { params: { name: fileName, claimed: label(claimed.id) } });
  const actualLabel = 'id' in actual ? label(actual.id) : translate(locale, 'media.type.other', { format: actual.other });
  throw new AppError('MEDIA_TYPE_MISMATCH', 415, { params: { name: fileName, claimed: label(claimed.id), actual: actualLabel } });
}

/** The image format of an accepted image type. */
export function imageFormatOf(type: AcceptedType): ImageFormat {
  if (type.kind !== 'image') throw new Error(`${type.id} is not an image type`);
  return type.id as ImageFormat;
}
