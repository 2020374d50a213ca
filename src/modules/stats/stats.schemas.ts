import { Type, type Static } from '@fastify/type-provider-typebox';
import { Id, IsoDate, StrictObject } from '../../platform/http/schema.ts';
import { aggregations, dimensionCodes, type IndicatorRequest } from './indicator.types.ts';

const Dimension = Type.Enum(dimensionCodes);
const thisYear = new Date().getFullYear();

const scopeQuery = {
  year: Type.Integer({ minimum: 1949, maximum: 2999, default: thisYear, description: 'Calendar year; the previous year is computed beside it' }),
  orgId: Type.Optional(Type.String({ maxLength: 64, description: 'Whose subtree; the signed-in user’s org when absent' })),
};

export const ValuesQuery = StrictObject({
  ...scopeQuery,
  codes: Type.Optional(Type.String({ maxLength: 4000, description: 'Comma-separated indicator codes; every indicator when absent' })),
});
export type ValuesQuery = Static<typeof ValuesQuery>;

export const BreakdownQuery = StrictObject({
  ...scopeQuery,
  code: Type.String({ minLength: 1, maxLength: 100, default: 'activities.count' }),
  dimension: Type.Enum(dimensionCodes, { default: 'county' }),
});
export type BreakdownQuery = Static<typeof BreakdownQuery>;

export const IndicatorInfo = Type.Object({
  code: Type.String(),
  module: Type.String(),
  label: Type.String(),
  unit: Type.String(),
  aggregation: Type.Enum(aggregations),
  dimensions: Type.Array(Dimension),
  verifiedOnly: Type.Boolean(),
  definition: Type.String(),
});

const PeriodSchema = Type.Object({ from: IsoDate, to: IsoDate });

export const IndicatorValue = Type.Object({
  ...IndicatorInfo.properties,
  // Typed as the service's narrowing, which holds read-only label lists.
  where: Type.Optional(Type.Unsafe<IndicatorRequest['where']>(Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())])))),
  value: Type.Number(),
  previous: Type.Number(),
  filters: Type.Object({ orgId: Id, orgName: Type.String(), from: IsoDate, to: IsoDate, verifiedOnly: Type.Boolean(), conditions: Type.String() }),
});

export const IndicatorList = Type.Object({ items: Type.Array(IndicatorInfo) });

export const Values = Type.Object({
  org: Type.Object({ id: Id, name: Type.String() }),
  period: PeriodSchema,
  previousPeriod: PeriodSchema,
  items: Type.Array(IndicatorValue),
});

export const Breakdown = Type.Object({
  indicator: IndicatorInfo,
  dimension: Dimension,
  period: PeriodSchema,
  previousPeriod: PeriodSchema,
  items: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), value: Type.Number(), previous: Type.Number() })),
});
