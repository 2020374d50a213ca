import { sql, type AliasableExpression, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { DialectName } from '../../platform/db/connection.ts';
import { inOrgSubtree } from '../orgs/index.ts';
import type { AnySource, DeclaredIndicator } from './indicator.declare.ts';
import type { DimensionCode } from './indicator.types.ts';
import type { Period } from './period.ts';

/**
 * One SELECT for many figures over one source: every indicator asked of the
 * source becomes a pair of conditional aggregates (this period, the period
 * before) over a single scan bounded by both periods' dates; narrowed
 * requests add the dimensions they narrow by as GROUP BY keys, restricted to
 * the keys asked for, so a batch of "by type" requests is one grouped scan
 * rather than one aggregate per request (which costs a CASE per row for each).
 */
export interface StatsQuery {
  source: AnySource;
  verifiedOnly: boolean;
  /** All over `source`; a JSON-array measure expands rows, so it never shares a query with other measures. */
  indicators: readonly DeclaredIndicator[];
  groupBy: readonly DimensionCode[];
  /** Only records whose dimension key is one of these (for county: whose county org is one of these). */
  filters: ReadonlyMap<DimensionCode, readonly string[]>;
  /** The county-level orgs a `county` key can take, when grouping by county. */
  counties: readonly string[];
  orgId: string;
  period: Period;
  previous: Period;
}

type Eb = ExpressionBuilder<any, any>;
type Condition = readonly [string, string, unknown];

export const keyColumn = (index: number) => `k${index}`;
export const valueColumn = (index: number, which: 'current' | 'previous') => `${which === 'current' ? 'c' : 'p'}${index}`;

export function expandedColumn(indicators: readonly DeclaredIndicator[]): string | undefined {
  const measure = indicators[0]?.measure;
  return measure && typeof measure === 'object' && 'jsonArrayOf' in measure ? measure.jsonArrayOf : undefined;
}

export function buildStatsQuery(db: Kysely<any>, dialect: DialectName, query: StatsQuery) {
  const { source } = query;
  const expanded = expandedColumn(query.indicators);
  let select = db.selectFrom(source.table);
  for (const join of source.joins ?? []) select = select.innerJoin(join.table, join.on[0], join.on[1]);
  if (expanded) {
    const elements = dialect === 'postgres' ? sql`jsonb_array_elements_text(cast(${sql.ref(expanded)} as jsonb))` : sql`json_each(${sql.ref(expanded)})`;
    select = select.innerJoin(elements.as('element'), (join) => join.onTrue());
  }
  const countyColumn = source.county ?? source.org;

  const keyOf = (eb: Eb, dimension: DimensionCode): AliasableExpression<unknown> => {
    if (dimension === 'month') return eb.fn('substr', [eb.ref(source.date!), sql.lit(1), sql.lit(7)]);
    if (dimension === 'county') return countyKey(eb, query.counties, countyColumn);
    return eb.ref(source.dimensions[dimension]!.column);
  };

  const inPeriod = (eb: Eb, which: 'current' | 'previous'): Expression<SqlBool> | undefined => {
    if (source.timing === 'current') return undefined;
    const date = eb.ref(source.date!);
    const end = which === 'current' ? query.period.to : query.previous.to;
    if (source.timing === 'in_period') {
      // The scan is bounded by both periods together; only the boundary between them is left to decide.
      return which === 'current' ? eb(date, '>=', query.period.from) : eb(date, '<', query.period.from);
    }
    const onOrBefore = eb(date, '<=', end);
    return source.undatedCounts ? eb.or([eb(date, 'is', null), onOrBefore]) : onOrBefore;
  };

  const measureOf = (eb: Eb, indicator: DeclaredIndicator): Expression<unknown> => {
    const { measure } = indicator;
    if (typeof measure === 'string') return eb.ref(measure);
    if (Array.isArray(measure)) return (measure as string[]).map((column) => eb.ref(column) as Expression<unknown>).reduce((sum, term) => eb(sum as never, '+', term as never));
    return eb.ref('element.value'); // both functions name their output column `value`
  };

  const aggregate = (eb: Eb, indicator: DeclaredIndicator, which: 'current' | 'previous') => {
    const conditions = [inPeriod(eb, which), ...indicator.where.map((condition) => conditionOf(eb, condition))].filter((c): c is Expression<SqlBool> => c !== undefined);
    if (indicator.aggregation === 'count') {
      return conditions.length === 0 ? eb.fn.countAll() : eb.fn.count(eb.case().when(eb.and(conditions)).then(sql.lit(1)).end());
    }
    const measure = measureOf(eb, indicator);
    const value = conditions.length === 0 ? measure : eb.case().when(eb.and(conditions)).then(measure).end();
    return indicator.aggregation === 'sum' ? eb.fn.sum(value) : eb.fn.count(value).distinct();
  };

  select = select.where((eb) => inOrgSubtree(query.orgId, source.org)(eb));
  if (query.verifiedOnly && source.verified) select = select.where((eb) => conditionOf(eb, source.verified as Condition));
  if (source.timing === 'in_period') {
    select = select.where(source.date!, '>=', query.previous.from).where(source.date!, '<=', query.period.to);
  } else if (source.timing === 'as_of_end' && !source.undatedCounts) {
    select = select.where(source.date!, '<=', query.period.to);
  }
  for (const [dimension, keys] of query.filters) {
    select = select.where((eb) => (dimension === 'county' ? eb.or(keys.map((id) => inOrgSubtree(id, countyColumn)(eb))) : eb(keyOf(eb, dimension), 'in', keys)));
  }
  const withValues = select.select((eb) => [
    ...query.groupBy.map((dimension, index) => keyOf(eb, dimension).as(keyColumn(index))),
    ...query.indicators.flatMap((indicator, index) => [
      aggregate(eb, indicator, 'current').as(valueColumn(index, 'current')),
      aggregate(eb, indicator, 'previous').as(valueColumn(index, 'previous')),
    ]),
  ]);
  // By position: PostgreSQL cannot match a parameterised key expression in SELECT with its copy in GROUP BY.
  return query.groupBy.length === 0 ? withValues : withValues.groupBy(query.groupBy.map((_, index) => sql.lit(index + 1)));
}

/** The county-level org a record counts under: the first of `counties` whose subtree holds the record's org (counties never nest). */
function countyKey(eb: Eb, counties: readonly string[], column: string): AliasableExpression<unknown> {
  if (counties.length === 0) return sql<null>`null`;
  const [first, ...rest] = counties;
  let chain = eb.case().when(inOrgSubtree(first!, column)(eb)).then(eb.val(first!));
  for (const county of rest) chain = chain.when(inOrgSubtree(county, column)(eb)).then(eb.val(county));
  return chain.end();
}

function conditionOf(eb: Eb, [column, operator, value]: Condition): Expression<SqlBool> {
  return eb(eb.ref(column), operator as never, value as never);
}
