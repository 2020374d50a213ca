import { fallbackFormat, formatOfMimeType, plannedVariants, scaledHeight } from './image-variants.ts';
import type { MediaItem } from './media.schemas.ts';

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => htmlEscapes[c]!);

export interface ImageMarkupOptions {
  /** Overrides the library's alt text for this use. */
  alt?: string;
  /** The `sizes` attribute; by default the image fills the column up to 960 px. */
  sizes?: string;
  className?: string;
  loading?: 'lazy' | 'eager';
}

const defaultSizes = '(max-width: 960px) 100vw, 960px';

/**
 * A responsive `<picture>`: WebP variants in a `<source>`, the original's
 * format family in the `<img>` (the largest variant as `src`), with width
 * and height so the page does not jump while it loads. A WebP original needs
 * no separate `<source>`.
 */
export function imageMarkup(item: MediaItem, options: ImageMarkupOptions = {}): string {
  const attribute = (name: string, value: string | number | undefined) => (value === undefined || value === '' ? '' : ` ${name}="${escapeHtml(String(value))}"`);
  const alt = ` alt="${escapeHtml(options.alt ?? item.alt)}"`;
  const common = `${attribute('class', options.className)}${attribute('loading', options.loading ?? 'lazy')} decoding="async"`;
  const format = formatOfMimeType(item.mimeType);
  if (item.kind !== 'image' || !format || !item.width || !item.height) {
    return `<img${attribute('src', item.url)}${alt}${attribute('width', item.width ?? undefined)}${attribute('height', item.height ?? undefined)}${common}>`;
  }
  const base = item.url.slice(0, item.url.lastIndexOf('/') + 1);
  const variants = plannedVariants(format, item.width);
  const srcset = (wanted: string) =>
    variants
      .filter((variant) => variant.format === wanted)
      .map((variant) => `${base}${variant.fileName} ${variant.width}w`)
      .join(', ');
  const fallback = fallbackFormat(format);
  const largest = variants.filter((variant) => variant.format === fallback).at(-1)!;
  const sizes = options.sizes ?? defaultSizes;
  const webpSource = fallback === 'webp' ? '' : `<source type="image/webp"${attribute('srcset', srcset('webp'))}${attribute('sizes', sizes)}>`;
  const img =
    `<img${attribute('src', base + largest.fileName)}${attribute('srcset', srcset(fallback))}${attribute('sizes', sizes)}` +
    `${attribute('width', largest.width)}${attribute('height', scaledHeight(item.width, item.height, largest.width))}${alt}${common}>`;
  return `<picture>${webpSource}${img}</picture>`;
}
