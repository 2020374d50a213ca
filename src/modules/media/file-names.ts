/**
 * File names from uploaders' computers end up in headers and on disk
 * listings of whoever downloads them: they are reduced to a plain name before
 * they are stored, and encoded again when sent.
 */

const maxNameLength = 150;
// Control characters, and what Windows, macOS or a shell would read as path or quoting syntax.
const unsafeCharacters = /[\u0000-\u001f\u007f-\u009f/\\:*?"<>|\u2028\u2029]+/g;

/** The last path segment (browsers once sent `C:\fakepath\…`), without unsafe characters, NFC, at most 150 characters with the extension kept. */
export function cleanFileName(raw: string): string {
  const lastSegment = raw.split(/[/\\]/).pop() ?? '';
  let name = lastSegment.normalize('NFC').replace(unsafeCharacters, '_').replace(/\s+/g, ' ').trim().replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if ([...name].length > maxNameLength) {
    const dot = name.lastIndexOf('.');
    const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = [...name.slice(0, name.length - extension.length)].slice(0, maxNameLength - extension.length).join('') + extension;
  }
  return name;
}

/** For `filename=`: printable ASCII only, non-ASCII runs as `_`, a generic stem when nothing readable is left. */
export function asciiFileName(name: string): string {
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot).replace(/[^A-Za-z0-9.]/g, '') : '';
  const stem = (dot > 0 ? name.slice(0, dot) : name).replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[_.]+|[_.]+$/g, '');
  return `${stem || 'download'}${extension}`;
}

/** RFC 5987 `ext-value` characters: percent-encoding everything else, including ' ( ) *. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `Content-Disposition` for a download: the real (Chinese) name in `filename*`, an ASCII fallback for old clients. */
export function attachmentDisposition(name: string): string {
  const safe = cleanFileName(name) || 'download';
  return `attachment; filename="${asciiFileName(safe)}"; filename*=UTF-8''${rfc5987(safe)}`;
}
