import type { Kysely } from 'kysely';
import type { Db } from '../../database.ts';
import { dialectOf } from '../../platform/db/connection.ts';
import { AppError } from '../../platform/errors.ts';
import { translate, type Locale } from '../../platform/i18n/catalogue.ts';
import { findOrgById } from '../orgs/index.ts';
import { DimensionKeys, noKey } from './dimension-keys.ts';
import type { DeclaredIndicator } from './indicator.declare.ts';
import type { BreakdownRow, DimensionCode, IndicatorInfo, IndicatorRequest, IndicatorValue } from './indicator.types.ts';
import { monthOffset, monthsOf, previousPeriod, shiftMonth, type Period } from './period.ts';
import { findIndicator, indicatorRegistry } from './registry.ts';
import { batchRequests, filterKeys, type Narrowing, type QueryParts } from './stats.plan.ts';
import { buildStatsQuery, keyColumn, valueColumn } from './stats.query.ts';
import './stats.messages.ts';

/**
 * Figures for an org's whole subtree over a period, each beside the period
 * before. Requests over the same source are answered by one query per period
 * (see stats.plan.ts and stats.query.ts); labels are resolved to keys once per computation. No data
 * scope is checked here: callers decide whether the actor may see `orgId`.
 */

export function listIndicators(locale: Locale): IndicatorInfo[] {
  return indicatorRegistry.map((indicator) => infoOf(indicator, locale));
}

function infoOf(indicator: DeclaredIndicator, locale: Locale): IndicatorInfo {
  return {
    code: indicator.code,
    module: indicator.module,
    label: indicator.label[locale],
    unit: indicator.unit[locale],
    aggregation: indicator.aggregation,
    dimensions: [...indicator.dimensions],
    verifiedOnly: indicator.verifiedOnly,
    definition: indicator.definition[locale],
  };
}

interface Scope {
  db: Db;
  orgId: string;
  wholeTree: boolean;
  orgName: string;
  period: Period;
  previous: Period;
  keys: DimensionKeys;
  locale: Locale;
}

async function scopeOf(db: Db, request: { orgId: string; from: string; to: string; locale: Locale }): Promise<Scope> {
  if (request.to < request.from) throw new AppError('STATS_PERIOD_REVERSED', 400, { params: { from: request.from, to: request.to } });
  const org = await findOrgById(db, request.orgId);
  if (!org) throw new AppError('STATS_ORG_NOT_FOUND', 404);
  const period = { from: request.from, to: request.to };
  return { db, orgId: org.id, wholeTree: org.parent_id === null, orgName: org.name, period, previous: previousPeriod(period), keys: new DimensionKeys(db, org.id, request.locale), locale: request.locale };
}

function indicatorOf(code: string): DeclaredIndicator {
  const indicator = findIndicator(code);
  if (!indicator) throw new AppError('STATS_UNKNOWN_INDICATOR', 400, { params: { code } });
  return indicator;
}

function assertDimension(indicator: DeclaredIndicator, dimension: string): asserts dimension is DimensionCode {
  if (!(indicator.dimensions as readonly string[]).includes(dimension)) {
    throw new AppError('STATS_UNKNOWN_DIMENSION', 400, { params: { code: indicator.code, dimension } });
  }
}

async function narrowingsOf(scope: Scope, indicator: DeclaredIndicator, where: IndicatorRequest['where']): Promise<Narrowing[]> {
  const entries = Object.entries(where ?? {}).filter(([, labels]) => labels !== undefined) as [string, string | readonly string[]][];
  return Promise.all(
    entries
      .sort(([a], [b]) => a.localeCompare(b))
      .map(async ([dimension, asked]) => {
        assertDimension(indicator, dimension);
        const labels = typeof asked === 'string' ? [asked] : [...asked];
        return { dimension, labels, keys: await scope.keys.keysFor(indicator.source, dimension, labels) };
      }),
  );
}

function conditionsInWords(locale: Locale, narrowings: readonly Narrowing[]): string {
  return narrowings.map((n) => `${translate(locale, `stats.dimension.${n.dimension}`)} = ${n.labels.join('、')}`).join('; ');
}

type Rows = Record<string, unknown>[];
const periods = ['current', 'previous'] as const;
/** Where each period's figure goes in a value or a breakdown row. */
const fieldOf = { current: 'value', previous: 'previous' } as const;

/** The query's rows for the period and for the period before (one run when the source has no dates). */
async function runQuery(scope: Scope, query: QueryParts): Promise<{ current: Rows; previous: Rows }> {
  const db = scope.db as unknown as Kysely<any>;
  const run = (period: Period): Promise<Rows> => buildStatsQuery(db, dialectOf(db), { ...query, orgId: scope.orgId, wholeTree: scope.wholeTree, period }).execute();
  if (query.source.timing === 'current') {
    const rows = await run(scope.period);
    return { current: rows, previous: rows };
  }
  const [current, previous] = await Promise.all([run(scope.period), run(scope.previous)]);
  return { current, previous };
}
/** PostgreSQL returns counts and sums as strings, and an empty sum as null. */
const numberIn = (row: Record<string, unknown>, column: string) => Number(row[column] ?? 0);
const keyIn = (row: Record<string, unknown>, index: number) => (row[keyColumn(index)] == null ? noKey : String(row[keyColumn(index)]));
/** A row's key as this period knows it: a month of the period before is compared with the same month of this one. */
const alignedKey = (dimension: DimensionCode, key: string, which: (typeof periods)[number], monthOffset: number) =>
  dimension === 'month' && which === 'previous' && key !== noKey ? shiftMonth(key, monthOffset) : key;

export async function computeIndicators(
  db: Db,
  request: { orgId: string; from: string; to: string; requests?: readonly IndicatorRequest[]; locale: Locale },
): Promise<IndicatorValue[]> {
  const scope = await scopeOf(db, request);
  const asked: readonly IndicatorRequest[] = request.requests ?? indicatorRegistry.map((indicator) => ({ code: indicator.code }));
  const resolved = await Promise.all(
    asked.map(async (req) => {
      const indicator = indicatorOf(req.code);
      return { req, indicator, narrowings: await narrowingsOf(scope, indicator, req.where) };
    }),
  );
  const offset = monthOffset(scope.period, scope.previous);
  const totals = resolved.map(() => ({ value: 0, previous: 0 }));
  await Promise.all(
    batchRequests(resolved, offset).map(async ({ query, members }) => {
      const rows = await runQuery(scope, query);
      for (const { slot, indicator, narrowings } of members) {
        const column = valueColumn(query.indicators.indexOf(indicator));
        const holds = (row: Record<string, unknown>, which: 'current' | 'previous') =>
          query.groupBy.every((dimension, index) => {
            // A request not narrowed by a grouped dimension takes every group (see stats.plan.ts).
            const narrowing = narrowings.find((n) => n.dimension === dimension);
            return !narrowing || narrowing.keys.includes(alignedKey(dimension, keyIn(row, index), which, offset));
          });
        for (const which of periods) totals[slot]![fieldOf[which]] = rows[which].filter((row) => holds(row, which)).reduce((sum, row) => sum + numberIn(row, column), 0);
      }
    }),
  );

  return resolved.map(({ req, indicator, narrowings }, slot) => ({
    ...infoOf(indicator, scope.locale),
    ...(req.where ? { where: req.where } : {}),
    ...totals[slot]!,
    filters: {
      orgId: scope.orgId,
      orgName: scope.orgName,
      from: scope.period.from,
      to: scope.period.to,
      verifiedOnly: indicator.verifiedOnly,
      conditions: conditionsInWords(scope.locale, narrowings),
    },
  }));
}

/**
 * One indicator by one dimension, largest first; by month in calendar order
 * with every month of the period present, by county with every county-level
 * org in scope present (zeros included) and the scope's own level beside them
 * when it has records.
 */
export async function computeBreakdown(
  db: Db,
  request: { code: string; dimension: DimensionCode; orgId: string; from: string; to: string; where?: IndicatorRequest['where']; locale: Locale },
): Promise<BreakdownRow[]> {
  const indicator = indicatorOf(request.code);
  assertDimension(indicator, request.dimension);
  const scope = await scopeOf(db, request);
  const { dimension } = request;
  const narrowings = await narrowingsOf(scope, indicator, request.where);
  const counties = dimension === 'county' ? (await scope.keys.counties()).map((org) => org.id) : [];
  const offset = monthOffset(scope.period, scope.previous);

  const figures = new Map<string, { value: number; previous: number }>();
  const figureOf = (key: string) => figures.get(key) ?? figures.set(key, { value: 0, previous: 0 }).get(key)!;
  if (dimension === 'month') for (const month of monthsOf(scope.period)) figureOf(month);
  for (const county of counties) figureOf(county);

  if (narrowings.every((n) => n.keys.length > 0)) {
    const filters = new Map(narrowings.map((n) => [n.dimension, filterKeys(n.dimension, n.keys, offset)]));
    const rows = await runQuery(scope, { source: indicator.source, verifiedOnly: indicator.verifiedOnly, indicators: [indicator], groupBy: [dimension], filters, counties });
    for (const which of periods) {
      for (const row of rows[which]) {
        const figure = numberIn(row, valueColumn(0));
        const key = alignedKey(dimension, keyIn(row, 0), which, offset);
        if (figure !== 0 || figures.has(key)) figureOf(key)[fieldOf[which]] += figure;
      }
    }
  }

  const labels = await scope.keys.labelsFor(indicator.source, dimension, [...figures.keys()]);
  const rows = [...figures].map(([key, figure]) => ({ key, label: labels.get(key) ?? key, ...figure }));
  if (dimension === 'month') return rows.sort((a, b) => a.key.localeCompare(b.key));
  return rows.sort((a, b) => b.value - a.value || b.previous - a.previous || a.label.localeCompare(b.label, 'zh-CN'));
}
