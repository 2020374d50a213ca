import { Type, type Static } from '@fastify/type-provider-typebox';
import { Id, IsoDateTime, Nullable, Page, StrictObject, pageQuery } from '../../platform/http/schema.ts';
import { imageFormats, mediaKinds } from './media.table.ts';

export const MediaKindSchema = Type.Enum(mediaKinds, { description: 'image 图片 | attachment 附件' });
export const altMaxLength = 500;
export const titleMaxLength = 200;
const Alt = Type.String({ maxLength: altMaxLength, description: 'Alternative text read out in place of the image' });
const Title = Type.String({ maxLength: titleMaxLength });

/** What other modules and pages use of an item: enough to link, embed or list it. */
export const MediaItem = Type.Object({
  id: Id,
  orgId: Id,
  kind: MediaKindSchema,
  originalName: Type.String(),
  mimeType: Type.String(),
  bytes: Type.Integer(),
  width: Nullable(Type.Integer()),
  height: Nullable(Type.Integer()),
  alt: Type.String(),
  /** The stripped original for images; for attachments a URL that downloads under the original name. */
  url: Type.String(),
  createdAt: IsoDateTime,
});
export type MediaItem = Static<typeof MediaItem>;

export const MediaVariant = Type.Object({
  width: Type.Integer(),
  height: Type.Integer(),
  format: Type.Enum(imageFormats),
  bytes: Type.Integer(),
  url: Type.String(),
});
export type MediaVariant = Static<typeof MediaVariant>;

/** An item as the library shows it: with its title, its variants and a small picture to show in grids. */
export const MediaEntry = Type.Object({
  ...MediaItem.properties,
  title: Type.String(),
  updatedAt: IsoDateTime,
  /** The smallest variant, for grids and pickers; null for attachments. */
  thumbnailUrl: Nullable(Type.String()),
  variants: Type.Array(MediaVariant),
});
export type MediaEntry = Static<typeof MediaEntry>;

export const MediaListQuery = StrictObject({
  ...pageQuery,
  kind: Type.Optional(MediaKindSchema),
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Part of the file name, title or alt text' })),
});
export type MediaListQuery = Static<typeof MediaListQuery>;

export const MediaPage = Page(MediaEntry);
export type MediaPage = Static<typeof MediaPage>;

export const UpdateMediaBody = StrictObject({ alt: Type.Optional(Alt), title: Type.Optional(Title) });
export type UpdateMediaInput = Static<typeof UpdateMediaBody>;
