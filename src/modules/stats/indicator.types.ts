/**
 * The shapes stats hands to its readers (the dashboard, the annual review,
 * the statistical return). Modules declare indicators; stats computes them
 * for an org subtree and a period, with the previous period beside it.
 */

/**
 * A way an indicator can be broken down or narrowed: `type` is an activity's
 * type, `campaign` its theme campaign, `series` its running series, `venue`
 * the place (a venue's name), `kind` a venue's kind, `org` the owning org.
 */
export const dimensionCodes = ['county', 'month', 'org', 'type', 'campaign', 'series', 'venue', 'kind'] as const;
export type DimensionCode = (typeof dimensionCodes)[number];

export const aggregations = ['count', 'sum', 'count_distinct'] as const;
export type Aggregation = (typeof aggregations)[number];

/** What a reader needs to show an indicator: the declaration without its query. */
export interface IndicatorInfo {
  /** Stable code, `module.measure[.qualifier]`, e.g. `activities.count`, `caravans.km`. */
  code: string;
  /** The declaring module (activities, venues, orgs …). */
  module: string;
  /** In the request's locale. */
  label: string;
  /** In the request's locale: 项, 人次, 个, 公里 … */
  unit: string;
  aggregation: Aggregation;
  dimensions: DimensionCode[];
  /** True when only verified (已核实) records count. */
  verifiedOnly: boolean;
  /** One sentence, in the request's locale, saying which records count (for the "where does this number come from" hover). */
  definition: string;
}

/**
 * One figure asked for: an indicator, optionally narrowed to records whose
 * dimension has one of the given labels (as people write them: 报告会, 科学家精神,
 * 南阳市科技馆). Unknown labels narrow to nothing rather than being ignored.
 */
export interface IndicatorRequest {
  code: string;
  where?: Partial<Record<DimensionCode, string | readonly string[]>>;
}

/** The period and scope a value was computed for. Dates are inclusive ISO dates (YYYY-MM-DD). */
export interface IndicatorQueryFilters {
  orgId: string;
  orgName: string;
  from: string;
  to: string;
  verifiedOnly: boolean;
  /** The indicator's own record conditions in words, e.g. "类型 = 报告会; 主题 = 科学家精神". */
  conditions: string;
}

export interface IndicatorValue extends IndicatorInfo {
  /** The narrowing asked for, if any (echoed so a reader can match values to requests). */
  where?: IndicatorRequest['where'];
  value: number;
  /** The same indicator for the period of equal length just before (the previous year for a year). */
  previous: number;
  filters: IndicatorQueryFilters;
}

/** One row of a breakdown: `key` is stable (an org id, `2024-05`, a type id), `label` is for people. */
export interface BreakdownRow {
  key: string;
  label: string;
  value: number;
  previous: number;
}
