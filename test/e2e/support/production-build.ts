import fs from 'node:fs';
import path from 'node:path';
import { adminDir, adminDistDir, ensureAdminBuild } from '../../../src/platform/admin-build.ts';

/**
 * Vite bundles React's development build whenever NODE_ENV is set to anything
 * but "production", and Vitest sets it to "test"; the build's freshness stamp
 * only covers the sources. So the browser tests and the bundle bench make
 * sure they test and measure what ships: built with NODE_ENV=production, and
 * rebuilt if the current build turns out to be a development one.
 */
export async function ensureProductionAdminBuild(log: (line: string) => void = console.log): Promise<void> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await ensureAdminBuild(log);
    if (!isProductionBuild()) {
      log('rebuilding the admin console: the current build is React’s development bundle');
      const { build } = await import('vite');
      await build({ configFile: path.join(adminDir, 'vite.config.ts'), logLevel: 'warn' });
    }
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

/** React's production bundle reports errors by number ("Minified React error #…"); the development one never says so. */
function isProductionBuild(): boolean {
  const html = fs.readFileSync(path.join(adminDistDir, 'index.html'), 'utf8');
  const entry = /<script[^>]+src="\/admin\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
  if (!entry) return false;
  return fs.readFileSync(path.join(adminDistDir, entry), 'utf8').includes('Minified React error');
}
