/**
 * The annual report's figures over a synthetic city-year: 1,000,000
 * activities in 2024 (and 250,000 in 2023, for the previous-year column)
 * across the 13 counties and the city, with types, campaigns, series and
 * places; 50,000 visit records at 140 venues; caravans, trips, touring stops,
 * school outreach and founded orgs. Timed: every registered indicator for
 * 2024 with 2023 beside it, plus the narrowed requests a review asks for
 * (by type, campaign, series, place and venue), as one computeIndicators
 * call. Baseline: a bare `SELECT count(*), sum(participants) FROM
 * activities` in the same run. Rows are bulk-loaded with multi-row inserts
 * in one transaction, not through the services, and the activities' daily
 * totals are then computed from them once. Target: under 1 s on both
 * databases.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import type { Db } from '../src/database.ts';
import { ensureActivityVocabularies, rebuildActivityDailyTotals } from '../src/modules/activities/index.ts';
import type { NewActivityRow } from '../src/modules/activities/activity.table.ts';
import { ensureSeedOrgs, findOrgSubtree } from '../src/modules/orgs/index.ts';
import { computeIndicators, listIndicators, yearPeriod, type IndicatorRequest } from '../src/modules/stats/index.ts';
import { dialectOf, openDatabase, type DatabaseTarget } from '../src/platform/db/connection.ts';
import { migrateToLatest } from '../src/platform/db/migrator.ts';
import { newId } from '../src/platform/ids.ts';
import { seededRandom } from '../src/platform/seeded-random.ts';
import { startPostgres } from '../test/helpers/throwaway-postgres.ts';
import { ms, type BenchReport } from './measure.ts';

const activities2024 = 1_000_000;
const activities2023 = 250_000;
const venueCount = 140;
const visitDaysPerVenue = 357; // 140 × 357 = 49,980 visit records in 2024
const repeats = 3;
const series = ['', '', '', '', '科普讲堂', '科普专家基层行', '科普面对面', '科学家精神进校园', '无人机机器人课堂', '乡村振兴科技行'];
const places = Array.from({ length: 400 }, (_, i) => `文化活动中心${i + 1}号厅`);

/** The narrowed requests a year-end review makes beside the un-narrowed figures. */
export function reviewRequests(typeNames: string[], campaignNames: string[]): IndicatorRequest[] {
  return [
    ...typeNames.slice(0, 8).map((type) => ({ code: 'activities.count', where: { type } })),
    ...campaignNames.slice(0, 5).map((campaign) => ({ code: 'activities.participants', where: { campaign } })),
    { code: 'activities.count', where: { campaign: '全国科普日', type: ['讲座/报告会', '展览/展板'] } },
    ...series.slice(4).map((name) => ({ code: 'activities.participants', where: { series: name } })),
    ...places.slice(0, 3).map((venue) => ({ code: 'activities.count', where: { venue } })),
    { code: 'activities.partners', where: { campaign: '全国科普日' } },
    { code: 'venues.visits', where: { venue: '科技馆1' } },
    { code: 'venues.visits', where: { kind: 'museum' } },
  ];
}

type Row = Record<string, unknown>;

/** Multi-row inserts in one transaction: as many rows per statement as the parameter limit allows. */
async function bulkInsert(db: Db, table: string, rows: Iterable<Row>, columns: number): Promise<void> {
  const perStatement = Math.floor(30_000 / columns);
  await db.transaction().execute(async (trx) => {
    let batch: Row[] = [];
    for (const row of rows) {
      batch.push(row);
      if (batch.length === perStatement) {
        await trx.insertInto(table as never).values(batch as never).execute();
        batch = [];
      }
    }
    if (batch.length) await trx.insertInto(table as never).values(batch as never).execute();
  });
}

export async function buildCityYear(db: Db): Promise<{ types: string[]; campaigns: string[] }> {
  await migrateToLatest(db);
  const root = await ensureSeedOrgs(db);
  await ensureActivityVocabularies(db);
  const orgs = await findOrgSubtree(db, root.id);
  const types = await db.selectFrom('activity_types').select(['id', 'name']).orderBy('position').execute();
  const campaigns = await db.selectFrom('activity_campaigns').select(['id', 'name']).orderBy('position').execute();
  const { next: random, pick } = seededRandom(20241231);
  const now = new Date().toISOString();
  const dateIn = (year: number) => new Date(Date.UTC(year, 0, 1 + Math.floor(random() * 365))).toISOString().slice(0, 10);

  function* activities(): Generator<NewActivityRow> {
    for (let i = 0; i < activities2024 + activities2023; i++) {
      const start = dateIn(i < activities2024 ? 2024 : 2023);
      yield {
        id: newId(),
        org_id: pick(orgs).id,
        title: `科普活动第${i + 1}期`,
        type_id: pick(types).id,
        campaign_id: random() < 0.3 ? pick(campaigns).id : null,
        series: pick(series),
        start_date: start,
        end_date: start,
        venue: pick(places),
        organiser: '县科协',
        partners: random() < 0.1 ? JSON.stringify([`合作单位${Math.floor(random() * 500)}`, `合作单位${Math.floor(random() * 500)}`]) : '[]',
        participants: 20 + Math.floor(random() * 980),
        mode: 'offline',
        quantity: random() < 0.5 ? 1 + Math.floor(random() * 5) : null,
        description: '',
        evidence_media_ids: '[]',
        is_public: 1,
        status: random() < 0.97 ? 'verified' : 'reported',
        return_reason: null,
        verified_by: null,
        verified_at: null,
        created_by: null,
        created_at: now,
        updated_at: now,
      };
    }
  }
  await bulkInsert(db, 'activities', activities(), 24);
  // Loaded around the repository, so its daily totals are computed once here.
  await rebuildActivityDailyTotals(db);

  const counties = orgs.filter((org) => org.type === 'county_association');
  const venues = Array.from({ length: venueCount }, (_, i) => {
    const county = counties[i % counties.length]!;
    return { id: newId(), name: `科技馆${i + 1}`, kind: i % 3 === 0 ? 'museum' : 'rural_school_museum', owner_org_id: county.id, county_org_id: county.id, address: '', opened_on: '2020-05-18', status: 'open', capacity: null, created_at: now, updated_at: now };
  });
  await bulkInsert(db, 'venues', venues, 11);
  function* visits(): Generator<Row> {
    for (const venue of venues) {
      for (let day = 0; day < visitDaysPerVenue; day++) {
        const date = new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
        yield { id: newId(), venue_id: venue.id, visit_date: date, period: 'day', individual_visitors: Math.floor(random() * 400), group_visitors: Math.floor(random() * 100), groups: Math.floor(random() * 3), source: 'entry', source_id: '', note: '', created_by: null, created_at: now, updated_at: now };
      }
    }
  }
  await bulkInsert(db, 'venue_visits', visits(), 13);
  await bulkInsert(
    db,
    'venue_outreach_visits',
    Array.from({ length: 500 }, (_, i) => ({ id: newId(), venue_id: venues[i % venueCount]!.id, visit_date: dateIn(2024), school_name: `学校${i % 120}`, school_key: `学校${i % 120}`, county_org_id: venues[i % venueCount]!.county_org_id, activity: '科学实验秀', people: 200, note: '', created_by: null, created_at: now, updated_at: now })),
    13,
  );
  const caravans = Array.from({ length: 6 }, (_, i) => ({ id: newId(), name: `豫R·K00${i}`, owner_org_id: counties[i]!.id, status: 'active', note: '', created_at: now, updated_at: now }));
  await bulkInsert(db, 'caravans', caravans, 7);
  await bulkInsert(
    db,
    'caravan_trips',
    Array.from({ length: 600 }, (_, i) => ({ id: newId(), caravan_id: caravans[i % 6]!.id, trip_date: dateIn(i % 2 ? 2024 : 2023), destination: `学校${i % 300}`, destination_kind: 'school', destination_key: `学校${i % 300}`, county_org_id: caravans[i % 6]!.owner_org_id, km: 80, activities: 2, people: 700, note: '', created_by: null, created_at: now, updated_at: now })),
    15,
  );
  const show = { id: newId(), name: '流动科技馆', owner_org_id: root.id, description: '', created_at: now, updated_at: now };
  await bulkInsert(db, 'touring_shows', [show], 6);
  await bulkInsert(
    db,
    'touring_stops',
    Array.from({ length: 100 }, (_, i) => ({ id: newId(), show_id: show.id, host_kind: 'school', host_venue_id: null, host_name: `学校${i}`, host_key: `学校${i}`, county_org_id: counties[i % counties.length]!.id, start_date: dateIn(2024), end_date: '2024-12-31', visits: 2400, note: '', created_by: null, created_at: now, updated_at: now })),
    15,
  );
  await bulkInsert(
    db,
    'orgs',
    Array.from({ length: 300 }, (_, i) => ({ id: newId(), name: `学会${i}`, short_name: null, type: (['society', 'enterprise_association', 'service_station'] as const)[i % 3], parent_id: counties[i % counties.length]!.id, admin_code: null, founded_on: dateIn(2015 + (i % 10)), status: 'active', created_at: now, updated_at: now })),
    11,
  );
  // The founded orgs' closure rows: each under its county's ancestors, and itself.
  await sql`insert into org_closure (ancestor_id, descendant_id, depth) select c.ancestor_id, o.id, c.depth + 1 from orgs o join org_closure c on c.descendant_id = o.parent_id where o.admin_code is null`.execute(db);
  await sql`insert into org_closure (ancestor_id, descendant_id, depth) select id, id, 0 from orgs where admin_code is null`.execute(db);
  // The state a database is in between bulk loads: statistics gathered and, on PostgreSQL, the visibility map
  // set by (auto)vacuum, without which an index-only scan still visits every table page.
  await sql.raw(dialectOf(db) === 'postgres' ? 'vacuum analyze' : 'analyze').execute(db);
  return { types: types.map((t) => t.name), campaigns: campaigns.map((c) => c.name) };
}

async function medianMs(run: () => Promise<unknown>): Promise<number> {
  await run(); // warm: page cache, prepared plans, JIT
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b)[Math.floor(repeats / 2)]!;
}

async function measure(target: DatabaseTarget, label: string): Promise<(string | number)[][]> {
  const db = openDatabase<any>(target) as Db;
  try {
    const loadStarted = performance.now();
    const { types, campaigns } = await buildCityYear(db);
    const loadS = (performance.now() - loadStarted) / 1000;
    const root = await db.selectFrom('orgs').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow();
    const requests = [...listIndicators('zh-CN').map((info) => ({ code: info.code })), ...reviewRequests(types, campaigns)];
    const report = () => computeIndicators(db, { orgId: root.id, ...yearPeriod(2024), requests, locale: 'zh-CN' });
    const values = await report();
    const count = values.find((v) => v.code === 'activities.count' && !v.where)!;
    const baseline = await medianMs(() => db.selectFrom('activities').select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum('participants').as('p')]).execute());
    const full = await medianMs(report);
    return [
      [`${label}: SELECT count(*), sum(participants) (baseline)`, 1, ms(baseline), '1.0×', ''],
      [`${label}: annual report`, requests.length, ms(full), `${(full / baseline).toFixed(1)}×`, `${count.value.toLocaleString('en')} / ${count.previous.toLocaleString('en')}; loaded in ${loadS.toFixed(0)} s`],
    ];
  } finally {
    await db.destroy();
  }
}

export default async function annualReport(): Promise<BenchReport> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kexie-annual-'));
  const rows: (string | number)[][] = [];
  const notes: string[] = [];
  try {
    rows.push(...(await measure({ databaseUrl: undefined, sqliteFile: path.join(dir, 'bench.sqlite') }, 'SQLite')));
    if (process.env.KEXIE_BENCH_SKIP_PG !== '1') {
      const server = await startPostgres();
      if (!server) notes.push('postgres: SKIPPED (no PostgreSQL binaries and no KEXIE_TEST_PG_URL)');
      else {
        const name = `kexie_bench_${randomBytes(5).toString('hex')}`;
        const admin = new pg.Client({ connectionString: server.url });
        await admin.connect();
        await admin.query(`create database ${name}`);
        const url = new URL(server.url);
        url.pathname = `/${name}`;
        try {
          rows.push(...(await measure({ databaseUrl: url.toString(), sqliteFile: '' }, 'PostgreSQL')));
          notes.push(`postgres server: ${server.description}`);
        } finally {
          await admin.query(`drop database if exists ${name} with (force)`);
          await admin.end();
          server.stop();
        }
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  notes.push(
    `data: ${activities2024.toLocaleString('en')} activities in 2024 and ${activities2023.toLocaleString('en')} in 2023 over the 13 counties and the city; ${(venueCount * visitDaysPerVenue).toLocaleString('en')} visit records; 600 trips, 100 touring stops, 500 outreach visits, 300 founded orgs`,
    `annual report = every registered indicator for 2024 with 2023 beside it plus the review's narrowed requests, one computeIndicators call; the last column is activities.count this year / last year`,
    `each time is the median of ${repeats} warm runs; ×baseline = time ÷ the bare count and sum over the same table in this run; target < 1 s on both databases`,
    `machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} at the end`,
  );
  return { title: 'annual report: every indicator over a synthetic city-year', columns: ['run', 'requests', 'ms', '×baseline', 'activities.count; load'], rows, notes };
}
