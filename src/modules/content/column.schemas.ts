import { Type, type Static } from '@fastify/type-provider-typebox';
import { Id, IsoDateTime, Nullable, StrictObject } from '../../platform/http/schema.ts';
import { listStyles } from './content.table.ts';

export const ListStyleSchema = Type.Enum(listStyles, { description: 'list: dated list · pictures: cards with covers · page: one single page' });
const Name = Type.String({ minLength: 1, maxLength: 30, pattern: '\\S' });
/** Lower-case Latin letters, digits and dashes: the column's address on the portal. */
const Slug = Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' });
const Description = Type.String({ maxLength: 500 });

export const Column = Type.Object({
  id: Id,
  parentId: Nullable(Id),
  name: Type.String(),
  slug: Type.String(),
  position: Type.Integer(),
  listStyle: ListStyleSchema,
  inNav: Type.Boolean(),
  onHome: Type.Boolean(),
  description: Type.String(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Column = Static<typeof Column>;

export const ColumnList = Type.Object({ items: Type.Array(Column, { description: 'Parents before children, siblings by position' }) });
export type ColumnList = Static<typeof ColumnList>;

export const CreateColumnBody = StrictObject({
  parentId: Type.Optional(Nullable(Id)),
  name: Name,
  slug: Slug,
  position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })),
  listStyle: Type.Optional(ListStyleSchema),
  inNav: Type.Optional(Type.Boolean()),
  onHome: Type.Optional(Type.Boolean()),
  description: Type.Optional(Description),
});
export type CreateColumnInput = Static<typeof CreateColumnBody>;

export const UpdateColumnBody = StrictObject({
  parentId: Type.Optional(Nullable(Id)),
  name: Type.Optional(Name),
  slug: Type.Optional(Slug),
  position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })),
  listStyle: Type.Optional(ListStyleSchema),
  inNav: Type.Optional(Type.Boolean()),
  onHome: Type.Optional(Type.Boolean()),
  description: Type.Optional(Description),
});
export type UpdateColumnInput = Static<typeof UpdateColumnBody>;

export const ReviewLevels = Type.Object({
  items: Type.Array(Type.Object({ level: Type.Integer(), name: Type.String() }), { description: 'In order: level 1 decides first' }),
});
export type ReviewLevels = Static<typeof ReviewLevels>;

export const UpdateReviewLevelsBody = StrictObject({
  names: Type.Array(Type.String({ minLength: 1, maxLength: 20, pattern: '\\S' }), { minItems: 1, maxItems: 5, description: '初审, 复审, 终审 …' }),
});
