// `npm test`: type-check, then run every test. Database and HTTP tests run
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
import { missingBrowserRequirements } from './e2e/support/requirements.ts';

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

const describeCounts = (c: VitestCounts) => `${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`;

async function main() {
  console.log('== type check (tsc --noEmit: server, then admin console)');
  if (run(bin('tsc'), ['--noEmit', '-p', root]) !== 0 || run(bin('tsc'), ['--noEmit', '-p', path.join(root, 'admin')]) !== 0) {
    console.log('\ntests: 0 passed, 1 failed');
    return 1;
  }
  fs.mkdirSync(path.join(root, 'artifacts'), { recursive: true });
  const tiers: { name: string; counts: VitestCounts; seconds: number }[] = [];
  let skippedTierFails = false;

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

  const missingForBrowsers = missingBrowserRequirements();
  if (missingForBrowsers.length > 0) {
    banner(`SKIPPED TIER: browser tests (test/e2e) — missing ${missingForBrowsers.join('; ')}. Install with: apt-get install chromium fonts-noto-cjk`);
    skippedTierFails ||= inCi;
  } else {
    console.log('\n== vitest: browser tests (test/e2e) in Chromium, once');
    started = Date.now();
    const counts = await runVitest(['e2e'], 'vitest-e2e-report.json');
    tiers.push({ name: 'browser tests (e2e)', counts, seconds: (Date.now() - started) / 1000 });
  }

  console.log('\n== tiers run');
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
