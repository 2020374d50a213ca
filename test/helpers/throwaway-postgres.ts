/**
 * A PostgreSQL server for a test or benchmark run: the one named by
 * KEXIE_TEST_PG_URL if set, else a disposable cluster in a temporary
 * directory on a free port, removed afterwards.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface PostgresServer {
  /** An administrative URL (database `postgres`); tests and benchmarks create their own databases on it. */
  url: string;
  /** Where it came from, for the report. */
  description: string;
  stop(): void;
}

const isRoot = process.getuid?.() === 0;

/** Where the server binaries are: KEXIE_PG_BIN, else the newest /usr/lib/postgresql/<version>/bin. */
export function findPostgresBin(): string | undefined {
  if (process.env.KEXIE_PG_BIN) return process.env.KEXIE_PG_BIN;
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return undefined;
  const versions = fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb')));
  versions.sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(base, versions[0]!, 'bin') : undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The server refuses to run as root, so as root it runs as the `postgres` OS user. */
function asServerUser(command: string, args: string[]): number {
  const result = isRoot
    ? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'ignore' })
    : spawnSync(command, args, { stdio: 'ignore' });
  return result.status ?? 1;
}

/** Returns undefined when there is neither a URL nor PostgreSQL binaries on this machine. */
export async function startPostgres(): Promise<PostgresServer | undefined> {
  const given = process.env.KEXIE_TEST_PG_URL;
  if (given) {
    const url = new URL(given);
    return { url: given, description: `KEXIE_TEST_PG_URL (${url.hostname}:${url.port || 5432})`, stop() {} };
  }
  const pgBin = findPostgresBin();
  if (!pgBin) return undefined;

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kexie-bench-pg-'));
  if (isRoot) spawnSync('chown', ['postgres:postgres', dir]);
  const data = path.join(dir, 'data');
  const port = await freePort();
  if (asServerUser(path.join(pgBin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']) !== 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed (${pgBin})`);
  }
  // Durability off: the cluster is deleted after the run. Never do this for real data.
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  if (asServerUser(path.join(pgBin, 'pg_ctl'), ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-o', serverOptions, 'start']) !== 0) {
    throw new Error(`pg_ctl start failed; see ${path.join(dir, 'server.log')}`);
  }
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    asServerUser(path.join(pgBin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stop();
      process.exit(130);
    });
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, description: `throwaway cluster (${pgBin}, port ${port})`, stop };
}
