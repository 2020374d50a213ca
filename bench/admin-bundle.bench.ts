/**
 * Issue 3 asks that the admin console be code-split so the login page loads
 * under 300 KB of JavaScript (gzip). This builds the console if it is stale,
 * starts a real server, opens /admin/login in Chromium and sizes every script
 * the page loads, against the whole console (every chunk in
 * admin/dist/assets) as the in-run baseline. Sizes, not timings: the budget
 * is also asserted by test/e2e/login-bundle.test.ts.
 */
import { launchChromium } from '../test/e2e/support/chromium.ts';
import { startKexieServer } from '../test/e2e/support/kexie-server.ts';
import { kb, loginJsBudgetBytes, measureLoginPageJs, measureWholeConsoleJs, type JsTotal } from '../test/e2e/support/login-bundle.ts';
import { ensureAdminBuild } from '../src/platform/admin-build.ts';
import { missingBrowserRequirements } from '../test/helpers/requirements.ts';
import type { BenchReport } from './measure.ts';

async function loginPageJs(): Promise<JsTotal> {
  const server = await startKexieServer();
  try {
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'zh-CN' });
      return await measureLoginPageJs(await context.newPage());
    } finally {
      await browser.close();
    }
  } finally {
    await server.stop();
  }
}

export default async function adminBundleBench(): Promise<BenchReport> {
  const missing = missingBrowserRequirements().filter((m) => m.startsWith('chromium'));
  if (missing.length > 0) throw new Error(`needs ${missing.join(', ')}`);
  await ensureAdminBuild();
  const login = await loginPageJs();
  const all = measureWholeConsoleJs();
  const share = (part: JsTotal) => `${((100 * part.gzipBytes) / all.gzipBytes).toFixed(1)}%`;
  const withinBudget = login.gzipBytes < loginJsBudgetBytes;

  return {
    title: 'admin console: JavaScript loaded by the login page vs the whole console (gzip -9)',
    columns: ['what', 'JS files', 'raw KB', 'gzip KB', 'of whole console', 'budget gzip KB', 'verdict'],
    rows: [
      ['login page (/admin/login)', login.scripts.length, kb(login.bytes), kb(login.gzipBytes), share(login), kb(loginJsBudgetBytes), withinBudget ? 'pass' : 'FAIL'],
      ['whole console (admin/dist/assets/*.js)', all.scripts.length, kb(all.bytes), kb(all.gzipBytes), share(all), '—', '—'],
    ],
    notes: [
      `login/all (gzip) = ${(login.gzipBytes / all.gzipBytes).toFixed(2)}×: the share of the console a visitor downloads before signing in`,
      `login page scripts, gzip KB: ${login.scripts.map((s) => `${s.name} ${kb(s.gzipBytes)}`).join(', ')}`,
      `largest console chunks, gzip KB: ${all.scripts.slice(0, 5).map((s) => `${s.name} ${kb(s.gzipBytes)}`).join(', ')}`,
      'KB = 1000 bytes; each script compressed here with zlib gzip level 9, whatever the server sends on the wire',
    ],
  };
}
