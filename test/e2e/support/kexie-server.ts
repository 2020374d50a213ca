/**
 * A real kexie server for browser tests and the bundle benchmark: the
 * `kexie serve --demo` command a person runs, in its own process, on a free
 * port of 127.0.0.1, over a fresh SQLite database in a temporary directory that
 * is deleted when the server stops. Given a demo data directory made once by
 * `prepareDemoDataDir`, each server starts on its own copy of it instead of
 * loading the demo again (seconds per server, the same data).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The demo accounts' password; set explicitly so a developer's own KEXIE_DEMO_PASSWORD cannot change it. */
export const demoPassword = 'kexie-demo-2024';

export interface KexieServer {
  /** e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  /** Everything the server printed so far, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

/** Whether this process may start servers at low priority and raise them again later: root on Linux. */
export const canRaisePriority = process.platform === 'linux' && process.getuid?.() === 0;

/**
 * The CPU priority of a server started in the background: the lowest, so that
 * starting takes only what running tests leave idle, until raised to the
 * normal one — at any moment, whether the server is still starting or not.
 */
export class BackgroundPriority {
  private pid: number | undefined;
  private raised = false;

  /** Called with the server's process once it exists. */
  attach(pid: number): void {
    this.pid = pid;
    // Threads the server starts from here on inherit the priority.
    if (!this.raised) os.setPriority(pid, os.constants.priority.PRIORITY_LOW);
  }

  /** Every thread of the server back to normal priority (lowering a nice value needs root, as under CI). */
  raise(): void {
    this.raised = true;
    if (this.pid === undefined) return;
    // On Linux a nice value is per thread. A thread (or the server) gone meanwhile needs nothing.
    const threads = fs.existsSync(`/proc/${this.pid}/task`) ? fs.readdirSync(`/proc/${this.pid}/task`) : [];
    for (const thread of threads) {
      try {
        os.setPriority(Number(thread), os.constants.priority.PRIORITY_NORMAL);
      } catch (err) {
        if ((err as { info?: { code?: string } }).info?.code !== 'ESRCH') throw err;
      }
    }
  }
}

const startTimeoutMs = 60_000;

/** The environment of a kexie process on its own data directory, whatever the developer's shell points at. */
function kexieEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', PORT: '0', KEXIE_DATA_DIR: dataDir, KEXIE_DEMO_PASSWORD: demoPassword, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.KEXIE_SQLITE_FILE;
  delete env.KEXIE_MEDIA_DIR;
  // As `npm start` runs: not in Vitest's NODE_ENV=test (with which a rebuild of the console would bundle React's development build).
  delete env.NODE_ENV;
  return env;
}

/**
 * Loads the demo data set once into a new data directory (database and media
 * files) with `kexie demo`, for servers to start from copies of it. Its demo
 * dates that count from today (upcoming activities, bookable slots) are as of
 * the run.
 */
export async function prepareDemoDataDir(): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kexie-e2e-demo-'));
  const child = spawn(process.execPath, [path.join(root, 'bin/kexie.mjs'), 'demo'], { cwd: root, env: kexieEnv(dataDir), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`kexie demo exited with code ${code}:\n${output}`);
  }
  return dataDir;
}

/**
 * demoDataDir: start on a copy of it; onOutput: also hand each piece of the
 * server's output here (e.g. to a log file another process reads);
 * background: start at low priority until it is raised.
 */
export async function startKexieServer(options: { demoDataDir?: string; onOutput?: (text: string) => void; background?: BackgroundPriority } = {}): Promise<KexieServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kexie-e2e-'));
  // `serve --demo` finds the demo already there and loads nothing.
  if (options.demoDataDir) fs.cpSync(options.demoDataDir, dataDir, { recursive: true });
  const env = { ...kexieEnv(dataDir), KEXIE_E2E_REMOVE_ON_EXIT: dataDir };

  // A server not stopped by the test process (a spare no file took, a worker cut short) goes with it: see exit-with-parent.mjs.
  const exitWithParent = path.join(root, 'test/e2e/support/exit-with-parent.mjs');
  const child = spawn(process.execPath, ['--import', exitWithParent, path.join(root, 'bin/kexie.mjs'), 'serve', '--demo'], { cwd: root, env, stdio: ['pipe', 'pipe', 'pipe'] });
  options.background?.attach(child.pid!);
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`kexie did not start within ${startTimeoutMs / 1000} s:\n${output}`)), startTimeoutMs);
    const collect = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      options.onOutput?.(text);
      // serve prints "kexie is running at http://localhost:<port>" once it listens.
      const port = /kexie is running at http:\/\/[^:\s]+:(\d+)/.exec(output)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${port}`);
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`kexie exited with code ${code} before listening:\n${output}`));
    });
  }).catch(async (err: unknown) => {
    child.kill('SIGKILL');
    await exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  });

  return {
    baseUrl,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killLater = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(killLater);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
