import sharp, { type Sharp } from 'sharp';
import { plannedVariants, scaledHeight, type PlannedVariant } from './image-variants.ts';
import type { ImageFormat } from './media.table.ts';

export interface EncodedImage {
  bytes: Buffer;
  width: number;
  height: number;
  format: ImageFormat;
}

export interface ProcessedImage {
  /** The upload turned upright and re-encoded in its own format, with EXIF, GPS, XMP and comments gone. */
  original: EncodedImage;
  variants: (EncodedImage & PlannedVariant)[];
}

/** Thrown when the bytes carry an image signature but do not decode. */
export class UnreadableImageError extends Error {}

function encode(pipeline: Sharp, format: ImageFormat, quality: number): Sharp {
  switch (format) {
    case 'jpeg':
      return pipeline.jpeg({ quality, progressive: true });
    case 'png':
      return pipeline.png({ compressionLevel: 9 });
    case 'webp':
      return pipeline.webp({ quality });
    case 'gif':
      return pipeline.gif();
  }
}

/**
 * Decodes once per output, as libvips streams each resize from the source
 * (JPEG shrink-on-load makes that cheap). `animated: false` keeps a GIF's
 * first frame. Sharp writes no metadata unless asked, so every output is
 * stripped; orientation is applied to the pixels first so nothing turns
 * sideways once the EXIF tag is gone.
 */
export async function processImage(bytes: Buffer, format: ImageFormat): Promise<ProcessedImage> {
  const source = () => sharp(bytes, { animated: false, limitInputPixels: 100_000_000 }).autoOrient();
  try {
    const original = await encode(source(), format, 90).toBuffer({ resolveWithObject: true });
    const { width, height } = original.info;
    const variants = await Promise.all(
      plannedVariants(format, width).map(async (variant) => {
        const resized = await encode(source().resize({ width: variant.width, height: scaledHeight(width, height, variant.width), fit: 'fill' }), variant.format, 80).toBuffer();
        return { ...variant, bytes: resized, height: scaledHeight(width, height, variant.width) };
      }),
    );
    return { original: { bytes: original.data, width, height, format }, variants };
  } catch (error) {
    throw new UnreadableImageError(error instanceof Error ? error.message : String(error));
  }
}
