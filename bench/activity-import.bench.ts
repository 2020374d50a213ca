/**
 * A year of activity records from every county arrives as one spreadsheet:
 * 100,000 rows imported with full validation, by the same code the API and
 * `kexie import activities` run (read → check every row → batched writes in
 * one transaction). The baseline is exceljs streaming through the same file
 * and doing nothing with the rows: the import cannot be faster than reading.
 * Each measurement runs in a child process of its own, so its peak memory
 * (the kernel's high-water mark, VmHWM) is its own. Target: ≥ 20,000 rows/s
 * and < 500 MB peak.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import pg from 'pg';
import type { Db } from '../src/database.ts';
import { ensureActivityVocabularies } from '../src/modules/activities/index.ts';
import { activityBulkImporter } from '../src/modules/activities/activity.excel.ts';
import { ensureSeedOrgs } from '../src/modules/orgs/index.ts';
import { systemContext } from '../src/platform/context.ts';
import { openDatabase, type DatabaseTarget } from '../src/platform/db/connection.ts';
import { migrateToLatest } from '../src/platform/db/migrator.ts';
import { readImportFile, runImport } from '../src/platform/imports/import-pipeline.ts';
import { startPostgres } from '../test/helpers/throwaway-postgres.ts';
import type { BenchReport } from './measure.ts';

const rowCount = 100_000;
const thisFile = fileURLToPath(import.meta.url);

const header = ['活动名称', '活动类型', '主题活动', '开始日期', '结束日期', '所属县区', '活动地点', '主办单位', '合作单位', '受益人次', '形式', '数量', '备注'];
const counties = ['宛城区', '卧龙区', '南召县', '方城县科协', '西峡县', '镇平县', '411325', '淅川县', '社旗县', '唐河县', '新野县', '桐柏县', '邓州市', '南阳市科协'];
const types = ['讲座/报告会', '展览/展板', '竞赛', '培训', '科普电影放映', '科技咨询', '志愿服务', '参观开放'];
const campaigns = ['全国科普日', '科技活动周', null, null, null];

/** Writes the file as a county office would fill it: Excel date cells, a few partners, most optional cells filled. */
async function writeActivityFile(file: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const sheet = workbook.addWorksheet('科普活动');
  sheet.addRow(header).commit();
  for (let i = 0; i < rowCount; i++) {
    const start = new Date(Date.UTC(2024, 0, 1 + (i % 366)));
    const end = new Date(start.getTime() + (i % 3) * 86_400_000);
    sheet
      .addRow([
        `${types[i % types.length]!.split('/')[0]}进社区第${i + 1}期`,
        types[i % types.length],
        campaigns[i % campaigns.length],
        start,
        end,
        counties[i % counties.length],
        `文化活动中心${i % 40}号厅`,
        '县科协',
        i % 4 === 0 ? '县教育局、县第一高级中学；县农业农村局' : null,
        30 + (i % 970),
        i % 6 === 0 ? '线上' : '线下',
        1 + (i % 5),
        i % 10 === 0 ? '群众反响热烈，计划下季度再办一期' : null,
      ])
      .commit();
  }
  sheet.commit();
  await workbook.commit();
}

/** The kernel's record of this process's peak resident memory. */
function peakRssMb(): number {
  const line = fs.readFileSync('/proc/self/status', 'utf8').match(/^VmHWM:\s+(\d+) kB/m);
  return line ? Number(line[1]) / 1024 : process.memoryUsage().rss / 1024 / 1024;
}

interface ChildResult {
  rows: number;
  ms: number;
  peakMb: number;
  phases: Record<string, number>;
}

/** Baseline: stream every row through exceljs and keep nothing. */
async function readOnly(file: string): Promise<ChildResult> {
  const started = performance.now();
  let rows = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  for await (const worksheet of reader) {
    for await (const _row of worksheet) rows++;
    break;
  }
  return { rows: rows - 1, ms: performance.now() - started, peakMb: peakRssMb(), phases: {} };
}

/** The import as `kexie import activities` runs it, into a migrated, seeded, empty database. */
async function importAll(file: string, target: DatabaseTarget): Promise<ChildResult> {
  const db = openDatabase<any>(target) as Db;
  try {
    await migrateToLatest(db);
    const root = await ensureSeedOrgs(db);
    await ensureActivityVocabularies(db);
    const ctx = systemContext(db, root.id, 'bench-import');
    const started = performance.now();
    const rows = await readImportFile(activityBulkImporter, fs.readFileSync(file), ctx.locale);
    const read = performance.now();
    let writing = 0;
    const outcome = await runImport(ctx, activityBulkImporter, rows, {
      skipInvalid: false,
      onProgress: ({ phase }) => {
        if (phase === 'writing' && !writing) writing = performance.now();
      },
    });
    const done = performance.now();
    if (outcome.failure || outcome.imported !== rowCount) throw new Error(`import refused: ${JSON.stringify(outcome.failure)} ${JSON.stringify(outcome.errors.slice(0, 3))}`);
    const stored = await db.selectFrom('activities').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    if (Number(stored.n) !== rowCount) throw new Error(`${stored.n} activities stored, expected ${rowCount}`);
    return { rows: outcome.imported, ms: done - started, peakMb: peakRssMb(), phases: { read: read - started, check: writing - read, write: done - writing } };
  } finally {
    await db.destroy();
  }
}

/** Runs one measurement in a fresh process and reads the JSON line it prints. */
function inChild(args: string[]): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', thisFile, 'child', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code !== 0) return reject(new Error(`benchmark child ${args[0]} exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').at(-1)!) as ChildResult);
    });
  });
}

async function onPostgresDatabase<T>(adminUrl: string, run: (url: string) => Promise<T>): Promise<T> {
  const name = `kexie_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    return await run(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

const perSecond = (result: ChildResult) => Math.round(result.rows / (result.ms / 1000));
const seconds = (ms: number) => (ms / 1000).toFixed(2);

export default async function activityImportBench(): Promise<BenchReport> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kexie-activity-bench-'));
  const file = path.join(dir, 'activities.xlsx');
  const rows: BenchReport['rows'] = [];
  const notes: string[] = [];
  try {
    await writeActivityFile(file);
    notes.push(`file: ${rowCount.toLocaleString('en')} rows × ${header.length} columns, ${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MB`);
    const baseline = await inChild(['read', file]);
    const row = (what: string, result: ChildResult) => [
      what,
      result.rows,
      seconds(result.ms),
      perSecond(result).toLocaleString('en'),
      result.phases.read === undefined ? '' : `${seconds(result.phases.read!)} / ${seconds(result.phases.check!)} / ${seconds(result.phases.write!)}`,
      `${(result.ms / baseline.ms).toFixed(2)}×`,
      Math.round(result.peakMb),
    ];
    rows.push(row('exceljs stream read (baseline)', baseline));

    rows.push(row('import, SQLite', await inChild(['import', file, JSON.stringify({ databaseUrl: undefined, sqliteFile: path.join(dir, 'bench.sqlite') })])));

    const server = await startPostgres();
    if (server) {
      try {
        const result = await onPostgresDatabase(server.url, (url) => inChild(['import', file, JSON.stringify({ databaseUrl: url, sqliteFile: '' })]));
        rows.push(row('import, PostgreSQL', result));
        notes.push(`postgres server: ${server.description}`);
      } finally {
        server.stop();
      }
    } else {
      notes.push('postgres: SKIPPED (no PostgreSQL binaries and no KEXIE_TEST_PG_URL)');
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  notes.push(
    'import = readImportFile + runImport with the command line’s importer (every row checked: county, type, campaign, dates, counts, duplicates in the file and in the database; then batched inserts in one transaction)',
    'read / check / write = the import’s phases; ×baseline = import time ÷ exceljs reading the same file; peak = the child process’s VmHWM',
    'target: ≥ 20,000 rows/s and < 500 MB peak',
    `machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} at the end (other work slows every row alike, the baseline included)`,
  );
  return { title: `activity import: ${rowCount.toLocaleString('en')} rows from Excel`, columns: ['run', 'rows', 's', 'rows/s', 'read / check / write s', '×baseline', 'peak MB'], rows, notes };
}

if (process.argv[1] === thisFile && process.argv[2] === 'child') {
  const [, , , mode, file, target] = process.argv;
  const run = mode === 'read' ? readOnly(file!) : importAll(file!, JSON.parse(target!) as DatabaseTarget);
  run.then(
    (result) => {
      console.log(JSON.stringify(result));
      process.exit(0);
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
