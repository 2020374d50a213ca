import { Type, type Static } from '@fastify/type-provider-typebox';
import { Id, StrictObject } from '../../platform/http/schema.ts';
import { VenueKindSchema, VenueStatusSchema } from './venue.schemas.ts';

export const venueFigureDimensions = ['venue', 'county', 'month', 'kind'] as const;
export type VenueFigureDimension = (typeof venueFigureDimensions)[number];

export const VenueFiguresQuery = StrictObject({
  year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100, description: 'Default: this year' })),
  orgId: Type.Optional(Id),
  by: Type.Optional(
    Type.Enum(venueFigureDimensions, {
      description: 'Break each section down: venue (visits and outreach by venue, trips by vehicle, stops by show) · county · month · kind (visits and outreach by venue kind)',
    }),
  ),
});
export type VenueFiguresQuery = Static<typeof VenueFiguresQuery>;

const Int = (description?: string) => Type.Integer(description ? { description } : {});
const Breakdown = <T extends Record<string, ReturnType<typeof Int>>>(measures: T) => Type.Array(Type.Object({ key: Type.String(), label: Type.String(), ...measures }));

const visitMeasures = { visitors: Int('参观人次'), individualVisitors: Int('散客人次'), groupVisitors: Int('团体人次'), groups: Int('团体数') };
const outreachMeasures = { visits: Int('到校活动场次'), schools: Int('覆盖学校 (distinct normalised names)'), people: Int('服务师生') };
const tripMeasures = {
  trips: Int('出车次数'),
  activities: Int('开展活动次数'),
  km: Int('行驶里程'),
  schools: Int('进校园 (distinct schools)'),
  people: Int('服务人次'),
  vehiclesOnTheRoad: Int('Vehicles with trips in the year'),
};
const stopMeasures = { shows: Int('Shows on tour'), stops: Int('巡展站点'), visits: Int('参观人次') };

/** The year's figures of the museum system, every one an aggregation over records. */
export const VenueFigures = Type.Object({
  year: Type.Integer(),
  orgId: Id,
  venues: Type.Object({
    count: Int(),
    byKindAndStatus: Type.Array(Type.Object({ kind: VenueKindSchema, kindLabel: Type.String(), status: VenueStatusSchema, statusLabel: Type.String(), count: Int() })),
  }),
  visits: Type.Object({ ...visitMeasures, groupsBy: Breakdown(visitMeasures) }),
  outreach: Type.Object({ ...outreachMeasures, groupsBy: Breakdown(outreachMeasures) }),
  caravans: Type.Object({ vehicles: Int('Caravans in service'), ...tripMeasures, groupsBy: Breakdown(tripMeasures) }),
  touring: Type.Object({ ...stopMeasures, groupsBy: Breakdown(stopMeasures) }),
});
export type VenueFigures = Static<typeof VenueFigures>;
