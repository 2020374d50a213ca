import type { DeclaredIndicator } from './indicator.declare.ts';
import type { DimensionCode } from './indicator.types.ts';
import { shiftMonth } from './period.ts';
import { expandedColumn, type StatsQuery } from './stats.query.ts';

/** A narrowing with its labels as asked and the keys they stand for. */
export interface Narrowing {
  dimension: DimensionCode;
  labels: string[];
  keys: string[];
}

export interface PlannedRequest {
  indicator: DeclaredIndicator;
  narrowings: Narrowing[];
}

/** A query without the scope and period it runs for. */
export type QueryParts = Omit<StatsQuery, 'orgId' | 'wholeTree' | 'period'>;

/** One query and the requests (by their position in the request list) it answers. */
export interface Batch {
  query: QueryParts & { indicators: DeclaredIndicator[]; filters: Map<DimensionCode, string[]> };
  members: { slot: number; indicator: DeclaredIndicator; narrowings: Narrowing[] }[];
}

/** The keys a query filters on: a month also stands for the month it is compared with in the period before. */
export function filterKeys(dimension: DimensionCode, keys: readonly string[], monthOffset: number): string[] {
  return dimension === 'month' ? [...keys, ...keys.map((month) => shiftMonth(month, -monthOffset))] : [...keys];
}

/**
 * Groups requests into as few queries as possible: one per source, verified
 * flag, expansion and set of narrowed dimensions. A request narrowed to a
 * label that names nothing needs no query (its figure is zero).
 */
export function batchRequests(requests: readonly PlannedRequest[], monthOffset: number): Batch[] {
  const batches = new Map<string, Batch>();
  for (const [slot, { indicator, narrowings }] of requests.entries()) {
    if (narrowings.some((n) => n.keys.length === 0)) continue;
    // Distinct counts cannot be added up over groups: one narrowed to several labels gets a query of its own.
    const alone = indicator.aggregation === 'count_distinct' && narrowings.some((n) => n.keys.length > 1);
    const groupBy = alone ? [] : narrowings.map((n) => n.dimension);
    const key = [indicator.source.name, indicator.verifiedOnly, expandedColumn([indicator]) ?? '', groupBy.join(','), alone ? slot : ''].join('|');
    let batch = batches.get(key);
    if (!batch) {
      batch = { query: { source: indicator.source, verifiedOnly: indicator.verifiedOnly, indicators: [], groupBy, filters: new Map(), counties: [] }, members: [] };
      batches.set(key, batch);
    }
    if (!batch.query.indicators.includes(indicator)) batch.query.indicators.push(indicator);
    for (const { dimension, keys } of narrowings) {
      batch.query.filters.set(dimension, [...new Set([...(batch.query.filters.get(dimension) ?? []), ...filterKeys(dimension, keys, monthOffset)])]);
    }
    batch.query.counties = batch.query.filters.get('county') ?? [];
    batch.members.push({ slot, indicator, narrowings });
  }
  return withWholeFiguresFromGroups([...batches.values()]);
}

/**
 * A source's un-narrowed figures are the sum of all groups of a query grouped
 * by one dimension, had it not been filtered: drop the filter and answer both
 * from that one scan instead of scanning the source twice.
 */
function withWholeFiguresFromGroups(batches: Batch[]): Batch[] {
  const sameScan = (a: Batch, b: Batch) => a.query.source === b.query.source && a.query.verifiedOnly === b.query.verifiedOnly && expandedColumn(a.query.indicators) === expandedColumn(b.query.indicators);
  return batches.filter((whole) => {
    if (whole.query.groupBy.length > 0 || whole.query.indicators.some((i) => i.aggregation === 'count_distinct')) return true;
    const grouped = batches.find((other) => other.query.groupBy.length === 1 && other.query.groupBy[0] !== 'county' && sameScan(whole, other));
    if (!grouped) return true;
    grouped.query.filters.delete(grouped.query.groupBy[0]!);
    for (const indicator of whole.query.indicators) if (!grouped.query.indicators.includes(indicator)) grouped.query.indicators.push(indicator);
    grouped.members.push(...whole.members);
    return false;
  });
}
