import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseTarget } from '../../src/platform/db/connection.ts';
import type { CommandRequest, CommandResult } from './fixtures/command-host.ts';

/** Child processes run from the repository root, as an operator would run `npx kexie`. */
export const repoRoot = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));

/**
 * Every step is a child process with a second or two of start-up, more on a
 * loaded machine. Set per suite because the projects in vitest.config.ts do not
 * inherit its root testTimeout and run with Vitest's 5 s default.
 */
export const cliTestTimeouts = { timeout: 30_000 };
export const cliHookTimeoutMs = 60_000;

export interface FinishedProcess {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  durationMs: number;
}

/**
 * The environment that points a child process at `target`, and nowhere else:
 * an empty DATABASE_URL selects SQLite even if the parent has one set.
 * Messages are pinned to Chinese, the product's first language.
 */
export function kexieEnv(target: DatabaseTarget, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: target.databaseUrl ?? '', KEXIE_SQLITE_FILE: target.sqliteFile, KEXIE_MEDIA_DIR: mediaDir(), KEXIE_LOCALE: 'zh-CN', ...extra };
}

let testMediaDir: string | undefined;
/** Uploads made by child processes (the demo's pictures) go to a temporary folder, never the repository's ./data. */
function mediaDir(): string {
  if (!testMediaDir) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kexie-cli-media-'));
    process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    testMediaDir = dir;
  }
  return testMediaDir;
}

/** Starts `node <args>` from the repository root; a child that hangs is killed after a minute. */
export function spawnNode(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ['pipe', 'pipe', 'pipe'], timeout: 60_000 });
}

/** Collects a child's output until it exits. */
export function finished(child: ChildProcess): Promise<FinishedProcess> {
  const startedAt = performance.now();
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (exitCode) => resolve({ exitCode, stdout, stderr, durationMs: performance.now() - startedAt }));
  });
}

/**
 * Runs the real `kexie` command (bin/kexie.mjs) against `target` in a process
 * of its own and waits for it to exit. Each family of commands keeps at least
 * one test that does, so that the binary itself is tested; the others use
 * runKexieInHost.
 */
export function runKexie(target: DatabaseTarget, args: string[], extraEnv: Record<string, string> = {}): Promise<FinishedProcess> {
  return finished(spawnNode(['bin/kexie.mjs', ...args], kexieEnv(target, extraEnv)));
}

interface CommandHost {
  run(request: Omit<CommandRequest, 'id'>): Promise<CommandResult>;
}

/** The worker's command host, started on first use; a host that died is replaced by the next command. */
let commandHost: CommandHost | undefined;

function startCommandHost(): CommandHost {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/cli/fixtures/command-host.ts'], {
    cwd: repoRoot,
    env: process.env,
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  // Neither the process nor its channel keeps a worker alive that is otherwise done; the host exits when the worker does.
  child.unref();
  child.channel?.unref();
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const pending = new Map<number, { resolve: (result: CommandResult) => void; reject: (err: Error) => void }>();
  let lastId = 0;
  const host: CommandHost = {
    run: (request) =>
      new Promise((resolve, reject) => {
        const id = ++lastId;
        pending.set(id, { resolve, reject });
        child.send({ id, ...request } satisfies CommandRequest);
      }),
  };
  child.on('message', (result: CommandResult) => {
    pending.get(result.id)?.resolve(result);
    pending.delete(result.id);
  });
  child.once('exit', (code, signal) => {
    if (commandHost === host) commandHost = undefined;
    for (const { reject } of pending.values()) reject(new Error(`the kexie command host exited (${code ?? signal}) mid-command:\n${stderr}`));
  });
  return host;
}

/**
 * The same command line as runKexie, run in the worker's command host
 * (fixtures/command-host.ts): one long-lived process that evaluates the
 * commander program of src/cli.ts afresh for each command, with the command's
 * own arguments, environment, output and exit code, but loads the app only
 * once. For tests about what a command does and prints, not about the
 * process starting.
 */
export async function runKexieInHost(target: DatabaseTarget, args: string[], extraEnv: Record<string, string> = {}): Promise<FinishedProcess> {
  commandHost ??= startCommandHost();
  const { exitCode, stdout, stderr, durationMs } = await commandHost.run({ args, env: kexieEnv(target, extraEnv) });
  return { exitCode, stdout, stderr, durationMs };
}
