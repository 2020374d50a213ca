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

export interface VenueTables {
  venues: VenueTable;
  venue_visits: VenueVisitTable;
}

export type VenueRow = Selectable<VenueTable>;
export type NewVenueRow = Insertable<VenueTable>;
export type VenueVisitRow = Selectable<VenueVisitTable>;
