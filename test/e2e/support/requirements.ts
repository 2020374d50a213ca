/**
 * What the browser tier needs from the machine: Debian's Chromium, CJK
 * fonts so that Chinese renders as text rather than boxes in screenshots, and
 * Java for the Nu HTML Checker.
 * `document.fonts.check()` inside the browser claims fonts exist when they do
 * not; `fc-list :lang=zh` tells the truth.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

export const chromiumPath = '/usr/bin/chromium';

/** Why the browser tier cannot run here (Debian package names to install), or [] when it can. */
export function missingBrowserRequirements(): string[] {
  const missing: string[] = [];
  if (!fs.existsSync(chromiumPath)) missing.push(`chromium (${chromiumPath})`);
  const fonts = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  if (fonts.status !== 0 || fonts.stdout.trim() === '') missing.push('fonts-noto-cjk (fc-list :lang=zh lists no font)');
  // The Nu HTML Checker that checks the portal's markup runs on Java.
  if (spawnSync('java', ['-version']).status !== 0) missing.push('default-jre-headless (no java on the PATH)');
  return missing;
}
