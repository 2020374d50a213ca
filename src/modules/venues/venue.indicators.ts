import { defineIndicators, type IndicatorDeclaration, type IndicatorSource } from '../stats/indicator.declare.ts';
import { venueKinds, type VenueTables } from './venue.table.ts';

type Declaration = IndicatorDeclaration<VenueTables>;

const venueDimensions = {
  venue: { column: 'venues.id', names: 'venues' },
  kind: { column: 'venues.kind', messages: { prefix: 'venue.kind.', codes: venueKinds } },
} as const;

/** Venues standing at the period's end: opened on or before it. */
const venuesOpenBy: IndicatorSource<VenueTables> = {
  name: 'venues_open_by',
  table: 'venues',
  date: 'venues.opened_on',
  timing: 'as_of_end',
  org: 'venues.owner_org_id',
  county: 'venues.county_org_id',
  dimensions: venueDimensions,
};
const venuesOpened: IndicatorSource<VenueTables> = { ...venuesOpenBy, name: 'venues_opened', timing: 'in_period' };
/** A venue's status as it is today: building work has no dated record. */
const venuesNow: IndicatorSource<VenueTables> = { ...venuesOpenBy, name: 'venues_now', date: null, timing: 'current' };

const visits: IndicatorSource<VenueTables> = {
  name: 'venue_visits',
  table: 'venue_visits',
  joins: [{ table: 'venues', on: ['venues.id', 'venue_visits.venue_id'] }],
  date: 'venue_visits.visit_date',
  timing: 'in_period',
  org: 'venues.owner_org_id',
  county: 'venues.county_org_id',
  dimensions: venueDimensions,
};

const outreach: IndicatorSource<VenueTables> = {
  name: 'venue_outreach',
  table: 'venue_outreach_visits',
  joins: [{ table: 'venues', on: ['venues.id', 'venue_outreach_visits.venue_id'] }],
  date: 'venue_outreach_visits.visit_date',
  timing: 'in_period',
  org: 'venues.owner_org_id',
  county: 'venue_outreach_visits.county_org_id',
  dimensions: venueDimensions,
};

const caravans: IndicatorSource<VenueTables> = { name: 'caravans', table: 'caravans', date: null, timing: 'current', org: 'caravans.owner_org_id', dimensions: {} };

const trips: IndicatorSource<VenueTables> = {
  name: 'caravan_trips',
  table: 'caravan_trips',
  joins: [{ table: 'caravans', on: ['caravans.id', 'caravan_trips.caravan_id'] }],
  date: 'caravan_trips.trip_date',
  timing: 'in_period',
  org: 'caravans.owner_org_id',
  county: 'caravan_trips.county_org_id',
  dimensions: {},
};

/** A touring stop counts in the period it opens in, with all its visits. */
const stops: IndicatorSource<VenueTables> = {
  name: 'touring_stops',
  table: 'touring_stops',
  joins: [{ table: 'touring_shows', on: ['touring_shows.id', 'touring_stops.show_id'] }],
  date: 'touring_stops.start_date',
  timing: 'in_period',
  org: 'touring_shows.owner_org_id',
  county: 'touring_stops.county_org_id',
  dimensions: {},
};

const text = (zh: string, en: string) => ({ 'zh-CN': zh, 'en-US': en });
const museum = ['venues.kind', '=', 'museum'] as const;

const venueFigures: Declaration[] = [
  {
    code: 'venues.museums.open',
    label: text('开放的实体科技馆', 'Science museums open'),
    unit: text('座', 'museums'),
    definition: text('期末前已开馆、现为开放状态的实体科技馆。', 'Science museums opened by the period’s end and open now.'),
    source: venuesOpenBy,
    aggregation: 'count',
    where: [museum, ['venues.status', '=', 'open']],
    dimensions: ['county', 'venue'],
  },
  {
    code: 'venues.museums.opened',
    label: text('新开馆的实体科技馆', 'Science museums opened'),
    unit: text('座', 'museums'),
    definition: text('开馆日期在期内的实体科技馆。', 'Science museums whose opening date falls in the period.'),
    source: venuesOpened,
    aggregation: 'count',
    where: [museum],
    dimensions: ['county', 'month', 'venue'],
  },
  {
    code: 'venues.museums.under_construction',
    label: text('在建实体科技馆', 'Science museums being built'),
    unit: text('座', 'museums'),
    definition: text('当前状态为在建的实体科技馆（按现状，不分期间）。', 'Science museums now under construction (today’s state, whatever the period).'),
    source: venuesNow,
    aggregation: 'count',
    where: [museum, ['venues.status', '=', 'under_construction']],
    dimensions: ['county', 'venue'],
  },
  {
    code: 'venues.visits',
    label: text('接待观众', 'Visitors'),
    unit: text('人次', 'person-times'),
    definition: text('期内各场馆记录的参观人次（散客与团体观众之和）。', 'Visitors recorded at venues in the period, individual and group visitors together.'),
    source: visits,
    aggregation: 'sum',
    measure: ['venue_visits.individual_visitors', 'venue_visits.group_visitors'],
    dimensions: ['venue', 'county', 'month', 'kind'],
  },
  {
    code: 'venues.groups',
    label: text('接待团体', 'Visiting groups'),
    unit: text('批次', 'groups'),
    definition: text('期内各场馆记录的团体参观批次。', 'Groups recorded at venues in the period.'),
    source: visits,
    aggregation: 'sum',
    measure: 'venue_visits.groups',
    dimensions: ['venue', 'county', 'month', 'kind'],
  },
];

const outreachFigures: Declaration[] = [
  {
    code: 'outreach.visits',
    label: text('馆校合作到校活动', 'School outreach visits'),
    unit: text('次', 'visits'),
    definition: text('期内场馆工作人员到学校开展活动的次数。', 'Visits venue staff made to schools in the period.'),
    source: outreach,
    aggregation: 'count',
    dimensions: ['venue', 'county', 'month', 'kind'],
  },
  {
    code: 'outreach.schools',
    label: text('到访学校', 'Schools visited'),
    unit: text('所', 'schools'),
    definition: text('期内到校活动走进的学校，同一学校只计一次。', 'Schools reached by outreach visits in the period, each school counted once.'),
    source: outreach,
    aggregation: 'count_distinct',
    measure: 'venue_outreach_visits.school_key',
    dimensions: ['venue', 'county', 'month', 'kind'],
  },
  {
    code: 'outreach.people',
    label: text('到校活动服务师生', 'Pupils and teachers reached'),
    unit: text('人次', 'person-times'),
    definition: text('期内到校活动服务的师生人次之和。', 'Pupils and teachers reached by outreach visits in the period.'),
    source: outreach,
    aggregation: 'sum',
    measure: 'venue_outreach_visits.people',
    dimensions: ['venue', 'county', 'month', 'kind'],
  },
];

const tripDimensions = ['county', 'month'] as const;
const caravanFigures: Declaration[] = [
  {
    code: 'caravans.vehicles',
    label: text('科普大篷车', 'Science caravans'),
    unit: text('辆', 'vehicles'),
    definition: text('当前在用的科普大篷车（按现状，不分期间）。', 'Science caravans in service (today’s state, whatever the period).'),
    source: caravans,
    aggregation: 'count',
    where: [['caravans.status', '=', 'active']],
    dimensions: ['county'],
  },
  {
    code: 'caravans.km',
    label: text('大篷车行驶里程', 'Caravan distance'),
    unit: text('公里', 'km'),
    definition: text('期内出车记录的行驶里程之和。', 'Kilometres driven on the period’s caravan trips.'),
    source: trips,
    aggregation: 'sum',
    measure: 'caravan_trips.km',
    dimensions: tripDimensions,
  },
  {
    code: 'caravans.trips',
    label: text('大篷车出车', 'Caravan trips'),
    unit: text('次', 'trips'),
    definition: text('期内的出车记录条数。', 'Caravan trips in the period.'),
    source: trips,
    aggregation: 'count',
    dimensions: tripDimensions,
  },
  {
    code: 'caravans.schools',
    label: text('大篷车走进学校', 'Schools reached by caravans'),
    unit: text('所', 'schools'),
    definition: text('期内出车到达的学校，同一学校只计一次。', 'Schools caravans went to in the period, each school counted once.'),
    source: trips,
    aggregation: 'count_distinct',
    measure: 'caravan_trips.destination_key',
    where: [['caravan_trips.destination_kind', '=', 'school']],
    dimensions: tripDimensions,
  },
  {
    code: 'caravans.people',
    label: text('大篷车服务人次', 'People reached by caravans'),
    unit: text('人次', 'person-times'),
    definition: text('期内出车记录的服务人次之和。', 'People reached on the period’s caravan trips.'),
    source: trips,
    aggregation: 'sum',
    measure: 'caravan_trips.people',
    dimensions: tripDimensions,
  },
  {
    code: 'caravans.activities',
    label: text('大篷车开展活动', 'Caravan activities'),
    unit: text('次', 'activities'),
    definition: text('期内出车记录的开展活动次数之和。', 'Activities held on the period’s caravan trips.'),
    source: trips,
    aggregation: 'sum',
    measure: 'caravan_trips.activities',
    dimensions: tripDimensions,
  },
];

const touringFigures: Declaration[] = [
  {
    code: 'touring.stops',
    label: text('巡展站点', 'Touring stops'),
    unit: text('站', 'stops'),
    definition: text('开展日期在期内的流动科技馆巡展站点。', 'Touring exhibition stops opening in the period.'),
    source: stops,
    aggregation: 'count',
    dimensions: tripDimensions,
  },
  {
    code: 'touring.visits',
    label: text('巡展参观', 'Touring visits'),
    unit: text('人次', 'person-times'),
    definition: text('期内开展的巡展站点记录的参观人次之和。', 'Visits to touring exhibition stops opening in the period.'),
    source: stops,
    aggregation: 'sum',
    measure: 'touring_stops.visits',
    dimensions: tripDimensions,
  },
];

export const venueIndicators = defineIndicators<VenueTables>('venues', [...venueFigures, ...outreachFigures, ...caravanFigures, ...touringFigures]);
