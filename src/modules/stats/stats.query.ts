import { sql, type AliasableExpression, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { DialectName } from '../../platform/db/connection.ts';
import { inOrgSubtree } from '../orgs/index.ts';
import type { AnySource, DeclaredIndicator } from './indicator.declare.ts';
import type { DimensionCode } from './indicator.types.ts';
import type { Period } from './period.ts';
import { overDailyTotals } from './stats.totals.ts';

/**
 * One SELECT for many figures over one source and one period: every
 * indicator asked of the source becomes an aggregate, conditional when the
 * indicator counts only some of the source's records; narrowed requests add
 * the dimensions they narrow by as GROUP BY keys, restricted to the keys
 * asked for, so a batch of "by type" requests is one grouped scan rather than
 * one CASE per request evaluated on every row. The period before is the same
 * query over its own dates: two bounded scans measured faster than one scan
 * of both periods with the period as a CASE in every aggregate (see
 * docs/stats.md).
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
  /** `orgId` is the root: every record is in scope. */
  wholeTree: boolean;
  /** The period the figures are for (ignored by sources whose timing is `current`). */
  period: Period;
}

type Eb = ExpressionBuilder<any, any>;
type Condition = readonly [string, string, unknown];

export const keyColumn = (index: number) => `k${index}`;
export const valueColumn = (index: number) => `v${index}`;

export function expandedColumn(indicators: readonly DeclaredIndicator[]): string | undefined {
  const measure = indicators[0]?.measure;
  return measure && typeof measure === 'object' && 'jsonArrayOf' in measure ? measure.jsonArrayOf : undefined;
}

export function buildStatsQuery(db: Kysely<any>, dialect: DialectName, asked: StatsQuery) {
  const query = overDailyTotals(asked);
  const { source } = query;
  const expanded = expandedColumn(query.indicators);
  let select = db.selectFrom(source.table);
  for (const join of source.joins ?? []) select = select.innerJoin(join.table, join.on[0], join.on[1]);
  if (expanded) {
    const elements = dialect === 'postgres' ? sql`jsonb_array_elements_text(cast(${sql.ref(expanded)} as jsonb))` : sql`json_each(${sql.ref(expanded)})`;
    // Most records have none: skipped before any JSON is parsed, and a literal so a partial index on it applies.
    select = select.where(sql.ref(expanded), '<>', sql.lit('[]')).innerJoin(elements.as('element'), (join) => join.onTrue());
  }
  const countyColumn = source.county ?? source.org;

  const keyOf = (eb: Eb, dimension: DimensionCode): AliasableExpression<unknown> => {
    if (dimension === 'month') return eb.fn('substr', [eb.ref(source.date!), sql.lit(1), sql.lit(7)]);
    if (dimension === 'county') return countyKey(eb, query.counties, countyColumn);
    return eb.ref(source.dimensions[dimension]!.column);
  };

  const inPeriod = (eb: Eb, column: string): Expression<SqlBool> => {
    const date = eb.ref(column);
    if (source.timing === 'in_period') return eb.and([eb(date, '>=', query.period.from), eb(date, '<=', query.period.to)]);
    const onOrBefore = eb(date, '<=', query.period.to);
    return source.undatedCounts ? eb.or([eb(date, 'is', null), onOrBefore]) : onOrBefore;
  };

  const measureOf = (eb: Eb, indicator: DeclaredIndicator): Expression<unknown> => {
    const { measure } = indicator;
    if (typeof measure === 'string') return eb.ref(measure);
    if (Array.isArray(measure)) return (measure as string[]).map((column) => eb.ref(column) as Expression<unknown>).reduce((sum, term) => eb(sum as never, '+', term as never));
    return eb.ref('element.value'); // both functions name their output column `value`
  };

  const aggregate = (eb: Eb, indicator: DeclaredIndicator) => {
    const conditions = indicator.where.map((condition) => conditionOf(eb, condition));
    if (indicator.aggregation === 'count') {
      return conditions.length === 0 ? eb.fn.countAll() : eb.fn.count(eb.case().when(eb.and(conditions)).then(sql.lit(1)).end());
    }
    const measure = measureOf(eb, indicator);
    const value = conditions.length === 0 ? measure : eb.case().when(eb.and(conditions)).then(measure).end();
    return indicator.aggregation === 'sum' ? eb.fn.sum(value) : eb.fn.count(value).distinct();
  };

  // The whole tree needs no scope test: checking a million rows against it costs more than reading them.
  if (!query.wholeTree) select = select.where((eb) => inOrgSubtree(query.orgId, source.org)(eb));
  if (source.rows) select = select.where((eb) => conditionOf(eb, source.rows as Condition));
  if (query.verifiedOnly && source.verified) select = select.where((eb) => conditionOf(eb, source.verified as Condition));
  if (source.date) select = select.where((eb) => inPeriod(eb, source.date!));
  for (const [dimension, keys] of query.filters) {
    select = select.where((eb) => (dimension === 'county' ? eb.or(keys.map((id) => inOrgSubtree(id, countyColumn)(eb))) : eb(keyOf(eb, dimension), 'in', keys)));
  }
  // By position: PostgreSQL cannot match a parameterised key expression in SELECT with its copy in GROUP BY.
  const byKeys = query.groupBy.map((_, index) => sql.lit(index + 1));
  const keys = (eb: Eb) => query.groupBy.map((dimension, index) => keyOf(eb, dimension).as(keyColumn(index)));

  const [only] = query.indicators;
  if (query.indicators.length === 1 && only!.aggregation === 'count_distinct' && only!.where.length === 0) {
    // A lone distinct count as the rows of a DISTINCT, counted: hashed rather than
    // sorted on PostgreSQL, measured three times faster over 200,000 partner names.
    const distinct = select.select((eb) => [...keys(eb), (measureOf(eb, only!) as AliasableExpression<unknown>).as('measured')]).distinct();
    const counted = db.selectFrom(distinct.as('distinct_values')).select((eb) => [...query.groupBy.map((_, index) => eb.ref(keyColumn(index)).as(keyColumn(index))), eb.fn.count('measured').as(valueColumn(0))]);
    return query.groupBy.length === 0 ? counted : counted.groupBy(byKeys);
  }
  const withValues = select.select((eb) => [...keys(eb), ...query.indicators.map((indicator, index) => aggregate(eb, indicator).as(valueColumn(index)))]);
  return query.groupBy.length === 0 ? withValues : withValues.groupBy(byKeys);
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
