/**
 * Subtree queries must be fast on both databases: every screen a county user
 * opens is filtered to their org's subtree. This compares the closure table
 * the orgs module keeps (org_closure) with what a plain adjacency list would
 * do, a recursive CTE over orgs.parent_id, on a tree the size of a large city:
 * 1 city, 13 counties, 300 societies and enterprise associations per county,
 * 3 service stations under each of those (15,614 orgs).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import type { Db } from '../src/database.ts';
import { openDatabase, type DialectName } from '../src/platform/db/connection.ts';
import { migrateToLatest } from '../src/platform/db/migrator.ts';
import { nowIso } from '../src/platform/clock.ts';
import { newId } from '../src/platform/ids.ts';
import { ensureSeedOrgs, findOrgByCode, findOrgSubtree, inOrgSubtree, isOrgInSubtree, type OrgRow } from '../src/modules/orgs/index.ts';
import { comparePair, ms, type BenchReport } from './measure.ts';
import { startPostgres } from '../test/helpers/throwaway-postgres.ts';

const orgsPerCounty = 300;
const stationsPerOrg = 3;
/** The county timed alone; the city (its ancestor) is timed too. */
const countyCode = '411322'; // 方城县科协

const disciplines = ['农学', '林学', '畜牧兽医', '水利', '医学', '药学', '中医药', '护理', '计算机', '电子', '机械工程', '化工', '建筑', '气象', '地质', '测绘', '环境科学', '生态', '园艺', '植物保护', '土壤肥料', '蚕桑', '食品科学', '中药材', '科普作家', '青少年科技教育', '老科技工作者', '科技咨询', '金属', '汽车工程'];
const enterprises = ['牧原', '乐凯', '防爆电机', '二机', '仲景宛西', '天冠', '中光学', '新能源', '光电', '玉雕', '艾草', '香菇', '猕猴桃', '纺织', '石油机械'];

type NewOrg = Omit<OrgRow, 'created_at' | 'updated_at'>;

/** Societies and enterprise associations under each county, stations under each of those; closure rows alongside. */
function growTree(root: OrgRow, counties: OrgRow[]) {
  const orgs: NewOrg[] = [];
  const closure: { ancestor_id: string; descendant_id: string; depth: number }[] = [];
  const add = (org: NewOrg, ancestors: string[]) => {
    orgs.push(org);
    closure.push({ ancestor_id: org.id, descendant_id: org.id, depth: 0 });
    ancestors.forEach((ancestorId, i) => closure.push({ ancestor_id: ancestorId, descendant_id: org.id, depth: ancestors.length - i }));
  };
  let serial = 0;
  for (const county of counties) {
    const place = county.short_name ?? county.name.replace(/科协$/, '');
    for (let i = 0; i < orgsPerCounty; i++) {
      const isSociety = i % 2 === 0;
      const round = Math.floor(i / 2 / (isSociety ? disciplines.length : enterprises.length));
      const stem = isSociety ? `${disciplines[(i / 2) % disciplines.length]}学会` : `${enterprises[((i - 1) / 2) % enterprises.length]}企业科协`;
      const name = `${place}${stem}${round ? `（第${round + 1}分会）` : ''}`;
      const year = 1980 + (serial++ % 45);
      const member: NewOrg = {
        id: newId(), name, short_name: null, type: isSociety ? 'society' : 'enterprise_association', parent_id: county.id,
        admin_code: null, founded_on: `${year}-0${1 + (serial % 9)}-1${serial % 10}`, status: serial % 17 === 0 ? 'disabled' : 'active',
      };
      add(member, [root.id, county.id]);
      for (let s = 1; s <= stationsPerOrg; s++) {
        add({ id: newId(), name: `${name}服务站${s}`, short_name: null, type: 'service_station', parent_id: member.id, admin_code: null, founded_on: null, status: 'active' }, [root.id, county.id, member.id]);
      }
    }
  }
  return { orgs, closure };
}

async function insertInBatches<T>(rows: T[], batchSize: number, insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += batchSize) await insert(rows.slice(i, i + batchSize));
}

/** Seeds the real tree (city + 13 counties) through the orgs module, then bulk-inserts the rest. */
async function buildLargeTree(db: Db) {
  const root = await ensureSeedOrgs(db);
  const county = await findOrgByCode(db, countyCode);
  if (!county) throw new Error(`seed has no county ${countyCode}`);
  const counties = (await findOrgSubtree(db, root.id)).filter((o) => o.depth === 1);
  const { orgs, closure } = growTree(root, counties);
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    // 10 and 3 bound parameters a row: well inside both databases' per-statement limits.
    await insertInBatches(orgs, 500, (batch) => trx.insertInto('orgs').values(batch.map((o) => ({ ...o, created_at: now, updated_at: now }))).execute());
    await insertInBatches(closure, 2000, (batch) => trx.insertInto('org_closure').values(batch).execute());
  });
  // Fresh statistics, as autovacuum (PostgreSQL) or `PRAGMA optimize` (SQLite) would give a live database.
  await sql`analyze`.execute(db);
  const station = orgs.find((o) => o.type === 'service_station' && o.parent_id !== null && o.name.startsWith(county.short_name ?? county.name));
  const count = async (table: 'orgs' | 'org_closure') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { root, county, station: station!, orgCount: await count('orgs'), closureRows: await count('org_closure') };
}

/** The adjacency-list baseline: walk parent_id down from the root on every query. */
const cte = {
  subtree: (db: Db, rootId: string) =>
    sql<OrgRow & { depth: number }>`
      with recursive subtree (id, depth) as (
        select id, 0 from orgs where id = ${rootId}
        union all
        select orgs.id, subtree.depth + 1 from orgs join subtree on orgs.parent_id = subtree.id
      )
      select orgs.*, subtree.depth from subtree join orgs on orgs.id = subtree.id
      order by subtree.depth, orgs.admin_code is null, orgs.admin_code, orgs.name`.execute(db).then((r) => r.rows),
  countSocieties: (db: Db, rootId: string) =>
    sql<{ n: number }>`
      with recursive subtree (id) as (
        select id from orgs where id = ${rootId}
        union all
        select orgs.id from orgs join subtree on orgs.parent_id = subtree.id
      )
      select count(*) as n from orgs where type = 'society' and id in (select id from subtree)`.execute(db).then((r) => Number(r.rows[0]!.n)),
  isInSubtree: (db: Db, ancestorId: string, orgId: string) =>
    sql<{ hit: number }>`
      with recursive up (id, parent_id) as (
        select id, parent_id from orgs where id = ${orgId}
        union all
        select orgs.id, orgs.parent_id from orgs join up on orgs.id = up.parent_id
      )
      select 1 as hit from up where id = ${ancestorId}`.execute(db).then((r) => r.rows.length > 0),
};

/** What the app does: the orgs module's functions over org_closure. */
const closure = {
  subtree: (db: Db, rootId: string) => findOrgSubtree(db, rootId),
  countSocieties: (db: Db, rootId: string) =>
    db
      .selectFrom('orgs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('type', '=', 'society')
      .where(inOrgSubtree(rootId, 'orgs.id'))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n)),
  isInSubtree: (db: Db, ancestorId: string, orgId: string) => isOrgInSubtree(db, ancestorId, orgId),
};

/** A benchmark that compares different answers measures nothing: check once that both agree. */
function sameAnswer(label: string, a: unknown, b: unknown) {
  const key = (v: unknown) => (Array.isArray(v) ? `${v.length}:${v.map((r: { id: string }) => r.id).sort().join(',')}` : String(v));
  if (key(a) !== key(b)) throw new Error(`${label}: closure and recursive CTE disagree (${key(a).slice(0, 40)} vs ${key(b).slice(0, 40)})`);
}

async function benchDialect(dialect: DialectName, db: Db, rows: BenchReport['rows'], notes: string[]) {
  const started = Date.now();
  const tree = await buildLargeTree(db);
  const versionQuery = dialect === 'sqlite' ? sql<{ v: string }>`select sqlite_version() as v` : sql<{ v: string }>`select current_setting('server_version') as v`;
  const version = (await versionQuery.execute(db)).rows[0]!.v;
  notes.push(`${dialect} ${version}: ${tree.orgCount} orgs, ${tree.closureRows} closure rows, built in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const cases = [
    { query: 'subtree rows (findOrgSubtree)', root: tree.county, run: (impl: typeof closure) => impl.subtree(db, tree.county.id) },
    { query: 'subtree rows (findOrgSubtree)', root: tree.root, run: (impl: typeof closure) => impl.subtree(db, tree.root.id) },
    { query: 'scope filter: count societies (inOrgSubtree)', root: tree.county, run: (impl: typeof closure) => impl.countSocieties(db, tree.county.id) },
    { query: 'scope filter: count societies (inOrgSubtree)', root: tree.root, run: (impl: typeof closure) => impl.countSocieties(db, tree.root.id) },
    { query: 'one org in scope? (isOrgInSubtree)', root: tree.county, run: (impl: typeof closure) => impl.isInSubtree(db, tree.county.id, tree.station.id) },
    { query: 'one org in scope? (isOrgInSubtree)', root: tree.root, run: (impl: typeof closure) => impl.isInSubtree(db, tree.root.id, tree.station.id) },
  ];
  for (const c of cases) {
    const answer = await c.run(closure);
    sameAnswer(`${dialect} ${c.query} ${c.root.name}`, answer, await c.run(cte));
    const size = Array.isArray(answer) ? answer.length : answer;
    const timing = await comparePair(() => c.run(closure), () => c.run(cte));
    rows.push([
      dialect,
      c.query,
      c.root.type === 'city_association' ? 'city' : 'county',
      String(size),
      ms(timing.a.medianMs),
      ms(timing.a.p95Ms),
      ms(timing.b.medianMs),
      ms(timing.b.p95Ms),
      `${(timing.b.medianMs / timing.a.medianMs).toFixed(2)}×`,
    ]);
  }
}

export async function onSqlite(run: (db: Db) => Promise<void>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kexie-bench-'));
  // The same opening as the app: WAL, synchronous=NORMAL, foreign keys on.
  const db = openDatabase<any>({ databaseUrl: undefined, sqliteFile: path.join(dir, 'bench.sqlite') }) as Db;
  try {
    await migrateToLatest(db);
    await run(db);
  } finally {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function onPostgres(adminUrl: string, run: (db: Db) => Promise<void>) {
  const name = `kexie_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = openDatabase<any>({ databaseUrl: url.toString(), sqliteFile: '' }) as Db;
  try {
    await migrateToLatest(db);
    await run(db);
  } finally {
    await db.destroy();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

export default async function orgSubtreeBench(): Promise<BenchReport> {
  const rows: BenchReport['rows'] = [];
  const notes: string[] = [];

  await onSqlite((db) => benchDialect('sqlite', db, rows, notes));

  const server = await startPostgres();
  if (server) {
    try {
      notes.push(`postgres server: ${server.description}`);
      await onPostgres(server.url, (db) => benchDialect('postgres', db, rows, notes));
    } finally {
      server.stop();
    }
  } else {
    const line = '!'.repeat(96);
    console.error(`\n${line}\n!!! SKIPPED: PostgreSQL — no server binaries found (install postgresql, or set KEXIE_TEST_PG_URL / KEXIE_PG_BIN)\n${line}\n`);
    notes.push('postgres: SKIPPED (no PostgreSQL binaries and no KEXIE_TEST_PG_URL)');
  }

  notes.push(
    `county = ${countyCode} 方城县科协 (${1 + orgsPerCounty * (1 + stationsPerOrg)} orgs in its subtree); city = 南阳市科协 (the whole tree)`,
    'closure = the orgs module over org_closure (what the app runs); CTE = WITH RECURSIVE over orgs.parent_id (a plain adjacency list)',
    'CTE/closure = median of the CTE ÷ median of the closure query: above 1 means the closure table is faster',
  );
  return {
    title: 'org subtree: closure table vs recursive CTE',
    columns: ['dialect', 'query', 'root', 'result', 'closure median ms', 'closure p95 ms', 'CTE median ms', 'CTE p95 ms', 'CTE/closure'],
    rows,
    notes,
  };
}
