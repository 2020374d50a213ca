#!/usr/bin/env node
// `npm test`: type-check, then run every test. Database and HTTP tests run
// twice, on SQLite and on a throwaway PostgreSQL cluster this script starts in
// a temporary directory on a free port and removes afterwards. Set
// KEXIE_TEST_PG_URL to use an existing server instead. A tier that cannot run
// here is reported loudly; under CI (CI=true) a missing tier fails the run.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const isRoot = process.getuid?.() === 0;
const inCi = process.env.CI === 'true' || process.env.CI === '1';
const extraArgs = process.argv.slice(2);

function banner(text) {
  const line = '!'.repeat(Math.min(100, text.length + 8));
  console.error(`\n${line}\n!!! ${text}\n${line}\n`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  return result.status ?? 1;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function findPostgresBin() {
  if (process.env.KEXIE_PG_BIN) return process.env.KEXIE_PG_BIN;
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return undefined;
  const versions = fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb')));
  versions.sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(base, versions[0], 'bin') : undefined;
}

/** Starts a disposable cluster; the server refuses to run as root, so it runs as `postgres` then. */
async function startThrowawayPostgres(pgBin) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kexie-pg-'));
  const asServerUser = (command, args) => (isRoot ? run('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'ignore' }) : run(command, args, { stdio: 'ignore' }));
  if (isRoot) run('chown', ['postgres:postgres', dir]);
  const port = await freePort();
  const data = path.join(dir, 'data');
  if (asServerUser(path.join(pgBin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']) !== 0) {
    throw new Error('initdb failed');
  }
  // Durability is off because the cluster is deleted after the run; never do this for real data.
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  if (asServerUser(path.join(pgBin, 'pg_ctl'), ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-o', serverOptions, 'start']) !== 0) {
    throw new Error(`pg_ctl start failed; see ${path.join(dir, 'server.log')}`);
  }
  const stop = () => {
    asServerUser(path.join(pgBin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
}

async function main() {
  console.log('== type check (tsc --noEmit)');
  if (run(bin('tsc'), ['--noEmit', '-p', root]) !== 0) {
    console.log('\ntests: 0 passed, 1 failed');
    return 1;
  }

  const tiers = [];
  let pgUrl = process.env.KEXIE_TEST_PG_URL;
  let stopPostgres = () => {};
  if (!pgUrl) {
    const pgBin = findPostgresBin();
    if (pgBin) {
      const started = await startThrowawayPostgres(pgBin);
      pgUrl = started.url;
      stopPostgres = started.stop;
      console.log(`== throwaway PostgreSQL (${pgBin}) at ${pgUrl}`);
    } else {
      banner('SKIPPED TIER: PostgreSQL — no PostgreSQL server binaries found (install postgresql, or set KEXIE_TEST_PG_URL). Database tests run on SQLite only.');
      if (inCi) {
        console.log('\ntests: 0 passed, 1 failed');
        return 1;
      }
    }
  }
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => { stopPostgres(); process.exit(130); });

  fs.mkdirSync(path.join(root, 'artifacts'), { recursive: true });
  const report = path.join(root, 'artifacts', 'vitest-report.json');
  const projects = pgUrl ? ['sqlite', 'postgres'] : ['sqlite'];
  tiers.push(...projects.map((p) => `database tests on ${p}`));
  console.log(`== vitest: ${tiers.join(', ')}`);
  let status;
  try {
    status = await new Promise((resolve) => {
      const child = spawn(
        bin('vitest'),
        ['run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extraArgs],
        { stdio: 'inherit', cwd: root, env: { ...process.env, ...(pgUrl ? { KEXIE_TEST_PG_URL: pgUrl } : {}) } },
      );
      child.on('exit', (code) => resolve(code ?? 1));
    });
  } finally {
    stopPostgres();
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
