// `npm test`: provide what the machine lacks, type-check, then run every test.
// On Debian as root the missing system packages (PostgreSQL server, Chromium,
// CJK fonts, Java, LibreOffice Calc and Writer, pdftotext) are installed first;
// elsewhere the tiers that need them are skipped loudly. Database and HTTP tests run
// twice, on SQLite and on a throwaway PostgreSQL cluster this script starts in
// a temporary directory on a free port and removes afterwards. Set
// KEXIE_TEST_PG_URL to use an existing server instead. Then the browser tier
// (test/e2e: a real server and Debian's Chromium) runs once. A tier that cannot
// run here is reported loudly; under CI (CI=true) a missing tier fails the run.
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPostgres } from './helpers/throwaway-postgres.ts';
import { browserShortfalls, describeShortfall, officeShortfalls, postgresShortfalls, type Shortfall } from './helpers/requirements.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const inCi = process.env.CI === 'true' || process.env.CI === '1';
const extraArgs = process.argv.slice(2);

function banner(text: string) {
  const line = '!'.repeat(Math.min(100, text.length + 8));
  console.error(`\n${line}\n!!! ${text}\n${line}\n`);
}

function run(command: string, args: string[], options: SpawnSyncOptions = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  return result.status ?? 1;
}

/**
 * Runs a command with its output held back and printed whole once it exits,
 * so that commands run at once (each tsc keeps one core busy) do not
 * interleave their lines.
 */
function runQuietly(command: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('error', (err) => {
      console.error(`${command}: ${err.message}`);
      resolve(1);
    });
    child.on('close', (code) => {
      process.stdout.write(Buffer.concat(output));
      resolve(code ?? 1);
    });
  });
}

interface VitestCounts {
  passed: number;
  failed: number;
  skipped: number;
  total: number;
}

/**
 * One Vitest run of these projects with a JSON report beside the usual output.
 * Errors outside any test (an unhandled rejection, a crashed worker) count as one failure.
 */
async function runVitest(projects: string[], reportName: string, env: NodeJS.ProcessEnv = {}): Promise<VitestCounts> {
  const report = path.join(root, 'artifacts', reportName);
  fs.rmSync(report, { force: true });
  // A filter (`npm test -- test/http/orgs.test.ts`) may match nothing in one of the runs; the total is checked at the end.
  const filtered = extraArgs.length > 0 ? ['--passWithNoTests'] : [];
  const status = await new Promise<number>((resolve) => {
    const child = spawn(
      bin('vitest'),
      ['run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...filtered, ...extraArgs],
      { stdio: 'inherit', cwd: root, env: { ...process.env, ...env } },
    );
    child.on('exit', (code) => resolve(code ?? 1));
  });
  if (!fs.existsSync(report)) return { passed: 0, failed: 1, skipped: 0, total: 0 };
  const result = JSON.parse(fs.readFileSync(report, 'utf8'));
  const outsideTests = status !== 0 && result.numFailedTests === 0 ? 1 : 0;
  if (outsideTests) console.log('vitest reported errors outside the tests (see above)');
  return {
    passed: result.numPassedTests,
    failed: result.numFailedTests + outsideTests,
    skipped: result.numPendingTests + result.numTodoTests,
    total: result.numTotalTests,
  };
}

/** `fonts-noto-cjk (fc-list :lang=zh lists no font). Install with: apt-get install fonts-noto-cjk` */
const whatToInstall = (shortfalls: Shortfall[]) =>
  `${shortfalls.map(describeShortfall).join('; ')}. Install with: apt-get install ${[...new Set(shortfalls.map((s) => s.debianPackage))].join(' ')}`;

/** Why `apt-get install` cannot run here, or undefined when it can. */
function whyNotInstalling(): string | undefined {
  if (process.env.KEXIE_TEST_NO_INSTALL === '1') return 'KEXIE_TEST_NO_INSTALL=1 is set';
  if (!fs.existsSync('/etc/debian_version')) return 'this is not a Debian system';
  if (process.getuid?.() !== 0) return 'not running as root';
  if (spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).error) return 'there is no apt-get';
  return undefined;
}

/**
 * Installs the system packages the tiers need and the machine lacks: one
 * `apt-get update`, then one `apt-get install`, saying what and why. When it
 * cannot (or apt-get fails, e.g. offline) it says so, and each tier still
 * missing something is reported as skipped further on.
 */
function provideSystemPackages(): void {
  const needs = [
    { what: 'the PostgreSQL test tier', shortfalls: postgresShortfalls() },
    { what: 'the browser test tier', shortfalls: browserShortfalls() },
    { what: 'the office round trips (spreadsheets from CSV, the review as PDF)', shortfalls: officeShortfalls() },
  ].filter((need) => need.shortfalls.length > 0);
  if (needs.length === 0) {
    console.log('== system packages: PostgreSQL server, Chromium, CJK fonts, Java, LibreOffice Calc and Writer, pdftotext all present');
    return;
  }
  console.log('== system packages missing');
  for (const need of needs) console.log(`  for ${need.what}: ${need.shortfalls.map(describeShortfall).join('; ')}`);
  const packages = [...new Set(needs.flatMap((need) => need.shortfalls.map((s) => s.debianPackage)))];
  const cannot = whyNotInstalling();
  if (cannot) {
    banner(`NOT INSTALLING system packages: ${cannot}. Missing ${whatToInstall(needs.flatMap((need) => need.shortfalls))}`);
    return;
  }
  console.log(`== apt-get install ${packages.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['update'], { env }) !== 0 || run('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { env }) !== 0) {
    banner(`apt-get could not install ${packages.join(' ')} (offline?)`);
  }
}

/** As root the throwaway cluster runs as the `postgres` OS user (PostgreSQL refuses root); Debian's package creates it, a KEXIE_PG_BIN elsewhere may not. */
function ensurePostgresOsUser(): void {
  if (process.getuid?.() !== 0 || process.env.KEXIE_TEST_PG_URL) return;
  // `id` exits 1 for a user that does not exist.
  if (spawnSync('id', ['-u', 'postgres'], { stdio: 'ignore' }).status !== 1) return;
  console.log('== creating the postgres OS user for the throwaway cluster');
  run('useradd', ['--system', '--home-dir', '/var/lib/postgresql', '--shell', '/bin/bash', 'postgres']);
}

const describeCounts = (c: VitestCounts) => `${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`;

async function main() {
  provideSystemPackages();
  ensurePostgresOsUser();
  let skippedTierFails = false;
  const missingForOffice = officeShortfalls();
  if (missingForOffice.length > 0) {
    banner(`SKIPPED: the LibreOffice and pdftotext round trips in the database tier — missing ${whatToInstall(missingForOffice)}`);
    skippedTierFails ||= inCi;
  }

  console.log('\n== type check (tsc --noEmit: server and admin console, at once)');
  const typeCheckStarted = Date.now();
  const typeChecks = await Promise.all([root, path.join(root, 'admin')].map((project) => runQuietly(bin('tsc'), ['--noEmit', '-p', project])));
  if (typeChecks.some((status) => status !== 0)) {
    console.log('\ntests: 0 passed, 1 failed');
    return 1;
  }
  const typeCheckSeconds = (Date.now() - typeCheckStarted) / 1000;
  fs.mkdirSync(path.join(root, 'artifacts'), { recursive: true });
  const tiers: { name: string; counts: VitestCounts; seconds: number }[] = [];

  const postgres = await startPostgres();
  if (postgres) {
    console.log(`== PostgreSQL: ${postgres.description}`);
  } else {
    banner('SKIPPED TIER: PostgreSQL — no PostgreSQL server binaries found (install postgresql, or set KEXIE_TEST_PG_URL). Database tests run on SQLite only.');
    skippedTierFails ||= inCi;
  }
  const pgUrl = postgres?.url;
  const projects = pgUrl ? ['sqlite', 'postgres'] : ['sqlite'];
  const databaseTiers = `unit and database tests on ${projects.join(' and ')}`;
  console.log(`== vitest: ${databaseTiers}`);
  let started = Date.now();
  try {
    const counts = await runVitest(projects, 'vitest-report.json', pgUrl ? { KEXIE_TEST_PG_URL: pgUrl } : {});
    tiers.push({ name: databaseTiers, counts, seconds: (Date.now() - started) / 1000 });
  } finally {
    postgres?.stop();
  }

  const missingForBrowsers = browserShortfalls();
  if (missingForBrowsers.length > 0) {
    banner(`SKIPPED TIER: browser tests (test/e2e) — missing ${whatToInstall(missingForBrowsers)}`);
    skippedTierFails ||= inCi;
  } else {
    console.log('\n== vitest: browser tests (test/e2e) in Chromium, once');
    started = Date.now();
    const counts = await runVitest(['e2e'], 'vitest-e2e-report.json');
    tiers.push({ name: 'browser tests (e2e)', counts, seconds: (Date.now() - started) / 1000 });
  }

  console.log('\n== tiers run');
  console.log(`  type check: passed (${typeCheckSeconds.toFixed(0)} s)`);
  for (const tier of tiers) console.log(`  ${tier.name}: ${describeCounts(tier.counts)} (${tier.seconds.toFixed(0)} s)`);
  const all = tiers.reduce<VitestCounts>(
    (sum, { counts }) => ({ passed: sum.passed + counts.passed, failed: sum.failed + counts.failed, skipped: sum.skipped + counts.skipped, total: sum.total + counts.total }),
    { passed: 0, failed: skippedTierFails ? 1 : 0, skipped: 0, total: 0 },
  );
  if (skippedTierFails) console.log('  a tier was skipped under CI: that counts as a failure');
  console.log(`\ntests: ${describeCounts(all)}`);
  return all.failed > 0 || all.total === 0 ? 1 : 0;
}

main().then(
  (status) => process.exit(status),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
