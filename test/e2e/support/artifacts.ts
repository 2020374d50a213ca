import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/** artifacts/ is gitignored: screenshots are kept for people to look at, never committed. */
export const e2eArtifactsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../artifacts/e2e');

/** Saves a full-page screenshot as artifacts/e2e/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(e2eArtifactsDir, { recursive: true });
  const file = path.join(e2eArtifactsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
