import type { Insertable, Selectable } from 'kysely';

export const activityStatuses = ['reported', 'verified', 'returned'] as const;
/** reported 已上报 (waiting for the level above) · verified 已核实 (counts in official figures) · returned 已退回 (with a reason). */
export type ActivityStatus = (typeof activityStatuses)[number];

export const activityModes = ['offline', 'online'] as const;
/** 形式: 线下 or 线上. */
export type ActivityMode = (typeof activityModes)[number];

/** 活动类型: an admin-editable vocabulary; `unit` names what an activity's 数量 counts (场, 块, 次 …). */
export interface ActivityTypeTable {
  id: string;
  name: string;
  unit: string;
  position: number;
  active: number;
  created_at: string;
  updated_at: string;
}

/** 主题活动: a theme campaign such as 全国科普日; an admin-editable vocabulary. */
export interface ActivityCampaignTable {
  id: string;
  name: string;
  position: number;
  active: number;
  created_at: string;
  updated_at: string;
}

/** 科普活动: one outreach activity, reported by the org it belongs to (所属县区) and verified by the level above. */
export interface ActivityTable {
  id: string;
  /** The org the activity belongs to (a county association, or the city itself): its data scope. */
  org_id: string;
  title: string;
  type_id: string;
  campaign_id: string | null;
  /** 系列: a running series such as 科普讲堂 or 科普专家基层行; free text, '' for none. */
  series: string;
  start_date: string;
  end_date: string;
  venue: string;
  /** 主办单位, as printed. */
  organiser: string;
  /** 合作单位 (JSON array of names). */
  partners: string;
  /** 受益人次: person-times reached. */
  participants: number;
  mode: ActivityMode;
  /** 数量: how many of the type's unit (boards shown, screenings, sessions); null when not counted. */
  quantity: number | null;
  description: string;
  /** Media ids of evidence photos (JSON array). */
  evidence_media_ids: string;
  /** 公开: 1 when the portal may show it (once verified); 0 for internal work such as staff training. */
  is_public: number;
  status: ActivityStatus;
  return_reason: string | null;
  verified_by: string | null;
  verified_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * Daily totals of verified activities, kept in step with every write by the
 * repository: per org and day, one row with dimension '*' (all of them) and
 * one per key of each dimension in `totalledDimensions`.
 */
export interface ActivityDailyTotalTable {
  org_id: string;
  start_date: string;
  dimension: '*' | keyof typeof totalledDimensions;
  /** The dimension's key (a type or campaign id, a series); null for '*' and for activities without a campaign. */
  key: string | null;
  activities: number;
  participants: number;
  quantity: number | null;
}

/** The dimensions activities are totalled by each day, and the column each reads. */
export const totalledDimensions = { type: 'type_id', campaign: 'campaign_id', series: 'series' } as const;

/** A deleted activity, kept so that a deletion always changes the public activities' version. */
export interface ActivityDeletionTable {
  activity_id: string;
  org_id: string;
  deleted_at: string;
}

export interface ActivityTables {
  activity_types: ActivityTypeTable;
  activity_campaigns: ActivityCampaignTable;
  activities: ActivityTable;
  activity_daily_totals: ActivityDailyTotalTable;
  activity_deletions: ActivityDeletionTable;
}

export type ActivityRow = Selectable<ActivityTable>;
export type NewActivityRow = Insertable<ActivityTable>;
export type ActivityTypeRow = Selectable<ActivityTypeTable>;
export type ActivityCampaignRow = Selectable<ActivityCampaignTable>;
