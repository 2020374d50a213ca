// `npm test`: type-check, then run every test. Database and HTTP tests run
// twice, on SQLite and on a throwaway PostgreSQL cluster this script starts in
// a temporary directory on a free port and removes afterwards. Set
// KEXIE_TEST_PG_URL to use an existing server instead. A tier that cannot run
// here is reported loudly; under CI (CI=true) a missing tier fails the run.
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPostgres } from './helpers/throwaway-postgres.ts';

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

async function main() {
  console.log('== type check (tsc --noEmit: server, then admin console)');
  if (run(bin('tsc'), ['--noEmit', '-p', root]) !== 0 || run(bin('tsc'), ['--noEmit', '-p', path.join(root, 'admin')]) !== 0) {
    console.log('\ntests: 0 passed, 1 failed');
    return 1;
  }

  const tiers: string[] = [];
  const postgres = await startPostgres();
  if (postgres) {
    console.log(`== PostgreSQL: ${postgres.description}`);
  } else {
    banner('SKIPPED TIER: PostgreSQL — no PostgreSQL server binaries found (install postgresql, or set KEXIE_TEST_PG_URL). Database tests run on SQLite only.');
    if (inCi) {
      console.log('\ntests: 0 passed, 1 failed');
      return 1;
    }
  }
  const pgUrl = postgres?.url;

  fs.mkdirSync(path.join(root, 'artifacts'), { recursive: true });
  const report = path.join(root, 'artifacts', 'vitest-report.json');
  fs.rmSync(report, { force: true });
  const projects = pgUrl ? ['sqlite', 'postgres'] : ['sqlite'];
  tiers.push(...projects.map((p) => `database tests on ${p}`));
  console.log(`== vitest: ${tiers.join(', ')}`);
  let status;
  try {
    status = await new Promise<number>((resolve) => {
      const child = spawn(
        bin('vitest'),
        ['run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extraArgs],
        { stdio: 'inherit', cwd: root, env: { ...process.env, ...(pgUrl ? { KEXIE_TEST_PG_URL: pgUrl } : {}) } },
      );
      child.on('exit', (code) => resolve(code ?? 1));
    });
  } finally {
    postgres?.stop();
  }

  if (fs.existsSync(report)) {
    const result = JSON.parse(fs.readFileSync(report, 'utf8'));
    console.log(`\n== tiers run: ${tiers.join('; ')}`);
    // Errors outside any test (an unhandled rejection, a crashed worker) fail the run too; count them as one failure.
    const failed = result.numFailedTests + (status !== 0 && result.numFailedTests === 0 ? 1 : 0);
    if (failed > result.numFailedTests) console.log('vitest reported errors outside the tests (see above)');
    console.log(`\ntests: ${result.numPassedTests} passed, ${failed} failed, ${result.numPendingTests + result.numTodoTests} skipped`);
    if (status === 0 && (result.numFailedTests > 0 || result.numTotalTests === 0)) status = 1;
  }
  return status;
}

main().then(
  (status) => process.exit(status),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
