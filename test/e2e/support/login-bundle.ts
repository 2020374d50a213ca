/**
 * How much JavaScript the admin console's login page costs a visitor, gzip
 * compressed, against the whole console as the baseline. Shared by the budget
 * test (test/e2e/login-bundle.test.ts) and `npm run bench` (bench/admin-bundle.bench.ts).
 *
 * Each script is compressed here with gzip level 9 rather than read off the
 * wire: the static server may send it uncompressed, and the budget is about
 * what the build ships, not how one server happens to serve it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { adminDistDir } from '../../../src/platform/admin-build.ts';

/** Issue 3: the login page loads under 300 KB of JavaScript, gzip (KB = 1000 bytes). */
export const loginJsBudgetBytes = 300_000;

export interface ScriptSize {
  /** The file name under /admin/assets/. */
  name: string;
  bytes: number;
  gzipBytes: number;
}

export interface JsTotal {
  scripts: ScriptSize[];
  bytes: number;
  gzipBytes: number;
}

function sizeOf(name: string, body: Buffer): ScriptSize {
  return { name, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
}

function total(scripts: ScriptSize[]): JsTotal {
  const sorted = [...scripts].sort((a, b) => b.gzipBytes - a.gzipBytes);
  return { scripts: sorted, bytes: sum(sorted.map((s) => s.bytes)), gzipBytes: sum(sorted.map((s) => s.gzipBytes)) };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/**
 * Opens /admin/login on a fresh page (nothing cached) and sizes every
 * JavaScript response it receives until the form shows and the network is
 * quiet: the entry, its preloads, and the lazily loaded login chunk.
 */
export async function measureLoginPageJs(page: Page): Promise<JsTotal> {
  const bodies: Promise<ScriptSize>[] = [];
  page.on('response', (response) => {
    if (!(response.headers()['content-type'] ?? '').includes('javascript')) return;
    bodies.push(response.body().then((body) => sizeOf(path.basename(new URL(response.url()).pathname), body)));
  });
  await page.goto('/admin/login', { waitUntil: 'networkidle' });
  await page.getByLabel('用户名', { exact: true }).waitFor();
  return total(await Promise.all(bodies));
}

/** Every chunk of the built console (admin/dist/assets/*.js): what a user who opens every page loads at most. */
export function measureWholeConsoleJs(): JsTotal {
  const assets = path.join(adminDistDir, 'assets');
  const files = fs.readdirSync(assets).filter((file) => file.endsWith('.js'));
  return total(files.map((file) => sizeOf(file, fs.readFileSync(path.join(assets, file)))));
}

export const kb = (bytes: number) => (bytes / 1000).toFixed(1);
