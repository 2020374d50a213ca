import type { Locale } from '../../platform/i18n/catalogue.ts';
import type { Aggregation, DimensionCode } from './indicator.types.ts';

/**
 * How a module declares the figures it contributes. A declaration names its
 * source (a table, its joins, its date and org columns, what each dimension
 * reads) and, per indicator, what is measured over which rows. Stats owns
 * nothing but this vocabulary: the SQL it runs is built from what the
 * declaring module states here, with every value a bound parameter.
 */

/** `table.column` for the declaring module's own tables, checked by the compiler. */
export type ColumnOf<Tables> = { [T in keyof Tables & string]: `${T}.${keyof Tables[T] & string}` }[keyof Tables & string];

export type Text = Readonly<Record<Locale, string>>;

/** A row condition with its value bound as a parameter. */
export type Condition<Tables> =
  | readonly [ColumnOf<Tables>, '=' | '<>', string | number]
  | readonly [ColumnOf<Tables>, 'in', readonly (string | number)[]]
  | readonly [ColumnOf<Tables>, 'is not', null];

/**
 * How a dimension reads from the source. `county` and `month` need no entry:
 * they come from the source's org and date columns.
 * - `names`: the column holds ids of a table with a `name` (activity types, venues): labels are those names.
 * - `messages`: the column holds one of `codes`, labelled by the catalogue message `<prefix><code>` (a venue's kind).
 * - `org`: the column holds org ids.
 * - otherwise the column's text is its own label (a series, an activity's place).
 */
export interface DimensionColumn<Tables> {
  column: ColumnOf<Tables>;
  names?: keyof Tables & string;
  messages?: { prefix: string; codes: readonly string[] };
  org?: true;
}

/**
 * When a record counts for a period: `in_period` for events (its date falls
 * in the period), `as_of_end` for stocks (its date is on or before the
 * period's end; undated records count when `undatedCounts`), `current` for
 * stocks without a date (today's state, the same for both periods).
 */
export type Timing = 'in_period' | 'as_of_end' | 'current';

export interface IndicatorSource<Tables> {
  /** Unique among all sources; requests over the same source are computed by one query. */
  name: string;
  table: keyof Tables & string;
  joins?: readonly { table: keyof Tables & string; on: readonly [ColumnOf<Tables>, ColumnOf<Tables>] }[];
  /** The record's date; null with timing `current`. */
  date: ColumnOf<Tables> | null;
  timing: Timing;
  undatedCounts?: boolean;
  /** The org whose subtree the record belongs to (data scope). */
  org: ColumnOf<Tables>;
  /** Where the record counts by county, when that is not its org (a city-run museum standing in a district); an org id. */
  county?: ColumnOf<Tables>;
  /** What makes a record verified (已核实), for indicators that count verified records only. */
  verified?: Condition<Tables>;
  dimensions: Partial<Record<Exclude<DimensionCode, 'county' | 'month'>, DimensionColumn<Tables>>>;
  /** Only these rows of `table` are the source's records. */
  rows?: Condition<Tables>;
  /** Totals of the verified records that the owning module keeps per org and day (see stats.totals.ts). */
  dailyTotals?: DailyTotals<Tables>;
}

/**
 * A table of daily totals of a source's verified records, kept exact by the
 * owning module on every write: per org and day one row whose `dimension` is
 * '*' (every record) and one per key of each of `dimensions`. Counts and sums
 * narrowed or broken down by at most one of those dimensions (and by county,
 * month or org) read it instead of the records.
 */
export interface DailyTotals<Tables> {
  table: keyof Tables & string;
  date: ColumnOf<Tables>;
  org: ColumnOf<Tables>;
  dimension: ColumnOf<Tables>;
  key: ColumnOf<Tables>;
  dimensions: readonly Exclude<DimensionCode, 'county' | 'month' | 'org'>[];
  /** The column holding the day's count of records. */
  count: ColumnOf<Tables>;
  /** For each summed measure of the source, the column holding the day's sum. */
  sums: readonly (readonly [measure: ColumnOf<Tables>, total: ColumnOf<Tables>])[];
}

/**
 * What is aggregated: nothing for a count; a column or the sum of several
 * columns for a sum; a column, or each element of a JSON array column
 * (`{ jsonArrayOf }`), for a count of distinct values.
 */
export type Measure<Tables> = ColumnOf<Tables> | readonly ColumnOf<Tables>[] | { jsonArrayOf: ColumnOf<Tables> };

export interface IndicatorDeclaration<Tables> {
  code: string;
  label: Text;
  unit: Text;
  definition: Text;
  source: IndicatorSource<Tables>;
  aggregation: Aggregation;
  measure?: Measure<Tables>;
  /** Which of the source's records this indicator counts. */
  where?: readonly Condition<Tables>[];
  dimensions: readonly DimensionCode[];
  verifiedOnly?: boolean;
}

/** A declaration as the engine reads it: columns are plain strings once they leave the declaring module. */
export type AnySource = IndicatorSource<any>;
export interface DeclaredIndicator extends Omit<IndicatorDeclaration<any>, 'source' | 'measure' | 'where' | 'verifiedOnly'> {
  module: string;
  source: AnySource;
  measure?: string | readonly string[] | { jsonArrayOf: string };
  where: readonly (readonly [string, string, unknown])[];
  verifiedOnly: boolean;
}

/** Checks a module's declarations where they are made, so a wrong one fails at start-up, not in a report. */
export function defineIndicators<Tables>(module: string, indicators: readonly IndicatorDeclaration<Tables>[]): readonly DeclaredIndicator[] {
  return indicators.map((indicator) => {
    const problem = declarationProblem(indicator);
    if (problem) throw new Error(`indicator ${indicator.code}: ${problem}`);
    return { ...indicator, module, where: indicator.where ?? [], verifiedOnly: indicator.verifiedOnly ?? false } as DeclaredIndicator;
  });
}

function declarationProblem<Tables>(indicator: IndicatorDeclaration<Tables>): string | undefined {
  const { source } = indicator;
  if (!/^[a-z_]+(\.[a-z_]+)+$/.test(indicator.code)) return 'a code reads module.measure[.qualifier]';
  if ((indicator.aggregation === 'count') !== (indicator.measure === undefined)) return 'a count has no measure; a sum or distinct count has one';
  if (indicator.verifiedOnly && !source.verified) return `source ${source.name} has no verified condition`;
  if ((source.date === null) !== (source.timing === 'current')) return `source ${source.name}: only timing "current" goes without a date`;
  for (const dimension of indicator.dimensions) {
    if (dimension === 'month' && source.date === null) return 'month needs a dated source';
    if (dimension !== 'county' && dimension !== 'month' && !source.dimensions[dimension]) return `source ${source.name} has no dimension ${dimension}`;
  }
  return undefined;
}
