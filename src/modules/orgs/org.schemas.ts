import { Type, type Static } from '@fastify/type-provider-typebox';
import { Id, IsoDate, IsoDateTime, Nullable, Page, StrictObject, pageQuery } from '../../platform/http/schema.ts';
import { orgStatuses, orgTypes } from './org.table.ts';

export const OrgTypeSchema = Type.Enum(orgTypes, { description: '组织类型' });
export const OrgStatusSchema = Type.Enum(orgStatuses);
const Name = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });
const ShortName = Type.String({ minLength: 1, maxLength: 40, pattern: '\\S' });
/** 行政区划代码: six digits for a county-level division, twelve below it. */
const AdminCode = Type.String({ pattern: '^(\\d{6}|\\d{12})$' });

export const Org = Type.Object({
  id: Id,
  name: Type.String(),
  shortName: Nullable(Type.String()),
  type: OrgTypeSchema,
  parentId: Nullable(Type.String()),
  adminCode: Nullable(Type.String()),
  foundedOn: Nullable(Type.String()),
  status: OrgStatusSchema,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Org = Static<typeof Org>;

export const OrgDetail = Type.Object({
  ...Org.properties,
  ancestors: Type.Array(Type.Object({ id: Id, name: Type.String() })),
  childCount: Type.Integer(),
});
export type OrgDetail = Static<typeof OrgDetail>;

export const OrgTreeNode = Type.Object({ ...Org.properties, depth: Type.Integer() });
export const OrgTree = Type.Object({ items: Type.Array(OrgTreeNode, { description: 'Parents before children; build the tree from parentId' }) });
export type OrgTree = Static<typeof OrgTree>;

export const CreateOrgBody = StrictObject({
  name: Name,
  shortName: Type.Optional(Nullable(ShortName)),
  type: OrgTypeSchema,
  parentId: Id,
  adminCode: Type.Optional(Nullable(AdminCode)),
  foundedOn: Type.Optional(Nullable(IsoDate)),
});
export type CreateOrgInput = Static<typeof CreateOrgBody>;

export const UpdateOrgBody = StrictObject({
  name: Type.Optional(Name),
  shortName: Type.Optional(Nullable(ShortName)),
  type: Type.Optional(OrgTypeSchema),
  adminCode: Type.Optional(Nullable(AdminCode)),
  foundedOn: Type.Optional(Nullable(IsoDate)),
  status: Type.Optional(OrgStatusSchema),
});
export type UpdateOrgInput = Static<typeof UpdateOrgBody>;

export const MoveOrgBody = StrictObject({ parentId: Id });

export const OrgListQuery = StrictObject({
  ...pageQuery,
  q: Type.Optional(Type.String({ maxLength: 100 })),
  type: Type.Optional(OrgTypeSchema),
  status: Type.Optional(OrgStatusSchema),
  parentId: Type.Optional(Id),
  under: Type.Optional(Id),
  foundedFrom: Type.Optional(IsoDate),
  foundedTo: Type.Optional(IsoDate),
  sort: Type.Optional(Type.Enum(['name', 'type', 'founded_on', 'admin_code', 'created_at'])),
  order: Type.Optional(Type.Enum(['asc', 'desc'])),
});
export type OrgListQuery = Static<typeof OrgListQuery>;

export const OrgPage = Page(Org);
export type OrgPage = Static<typeof OrgPage>;
