import type { AnySource, DeclaredIndicator } from './indicator.declare.ts';
import type { DimensionCode } from './indicator.types.ts';
import type { StatsQuery } from './stats.query.ts';

/** Dimensions every daily total carries in its own columns. */
const alwaysTotalled: readonly DimensionCode[] = ['county', 'month', 'org'];

/**
 * A query of counts and sums over a source's verified records, narrowed or
 * grouped by at most one of the dimensions its daily totals keep, rewritten
 * to read those totals: the same figures from a few thousand rows a year
 * instead of every record. Any other query is returned as it is.
 */
export function overDailyTotals(query: StatsQuery): StatsQuery {
  const { source } = query;
  const totals = source.dailyTotals;
  // Totals hold verified records by their own org and date: a source counted elsewhere (county) or filtered (rows) cannot use them.
  if (!totals || !query.verifiedOnly || source.timing !== 'in_period' || source.county || source.rows) return query;
  const sums = new Map<string, string>(totals.sums);
  const totalOf = (indicator: DeclaredIndicator): string | undefined => {
    if (indicator.where.length > 0) return undefined;
    if (indicator.aggregation === 'count') return totals.count;
    return indicator.aggregation === 'sum' && typeof indicator.measure === 'string' ? sums.get(indicator.measure) : undefined;
  };
  const columns = query.indicators.map(totalOf);
  if (columns.some((column) => column === undefined)) return query;
  const narrowedBy = new Set([...query.groupBy, ...query.filters.keys()].filter((dimension) => !alwaysTotalled.includes(dimension)));
  if (narrowedBy.size > 1) return query;
  const [dimension] = narrowedBy as Set<(typeof totals.dimensions)[number]>;
  if (dimension && !totals.dimensions.includes(dimension)) return query;

  const totalsSource: AnySource = {
    name: `${source.name} (daily totals)`,
    table: totals.table,
    date: totals.date,
    timing: 'in_period',
    org: totals.org,
    rows: [totals.dimension, '=', dimension ?? '*'],
    dimensions: {
      ...(source.dimensions.org ? { org: { ...source.dimensions.org, column: totals.org } } : {}),
      ...(dimension ? { [dimension]: { ...source.dimensions[dimension], column: totals.key } } : {}),
    },
  };
  const indicators = query.indicators.map((indicator, index): DeclaredIndicator => ({ ...indicator, source: totalsSource, aggregation: 'sum', measure: columns[index]! }));
  return { ...query, source: totalsSource, verifiedOnly: false, indicators };
}
