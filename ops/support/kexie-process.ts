/**
 * A kexie server as operators run it: `node bin/kexie.mjs serve` in a process
 * of its own, configured only through the environment, listening on a free
 * loopback port, on a database in a temporary directory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseTarget } from '../../src/platform/db/connection.ts';
import { startPostgres, type PostgresServer } from '../../test/helpers/throwaway-postgres.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const kexieBin = path.join(projectRoot, 'bin/kexie.mjs');

/** The first start loads the demo (accounts, venues, slots, articles) and, with an admin console build to check, can take a while. */
const startDeadlineMs = 120_000;
const stopDeadlineMs = 20_000;

export type DatabaseKind = 'sqlite' | 'postgres';

/** A throwaway database and the directory for its server's files; `dispose` removes both. */
export interface ThrowawayDatabase {
  kind: DatabaseKind;
  target: DatabaseTarget;
  dir: string;
  describe: string;
  dispose(): void;
}

export async function createThrowawayDatabase(kind: DatabaseKind, purpose: string): Promise<ThrowawayDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `kexie-${purpose}-`));
  const sqliteFile = path.join(dir, 'kexie.sqlite');
  let postgres: PostgresServer | undefined;
  if (kind === 'postgres') {
    postgres = await startPostgres();
    if (!postgres) {
      fs.rmSync(dir, { recursive: true, force: true });
      throw new Error('no PostgreSQL binaries on this machine (set KEXIE_PG_BIN or KEXIE_TEST_PG_URL)');
    }
  }
  return {
    kind,
    target: { databaseUrl: postgres?.url, sqliteFile },
    dir,
    describe: postgres ? `PostgreSQL, ${postgres.description}` : `SQLite, ${sqliteFile}`,
    dispose() {
      postgres?.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every running server, so that an exit of this process for any reason takes them along. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export interface KexieProcess {
  baseUrl: string;
  pid: number;
  /** Stops the server cleanly (SIGTERM), or by force when it does not stop in time. */
  stop(): Promise<void>;
  /** SIGKILL: no shutdown hook runs, as when the machine loses power or the OOM killer strikes. */
  kill(): Promise<void>;
  /** The server's output so far, for the report when something goes wrong. */
  output(): string;
}

/**
 * Starts the server on `database` and resolves once it listens. `demo` loads
 * the demo data set into an empty database (a later start on the same
 * database skips it). Logs only warnings: the request log of a load run
 * would cost more than the requests.
 */
export function startKexie(database: ThrowawayDatabase, options: { demo: boolean; env?: Record<string, string> }): Promise<KexieProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    KEXIE_DATA_DIR: database.dir,
    KEXIE_SQLITE_FILE: database.target.sqliteFile,
    KEXIE_MEDIA_DIR: path.join(database.dir, 'media'),
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  if (database.target.databaseUrl) env.DATABASE_URL = database.target.databaseUrl;
  else delete env.DATABASE_URL;

  const child = spawn(process.execPath, [kexieBin, 'serve', ...(options.demo ? ['--demo'] : [])], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      running.delete(child);
      resolve();
    }),
  );
  const waitForExit = async (signal: NodeJS.Signals, deadlineMs: number) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), deadlineMs);
    await exited;
    clearTimeout(timer);
  };

  return new Promise((resolve, reject) => {
    const giveUp = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`kexie did not start within ${startDeadlineMs / 1000} s:\n${output}`));
    }, startDeadlineMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const listening = output.match(/kexie is running at http:\/\/[^:\s]+:(\d+)/);
      if (!listening) return;
      clearTimeout(giveUp);
      child.stdout!.off('data', onData);
      child.stdout!.on('data', (more: Buffer) => (output += more.toString()));
      resolve({
        baseUrl: `http://127.0.0.1:${listening[1]}`,
        pid: child.pid!,
        stop: () => waitForExit('SIGTERM', stopDeadlineMs),
        kill: () => waitForExit('SIGKILL', stopDeadlineMs),
        output: () => output,
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code, signal) => {
      clearTimeout(giveUp);
      reject(new Error(`kexie exited (${signal ?? code}) before it listened:\n${output}`));
    });
  });
}

/** Runs `work` on a fresh throwaway database and removes it afterwards, whatever happens. */
export async function withThrowawayDatabase<T>(kind: DatabaseKind, purpose: string, work: (database: ThrowawayDatabase) => Promise<T>): Promise<T> {
  const database = await createThrowawayDatabase(kind, purpose);
  try {
    return await work(database);
  } finally {
    database.dispose();
  }
}
