import { ensureAdminBuild } from '../../../src/platform/admin-build.ts';
import { missingBrowserRequirements } from './requirements.ts';

/** Once per run, before any server starts: the console must be built, and the browser present. */
export default async function setup() {
  const missing = missingBrowserRequirements();
  if (missing.length > 0) throw new Error(`the browser tests need: ${missing.join(', ')} (apt-get install chromium fonts-noto-cjk)`);
  await ensureAdminBuild((line) => console.log(`[e2e] ${line}`));
}
