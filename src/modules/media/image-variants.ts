import type { ImageFormat } from './media.table.ts';

/**
 * Which resized copies an image has, as a pure function of its format and
 * width. Upload makes exactly these, and page markup names them without a
 * database round trip. Changing the widths changes only new uploads' plans:
 * older images would need their variants made again.
 */
export const variantWidths = [480, 960, 1600] as const;
const largestWidth = variantWidths[variantWidths.length - 1]!;

/** The widths below the image's own, and the image itself up to the largest: never an upscale. */
export function plannedWidths(width: number): number[] {
  const widths: number[] = variantWidths.filter((candidate) => candidate < width);
  const top = Math.min(width, largestWidth);
  if (!widths.includes(top)) widths.push(top);
  return widths;
}

/**
 * The format of the `<img>` fallback: photos stay JPEG, lossless images stay
 * lossless (a GIF's first frame becomes a PNG), WebP stays WebP.
 */
export function fallbackFormat(format: ImageFormat): ImageFormat {
  return format === 'gif' ? 'png' : format;
}

export const fileExtensions: Record<ImageFormat, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', gif: 'gif' };
export const imageMimeTypes: Record<ImageFormat, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif' };

export function formatOfMimeType(mimeType: string): ImageFormat | undefined {
  return (Object.keys(imageMimeTypes) as ImageFormat[]).find((format) => imageMimeTypes[format] === mimeType);
}

export interface PlannedVariant {
  width: number;
  format: ImageFormat;
  /** The file's name beside the original: `w960.webp`. */
  fileName: string;
}

/** Every variant of an image: each planned width in the fallback format and in WebP. */
export function plannedVariants(format: ImageFormat, width: number): PlannedVariant[] {
  const formats = [...new Set<ImageFormat>([fallbackFormat(format), 'webp'])];
  return plannedWidths(width).flatMap((w) => formats.map((f) => ({ width: w, format: f, fileName: `w${w}.${fileExtensions[f]}` })));
}

/** A variant's height, rounded as the resize rounds it. */
export function scaledHeight(width: number, height: number, toWidth: number): number {
  return Math.max(1, Math.round((height * toWidth) / width));
}
