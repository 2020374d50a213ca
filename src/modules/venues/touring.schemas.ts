import { Type, type Static } from '@fastify/type-provider-typebox';
import { Id, IsoDate, Nullable, Page, StrictObject, pageQuery } from '../../platform/http/schema.ts';
import { hostKinds } from './venue.table.ts';
import { Count, Words, datedPageQuery, recordStamps, withOptional } from './schema-parts.ts';

const showFields = {
  name: Words(100),
  ownerOrgId: Type.String({ minLength: 1, maxLength: 64, description: 'The org that runs the tour: its data scope' }),
  description: Type.String({ maxLength: 2000 }),
};
export const ShowInputBody = StrictObject(withOptional(showFields, ['description']));
export type ShowInput = Static<typeof ShowInputBody>;

/** 流动科技馆 / 区域化巡展. */
export const TouringShow = Type.Object({ id: Id, ...showFields, ownerOrgName: Type.String(), ...recordStamps });
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
  visits: Count(10_000_000, '参观人次 at this stop'),
  note: Type.String({ maxLength: 500 }),
};
export const StopInputBody = StrictObject(withOptional(stopFields, ['hostVenueId', 'hostName', 'countyOrgId', 'note']));
export type StopInput = Static<typeof StopInputBody>;

/** 巡展站点. */
export const TouringStop = Type.Object({
  id: Id,
  showId: Id,
  showName: Type.String(),
  ...stopFields,
  countyOrgId: Id,
  countyName: Type.String(),
  ...recordStamps,
});
export type TouringStop = Static<typeof TouringStop>;
export const StopListQuery = StrictObject(datedPageQuery);
export type StopListQuery = Static<typeof StopListQuery>;
export const StopPage = Page(TouringStop);
export type StopPage = Static<typeof StopPage>;
export const TouringStopParams = StrictObject({ id: Id, stopId: Id });
