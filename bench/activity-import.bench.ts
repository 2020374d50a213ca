/**
 * A year of activity records from every county arrives as one spreadsheet:
 * 100,000 rows imported with full validation, by the same code
 * `kexie import activities` runs (the file streamed: each batch of rows read,
 * checked and written in one transaction while the next is read). The
 * baseline is exceljs streaming through the same file and doing nothing with
 * the rows; beside it, kexie's own reader alone (rows parsed into values, no
 * database). Each measurement runs in a process of its own, so its peak
 * memory (the kernel's high-water mark, VmHWM) is its own; the last rows run
 * the command itself. Target: ≥ 20,000 rows/s and < 500 MB peak.
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
import { importFromFile, streamImportFile } from '../src/platform/imports/import-pipeline.ts';
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

/** The kernel's record of a process's peak resident memory. */
function peakRssMb(pid: number | 'self' = 'self'): number | undefined {
  try {
    const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmHWM:\s+(\d+) kB/m);
    return line ? Number(line[1]) / 1024 : undefined;
  } catch {
    return undefined; // the process has just ended
  }
}

interface ChildResult {
  rows: number;
  ms: number;
  peakMb: number;
  /** The process's own CPU time (user + system): less swayed by other work on the machine than wall time. */
  cpuMs?: number;
}

function measured(rows: number, started: number, cpu: NodeJS.CpuUsage): ChildResult {
  const used = process.cpuUsage(cpu);
  return { rows, ms: performance.now() - started, peakMb: peakRssMb() ?? process.memoryUsage().rss / 1024 / 1024, cpuMs: (used.user + used.system) / 1000 };
}

/** Baseline: stream every row through exceljs and keep nothing. */
async function exceljsReadOnly(file: string): Promise<ChildResult> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  let rows = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  for await (const worksheet of reader) {
    for await (const _row of worksheet) rows++;
    break;
  }
  return measured(rows - 1, started, cpu);
}

/** kexie's reader alone: every row read and its cells parsed (dates, counts, choices), nothing kept, no database. */
async function kexieReadOnly(file: string): Promise<ChildResult> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  let rows = 0;
  for await (const batch of streamImportFile(activityBulkImporter, fs.readFileSync(file), 'zh-CN')) rows += batch.length;
  return measured(rows, started, cpu);
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
    const cpu = process.cpuUsage();
    const outcome = await importFromFile(ctx, activityBulkImporter, fs.readFileSync(file), { dryRun: false, skipInvalid: false });
    const result = measured(outcome.imported, started, cpu);
    if (outcome.failure || outcome.imported !== rowCount) throw new Error(`import refused: ${JSON.stringify(outcome.failure)} ${JSON.stringify(outcome.errors.slice(0, 3))}`);
    const stored = await db.selectFrom('activities').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    if (Number(stored.n) !== rowCount) throw new Error(`${stored.n} activities stored, expected ${rowCount}`);
    return result;
  } finally {
    await db.destroy();
  }
}

const kexieBin = fileURLToPath(new URL('../bin/kexie.mjs', import.meta.url));

/** Runs `kexie ARGS` on its own data directory, watching its peak memory from outside until it exits. */
function runKexie(args: string[], dataDir: string): Promise<{ ms: number; peakMb: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [kexieBin, ...args], { env: { ...process.env, KEXIE_DATA_DIR: dataDir, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let peakMb = 0;
    let stdout = '';
    let stderr = '';
    const watch = setInterval(() => (peakMb = Math.max(peakMb, peakRssMb(child.pid!) ?? 0)), 20);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      clearInterval(watch);
      if (code !== 0) return reject(new Error(`kexie ${args.join(' ')} exited with ${code}: ${stderr}`));
      resolve({ ms: performance.now() - started, peakMb, stdout });
    });
  });
}

/** The command itself on SQLite, process start to exit, with its peak memory. */
async function commandLine(file: string, dir: string, dryRun: boolean): Promise<ChildResult> {
  const dataDir = fs.mkdtempSync(path.join(dir, 'cli-'));
  await runKexie(['migrate'], dataDir);
  const { ms, peakMb, stdout } = await runKexie(['import', 'activities', file, ...(dryRun ? ['--dry-run'] : [])], dataDir);
  if (!stdout.includes(rowCount.toString())) throw new Error(`unexpected output: ${stdout}`);
  return { rows: rowCount, ms, peakMb };
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

/** Runs of each measurement; the median time is reported (with the highest peak), so one run slowed by other work on the machine does not decide the figure. */
const repeats = Number(process.env.KEXIE_BENCH_REPEATS ?? 3);

async function median(measure: () => Promise<ChildResult>): Promise<ChildResult> {
  const results: ChildResult[] = [];
  for (let i = 0; i < repeats; i++) results.push(await measure());
  const middle = [...results].sort((a, b) => a.ms - b.ms)[Math.floor(results.length / 2)]!;
  return { ...middle, peakMb: Math.max(...results.map((r) => r.peakMb)) };
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
    const baseline = await median(() => inChild(['exceljs-read', file]));
    const row = (what: string, result: ChildResult) => [
      what,
      result.rows,
      seconds(result.ms),
      perSecond(result).toLocaleString('en'),
      `${(result.ms / baseline.ms).toFixed(2)}×`,
      result.cpuMs === undefined ? '' : seconds(result.cpuMs),
      Math.round(result.peakMb),
    ];
    rows.push(row('exceljs stream read (baseline)', baseline));
    rows.push(row('kexie reader, read only', await median(() => inChild(['kexie-read', file]))));
    rows.push(row('import, SQLite', await median(() => inChild(['import', file, JSON.stringify({ databaseUrl: undefined, sqliteFile: path.join(dir, `bench-${randomBytes(4).toString('hex')}.sqlite`) })]))));

    const server = await startPostgres();
    if (server) {
      try {
        const result = await median(() => onPostgresDatabase(server.url, (url) => inChild(['import', file, JSON.stringify({ databaseUrl: url, sqliteFile: '' })])));
        rows.push(row('import, PostgreSQL', result));
        notes.push(`postgres server: ${server.description}`);
      } finally {
        server.stop();
      }
    } else {
      notes.push('postgres: SKIPPED (no PostgreSQL binaries and no KEXIE_TEST_PG_URL)');
    }
    rows.push(row('kexie import activities (SQLite)', await median(() => commandLine(file, dir, false))));
    rows.push(row('kexie import activities --dry-run', await median(() => commandLine(file, dir, true))));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  notes.push(
    'import = the command line’s streamed import (every row checked: county, type, campaign, dates, counts, duplicates in the file and in the database; batches written in one transaction while the next is read); kexie import activities = the command as a process, start to exit, including loading the code and opening the database',
    `each figure is the median of ${repeats} runs; ×baseline = time ÷ exceljs reading the same file in this run; CPU s = the process’s own CPU time (PostgreSQL’s server work is not in it); peak = the process’s VmHWM, the highest of the runs`,
    'target: ≥ 20,000 rows/s and < 500 MB peak',
    `machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} at the end (other work slows every row alike, the baseline included)`,
  );
  return { title: `activity import: ${rowCount.toLocaleString('en')} rows from Excel`, columns: ['run', 'rows', 's', 'rows/s', '×baseline', 'CPU s', 'peak MB'], rows, notes };
}

if (process.argv[1] === thisFile && process.argv[2] === 'child') {
  const [, , , mode, file, target] = process.argv;
  const run = mode === 'exceljs-read' ? exceljsReadOnly(file!) : mode === 'kexie-read' ? kexieReadOnly(file!) : importAll(file!, JSON.parse(target!) as DatabaseTarget);
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
