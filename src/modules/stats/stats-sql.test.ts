import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import { dialectOf } from '../../platform/db/connection.ts';
import { yearPeriod } from './period.ts';
import { findIndicator } from './registry.ts';
import { batchRequests, type Narrowing, type PlannedRequest } from './stats.plan.ts';
import { buildStatsQuery } from './stats.query.ts';

/** Kysely with a dialect's compiler and no database: queries compile, nothing runs. */
const compilers = {
  sqlite: new Kysely<any>({
    dialect: { createAdapter: () => new SqliteAdapter(), createDriver: () => new DummyDriver(), createIntrospector: (db) => new SqliteIntrospector(db), createQueryCompiler: () => new SqliteQueryCompiler() },
  }),
  postgres: new Kysely<any>({
    dialect: { createAdapter: () => new PostgresAdapter(), createDriver: () => new DummyDriver(), createIntrospector: (db) => new PostgresIntrospector(db), createQueryCompiler: () => new PostgresQueryCompiler() },
  }),
};

const narrowed = (dimension: Narrowing['dimension'], ...keys: string[]): Narrowing => ({ dimension, labels: keys, keys });
const request = (code: string, ...narrowings: Narrowing[]): PlannedRequest => ({ indicator: findIndicator(code)!, narrowings });

/** A review's requests with labels already resolved to fixed keys: what the planner batches and the SQL it runs. */
const reviewRequests: PlannedRequest[] = [
  request('activities.count'),
  request('activities.participants'),
  request('activities.quantity'),
  request('activities.partners'),
  request('activities.count', narrowed('type', 'type-lecture')),
  request('activities.count', narrowed('type', 'type-exhibition')),
  request('activities.participants', narrowed('campaign', 'campaign-science-day'), narrowed('type', 'type-lecture', 'type-exhibition')),
  request('activities.partners', narrowed('campaign', 'campaign-science-day', 'campaign-science-week')),
  request('activities.count', narrowed('county', 'org-fangcheng'), narrowed('month', '2024-05')),
  request('venues.museums.open'),
  request('venues.visits', narrowed('venue', 'venue-city-museum')),
  request('venues.groups'),
  request('caravans.vehicles'),
  request('caravans.schools'),
  request('orgs.new.society'),
  request('orgs.total'),
];

describe('the SQL the annual report runs, per dialect', () => {
  for (const [dialect, db] of Object.entries(compilers)) {
    it(`batches a review's requests into these ${dialect} queries`, async () => {
      const batches = batchRequests(reviewRequests, 12);
      const statements = batches.map(({ query, members }) => {
        const compiled = buildStatsQuery(db, dialectOf(db), { ...query, orgId: 'org-root', wholeTree: false, period: yearPeriod(2024) }).compile();
        return [`-- ${members.map((m) => m.indicator.code + m.narrowings.map((n) => ` ${n.dimension}=${n.keys.join('|')}`).join('')).join(', ')}`, compiled.sql, `-- parameters: ${JSON.stringify(compiled.parameters)}`].join('\n');
      });
      // 16 requests in 11 queries: the three whole activity figures and the two by type share the type-grouped scan; the venue figures share one too
      expect(batches).toHaveLength(11);
      await expect(`${statements.join('\n\n')}\n`).toMatchFileSnapshot(`./__snapshots__/stats-queries.${dialect}.sql`);
    });
  }

  it('groups a county breakdown by the county-level org whose subtree holds the record', () => {
    const query = batchRequests([request('activities.count')], 12)[0]!.query;
    const compiled = buildStatsQuery(compilers.postgres, 'postgres', { ...query, groupBy: ['county'], counties: ['c1', 'c2'], orgId: 'org-root', wholeTree: true, period: yearPeriod(2024) }).compile();
    expect(compiled.sql).toContain('case when "activity_daily_totals"."org_id" in (select "org_closure"."descendant_id" from "org_closure" where "org_closure"."ancestor_id" = $1) then $2');
    expect(compiled.sql).toMatch(/group by 1$/);
  });

  it('reads daily totals for counts and sums narrowed by at most one totalled dimension, and the records otherwise', () => {
    const tableOf = (...requests: PlannedRequest[]) => {
      const [batch] = batchRequests(requests, 12);
      const compiled = buildStatsQuery(compilers.sqlite, 'sqlite', { ...batch!.query, orgId: 'org-root', wholeTree: true, period: yearPeriod(2024) }).compile();
      return /from "(\w+)"/.exec(compiled.sql)![1];
    };
    expect(tableOf(request('activities.participants'))).toBe('activity_daily_totals');
    expect(tableOf(request('activities.count', narrowed('series', '科普讲堂'), narrowed('month', '2024-03')))).toBe('activity_daily_totals');
    expect(tableOf(request('activities.count', narrowed('campaign', 'c1'), narrowed('type', 't1')))).toBe('activities');
    expect(tableOf(request('activities.count', narrowed('venue', '南阳市科技馆')))).toBe('activities');
    expect(tableOf(request('activities.partners'))).toBe('activities');
  });
});
