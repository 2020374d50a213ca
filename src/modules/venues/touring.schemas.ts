import { Type, type Static } from '@fastify/type-provider-typebox';
import { Id, IsoDate, IsoDateTime, Nullable, Page, StrictObject, pageQuery } from '../../platform/http/schema.ts';
import { hostKinds } from './venue.table.ts';
import { Words } from './venue.schemas.ts';

const showFields = {
  name: Words(100),
  ownerOrgId: Type.String({ minLength: 1, maxLength: 64, description: 'The org that runs the tour: its data scope' }),
  description: Type.String({ maxLength: 2000 }),
};
export const ShowInputBody = StrictObject({ ...showFields, description: Type.Optional(showFields.description) });
export type ShowInput = Static<typeof ShowInputBody>;

/** 流动科技馆 / 区域化巡展. */
export const TouringShow = Type.Object({ id: Id, ...showFields, ownerOrgName: Type.String(), createdAt: IsoDateTime, updatedAt: IsoDateTime });
export type TouringShow = Static<typeof TouringShow>;
export const ShowListQuery = StrictObject({ ...pageQuery, ownerOrgId: Type.Optional(Id) });
export type ShowListQuery = Static<typeof ShowListQuery>;
export const ShowPage = Page(TouringShow);
export type ShowPage = Static<typeof ShowPage>;

const stopFields = {
  hostKind: Type.Enum(hostKinds, { description: 'venue 场馆 · school 学校 · place 其他地点' }),
  hostVenueId: Nullable(Id),
  hostName: Type.String({ maxLength: 100, description: 'The school or place; a venue host is named by its record' }),
  countyOrgId: Nullable(Type.String({ minLength: 1, maxLength: 64, description: 'The county of a school or place; a venue host’s own county otherwise' })),
  startDate: IsoDate,
  endDate: IsoDate,
  visits: Type.Integer({ minimum: 0, maximum: 10_000_000, description: '参观人次 at this stop' }),
  note: Type.String({ maxLength: 500 }),
};
export const StopInputBody = StrictObject({
  ...stopFields,
  hostVenueId: Type.Optional(stopFields.hostVenueId),
  hostName: Type.Optional(stopFields.hostName),
  countyOrgId: Type.Optional(stopFields.countyOrgId),
  note: Type.Optional(stopFields.note),
});
export type StopInput = Static<typeof StopInputBody>;

/** 巡展站点. */
export const TouringStop = Type.Object({
  id: Id,
  showId: Id,
  showName: Type.String(),
  ...stopFields,
  countyOrgId: Id,
  countyName: Type.String(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type TouringStop = Static<typeof TouringStop>;
export const StopListQuery = StrictObject({ ...pageQuery, from: Type.Optional(IsoDate), to: Type.Optional(IsoDate) });
export type StopListQuery = Static<typeof StopListQuery>;
export const StopPage = Page(TouringStop);
export type StopPage = Static<typeof StopPage>;
export const TouringStopParams = StrictObject({ id: Id, stopId: Id });
