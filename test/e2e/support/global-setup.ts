import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { e2eArtifactsDir } from './artifacts.ts';
import { prepareDemoDataDir, startKexieServer } from './kexie-server.ts';
import { ensureAdminBuild } from '../../../src/platform/admin-build.ts';
import { missingBrowserRequirements } from '../../helpers/requirements.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The demo data directory every test file's server starts from a copy of. */
    demoDataDir: string;
    /** The run's one server for files that only read (see `readOnlyTest` in fixtures.ts), and the file its output goes to. */
    sharedKexie: { baseUrl: string; logFile: string };
  }
}

/**
 * Once per run, before any server starts: the browser must be present, the
 * console built as it ships, the demo data loaded once for every file's
 * server to copy, and one server started on it for the files that only read.
 */
export default async function setup(project: TestProject) {
  const missing = missingBrowserRequirements();
  if (missing.length > 0) throw new Error(`the browser tests need: ${missing.join(', ')} (npm test installs them on Debian as root)`);
  await ensureAdminBuild((line) => console.log(`[e2e] ${line}`));
  // What artifacts/e2e holds afterwards is this run's: no screenshot of a failure already fixed.
  fs.rmSync(e2eArtifactsDir, { recursive: true, force: true });
  let started = Date.now();
  const demoDataDir = await prepareDemoDataDir();
  console.log(`[e2e] demo data loaded once in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  project.provide('demoDataDir', demoDataDir);

  started = Date.now();
  const logFile = path.join(demoDataDir, '..', `${path.basename(demoDataDir)}-shared-server.log`);
  fs.writeFileSync(logFile, '');
  const shared = await startKexieServer({ demoDataDir, onOutput: (text) => fs.appendFileSync(logFile, text) });
  console.log(`[e2e] shared server for read-only files at ${shared.baseUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  project.provide('sharedKexie', { baseUrl: shared.baseUrl, logFile });

  return async () => {
    await shared.stop();
    fs.rmSync(logFile, { force: true });
    fs.rmSync(demoDataDir, { recursive: true, force: true });
  };
}
