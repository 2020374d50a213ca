/** Figures computed from records: the indicators modules declare, for any org subtree and period, with the period before beside them. */
export { listIndicators, computeIndicators, computeBreakdown } from './stats.compute.ts';
export { yearPeriod, previousPeriod, type Period } from './period.ts';
export { defineIndicators, type IndicatorDeclaration, type IndicatorSource } from './indicator.declare.ts';
export type { BreakdownRow, DimensionCode, IndicatorInfo, IndicatorQueryFilters, IndicatorRequest, IndicatorValue } from './indicator.types.ts';
export { statsRoutes } from './stats.routes.ts';
