import { Type, type Static } from '@fastify/type-provider-typebox';
import { Id, IsoDate, Page, StrictObject, pageQuery } from '../../platform/http/schema.ts';
import { caravanStatuses, destinationKinds } from './venue.table.ts';
import { Count, Words, datedPageQuery, recordStamps, withOptional } from './schema-parts.ts';

const caravanFields = {
  name: Words(50),
  ownerOrgId: Type.String({ minLength: 1, maxLength: 64, description: 'The org that runs the vehicle: its data scope' }),
  status: Type.Enum(caravanStatuses, { description: 'active 在用 · retired 停用' }),
  note: Type.String({ maxLength: 500 }),
};
export const CaravanInputBody = StrictObject(withOptional(caravanFields, ['status', 'note']));
export type CaravanInput = Static<typeof CaravanInputBody>;

/** 科普大篷车. */
export const Caravan = Type.Object({ id: Id, ...caravanFields, ownerOrgName: Type.String(), ...recordStamps });
export type Caravan = Static<typeof Caravan>;
export const CaravanListQuery = StrictObject({ ...pageQuery, ownerOrgId: Type.Optional(Id), status: Type.Optional(caravanFields.status) });
export type CaravanListQuery = Static<typeof CaravanListQuery>;
export const CaravanPage = Page(Caravan);
export type CaravanPage = Static<typeof CaravanPage>;

export const DestinationKindSchema = Type.Enum(destinationKinds, { description: 'school 学校 · place 其他地点' });
const tripFields = {
  date: IsoDate,
  destination: Words(100),
  destinationKind: DestinationKindSchema,
  countyOrgId: Type.String({ minLength: 1, maxLength: 64, description: 'The county of the destination' }),
  km: Count(5000, '行驶里程 (whole km)'),
  activities: Count(100, '开展活动次数'),
  people: Count(1_000_000, '服务人次'),
  note: Type.String({ maxLength: 500 }),
};
export const TripInputBody = StrictObject(withOptional(tripFields, ['activities', 'note']));
export type TripInput = Static<typeof TripInputBody>;

/** 出车记录. */
export const CaravanTrip = Type.Object({ id: Id, caravanId: Id, caravanName: Type.String(), ...tripFields, countyName: Type.String(), ...recordStamps });
export type CaravanTrip = Static<typeof CaravanTrip>;
export const TripListQuery = StrictObject(datedPageQuery);
export type TripListQuery = Static<typeof TripListQuery>;
export const TripPage = Page(CaravanTrip);
export type TripPage = Static<typeof TripPage>;
export const CaravanTripParams = StrictObject({ id: Id, tripId: Id });
