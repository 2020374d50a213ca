import { Type, type Static } from '@fastify/type-provider-typebox';
import { Id, IsoDate, Nullable, Page, StrictObject, pageQuery } from '../../platform/http/schema.ts';
import { Words, recordStamps, withOptional } from './schema-parts.ts';
import { venueKinds, venueStatuses } from './venue.table.ts';

export const VenueKindSchema = Type.Enum(venueKinds, {
  description: 'museum 实体科技馆 · youth_centre 青少年活动中心 · rural_school_museum 农村中学科技馆 · digital_museum 数字科技馆 · other 其他',
});
export const VenueStatusSchema = Type.Enum(venueStatuses, { description: 'planned 规划中 · under_construction 在建 · open 开放 · closed 闭馆' });

const venueFields = {
  name: Words(100),
  kind: VenueKindSchema,
  ownerOrgId: Type.String({ minLength: 1, maxLength: 64, description: 'The org that runs the venue: its data scope' }),
  countyOrgId: Type.String({ minLength: 1, maxLength: 64, description: '所在县区: the county (or the city) the venue stands in' }),
  address: Type.String({ maxLength: 200 }),
  openedOn: Nullable(IsoDate),
  status: VenueStatusSchema,
  capacity: Nullable(Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'People the venue holds at once' })),
};

export const VenueInputBody = StrictObject(withOptional(venueFields, ['address', 'openedOn', 'capacity']));
export type VenueInput = Static<typeof VenueInputBody>;

export const Venue = Type.Object({
  id: Id,
  ...venueFields,
  ownerOrgName: Type.String(),
  countyName: Type.String(),
  ...recordStamps,
});
/** 场馆, as the API and the other modules see it. */
export type Venue = Static<typeof Venue>;

export const VenueListQuery = StrictObject({
  ...pageQuery,
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Words in the name' })),
  kind: Type.Optional(VenueKindSchema),
  status: Type.Optional(VenueStatusSchema),
  countyOrgId: Type.Optional(Id),
  ownerOrgId: Type.Optional(Id),
});
export type VenueListQuery = Static<typeof VenueListQuery>;
export const VenuePage = Page(Venue);
export type VenuePage = Static<typeof VenuePage>;
