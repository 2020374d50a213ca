import fs from 'node:fs';
import { e2eArtifactsDir } from './artifacts.ts';
import { ensureAdminBuild } from '../../../src/platform/admin-build.ts';
import { missingBrowserRequirements } from './requirements.ts';

/** Once per run, before any server starts: the browser must be present and the console built as it ships. */
export default async function setup() {
  const missing = missingBrowserRequirements();
  if (missing.length > 0) throw new Error(`the browser tests need: ${missing.join(', ')} (apt-get install chromium fonts-noto-cjk)`);
  await ensureAdminBuild((line) => console.log(`[e2e] ${line}`));
  // What artifacts/e2e holds afterwards is this run's: no screenshot of a failure already fixed.
  fs.rmSync(e2eArtifactsDir, { recursive: true, force: true });
}
