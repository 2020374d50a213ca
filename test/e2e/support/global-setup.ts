import fs from 'node:fs';
import type { TestProject } from 'vitest/node';
import { e2eArtifactsDir } from './artifacts.ts';
import { prepareDemoDataDir } from './kexie-server.ts';
import { ensureAdminBuild } from '../../../src/platform/admin-build.ts';
import { missingBrowserRequirements } from '../../helpers/requirements.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The demo data directory every test file's server starts from a copy of. */
    demoDataDir: string;
  }
}

/**
 * Once per run, before any server starts: the browser must be present, the
 * console built as it ships, and the demo data loaded once for every file's
 * server to copy.
 */
export default async function setup(project: TestProject) {
  const missing = missingBrowserRequirements();
  if (missing.length > 0) throw new Error(`the browser tests need: ${missing.join(', ')} (npm test installs them on Debian as root)`);
  await ensureAdminBuild((line) => console.log(`[e2e] ${line}`));
  // What artifacts/e2e holds afterwards is this run's: no screenshot of a failure already fixed.
  fs.rmSync(e2eArtifactsDir, { recursive: true, force: true });
  const started = Date.now();
  const demoDataDir = await prepareDemoDataDir();
  console.log(`[e2e] demo data loaded once in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  project.provide('demoDataDir', demoDataDir);
  return () => fs.rmSync(demoDataDir, { recursive: true, force: true });
}
