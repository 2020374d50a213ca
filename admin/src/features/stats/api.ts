import { api } from '../../app/api.ts';
import type { BreakdownRow, DimensionCode, IndicatorInfo, IndicatorValue } from '../../../../src/modules/stats/indicator.types.ts';

/** The server's own stats shapes (type-only: nothing server-side is bundled). */
export type { BreakdownRow, DimensionCode, IndicatorInfo, IndicatorValue };

export interface Period {
  from: string;
  to: string;
}

export interface StatsValues {
  org: { id: string; name: string };
  period: Period;
  previousPeriod: Period;
  items: IndicatorValue[];
}

export interface Breakdown {
  indicator: IndicatorInfo;
  dimension: DimensionCode;
  period: Period;
  previousPeriod: Period;
  items: BreakdownRow[];
}

/** What every figure on the dashboard is computed for: a calendar year and an org's subtree (the user's own org when none is chosen). */
export interface StatsScope {
  year: number;
  orgId?: string;
}

export const fetchIndicators = () => api<{ items: IndicatorInfo[] }>('GET', '/stats/indicators');

export const fetchValues = (scope: StatsScope, codes: readonly string[]) => api<StatsValues>('GET', '/stats/values', undefined, { ...scope, codes: codes.join(',') });

export const fetchBreakdown = (scope: StatsScope, code: string, dimension: DimensionCode) =>
  api<Breakdown>('GET', '/stats/breakdown', undefined, { ...scope, code, dimension });

/** The server's workbooks: a breakdown as on GET /stats/breakdown (the chart cards' 导出 Excel), and 科协统计年报. */
export const breakdownWorkbookPath = '/stats/breakdown.xlsx';
export const statisticalReturnPath = '/reports/statistical-return.xlsx';
