import type { Insertable, Selectable } from 'kysely';

export const venueKinds = ['museum', 'youth_centre', 'rural_school_museum', 'digital_museum', 'other'] as const;
/** museum 实体科技馆 · youth_centre 青少年活动中心 · rural_school_museum 农村中学科技馆 · digital_museum 数字科技馆 · other 其他. */
export type VenueKind = (typeof venueKinds)[number];

export const venueStatuses = ['planned', 'under_construction', 'open', 'closed'] as const;
/** planned 规划中 · under_construction 在建 · open 开放 · closed 闭馆. */
export type VenueStatus = (typeof venueStatuses)[number];

export const visitPeriods = ['day', 'month'] as const;
/** A visit figure counts one day, or a whole month (visit_date is then the month's first day) where a venue only keeps monthly totals. */
export type VisitPeriod = (typeof visitPeriods)[number];

export const visitSources = ['entry', 'import', 'booking'] as const;
/** Where a visit figure came from: typed in the console, imported from Excel, or a booked group's recorded attendance. */
export type VisitSource = (typeof visitSources)[number];

/** 场馆: one venue of the five-part museum system. Its owner org is its data scope. */
export interface VenueTable {
  id: string;
  name: string;
  kind: VenueKind;
  /** The org that runs the venue: who may see and change it and its records. */
  owner_org_id: string;
  /** 所在县区: the county (or the city) the venue stands in, for figures by county. */
  county_org_id: string;
  address: string;
  /** 开馆日期 (ISO date); null until it opens. */
  opened_on: string | null;
  status: VenueStatus;
  /** How many people the venue holds at once; null when not stated. */
  capacity: number | null;
  created_at: string;
  updated_at: string;
}

/** 参观人次: visitors counted at a venue for a day or a month, split into individual and group visitors. */
export interface VenueVisitTable {
  id: string;
  venue_id: string;
  visit_date: string;
  period: VisitPeriod;
  individual_visitors: number;
  group_visitors: number;
  /** 团体: how many groups the group visitors came in. */
  groups: number;
  source: VisitSource;
  /** The booking whose attendance this is (source 'booking'); '' otherwise, so the unique index holds on both databases. */
  source_id: string;
  note: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** 馆校合作 到校活动: a venue's staff taking an activity to a school. */
export interface VenueOutreachVisitTable {
  id: string;
  venue_id: string;
  visit_date: string;
  school_name: string;
  /** The school's name normalised (see schoolKey): distinct schools are counted by it. */
  school_key: string;
  /** The county the school is in. */
  county_org_id: string;
  /** 活动内容: what the staff brought, e.g. 科学实验秀. */
  activity: string;
  /** 服务师生: pupils and teachers reached. */
  people: number;
  note: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export const caravanStatuses = ['active', 'retired'] as const;
/** active 在用 · retired 停用 (kept for its trip history). */
export type CaravanStatus = (typeof caravanStatuses)[number];

/** 科普大篷车: a vehicle known by its plate or a name; its owner org is its data scope. */
export interface CaravanTable {
  id: string;
  name: string;
  owner_org_id: string;
  status: CaravanStatus;
  note: string;
  created_at: string;
  updated_at: string;
}

export const destinationKinds = ['school', 'place'] as const;
/** Where a trip or a touring stop went: a school (counted among schools reached) or another place (a square, a village). */
export type DestinationKind = (typeof destinationKinds)[number];

/** 出车记录: one trip of a caravan to one destination. */
export interface CaravanTripTable {
  id: string;
  caravan_id: string;
  trip_date: string;
  destination: string;
  destination_kind: DestinationKind;
  destination_key: string;
  county_org_id: string;
  /** 行驶里程, whole kilometres. */
  km: number;
  /** 开展活动次数. */
  activities: number;
  /** 服务人次. */
  people: number;
  note: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** 流动科技馆 / 区域化巡展: an exhibition that tours; its owner org is its data scope. */
export interface TouringShowTable {
  id: string;
  name: string;
  owner_org_id: string;
  description: string;
  created_at: string;
  updated_at: string;
}

export const hostKinds = ['venue', 'school', 'place'] as const;
export type HostKind = (typeof hostKinds)[number];

/** 巡展站点: a stop of a touring show and the visits it drew (counted in the year it opened). */
export interface TouringStopTable {
  id: string;
  show_id: string;
  host_kind: HostKind;
  /** The hosting venue, when a venue hosts the stop. */
  host_venue_id: string | null;
  host_name: string;
  host_key: string;
  county_org_id: string;
  start_date: string;
  end_date: string;
  visits: number;
  note: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface VenueTables {
  venues: VenueTable;
  venue_visits: VenueVisitTable;
  venue_outreach_visits: VenueOutreachVisitTable;
  caravans: CaravanTable;
  caravan_trips: CaravanTripTable;
  touring_shows: TouringShowTable;
  touring_stops: TouringStopTable;
}

export type VenueRow = Selectable<VenueTable>;
export type NewVenueRow = Insertable<VenueTable>;
export type VenueVisitRow = Selectable<VenueVisitTable>;
export type OutreachVisitRow = Selectable<VenueOutreachVisitTable>;
export type CaravanRow = Selectable<CaravanTable>;
export type CaravanTripRow = Selectable<CaravanTripTable>;
export type TouringShowRow = Selectable<TouringShowTable>;
export type TouringStopRow = Selectable<TouringStopTable>;
