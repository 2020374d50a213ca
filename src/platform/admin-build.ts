import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const adminDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../admin');
export const adminDistDir = path.join(adminDir, 'dist');
const stampFile = path.join(adminDistDir, '.source-hash');
/** Always what ships: React's development bundle is twice the size and would fail the login page's budget. */
const buildMode = 'production';

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else yield full;
  }
}

/** A hash of everything the console is built from; contents, not mtimes, so a fresh checkout is not "stale". */
function sourceHash(): string {
  const hash = createHash('sha256').update(`mode:${buildMode}\0`);
  const inputs = [path.join(adminDir, 'index.html'), path.join(adminDir, 'vite.config.ts'), path.join(adminDir, '../package-lock.json'), ...sourceFiles(path.join(adminDir, 'src')), ...sourceFiles(path.join(adminDir, 'public'))];
  for (const file of inputs) hash.update(path.relative(adminDir, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  return hash.digest('hex');
}

export function adminBuildIsCurrent(): boolean {
  return fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === sourceHash();
}

/**
 * Builds the admin console when the build is missing or older than its
 * sources (what `npm start` does); otherwise returns at once.
 */
export async function ensureAdminBuild(log: (line: string) => void = console.log): Promise<'built' | 'current'> {
  if (adminBuildIsCurrent()) return 'current';
  log('building the admin console (first start or sources changed)…');
  const started = Date.now();
  const { build } = await import('vite');
  // Vite picks React's development bundle whenever NODE_ENV says so (Vitest sets "test"), whatever the mode.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = buildMode;
  try {
    await build({ configFile: path.join(adminDir, 'vite.config.ts'), mode: buildMode, logLevel: 'warn' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  fs.writeFileSync(stampFile, sourceHash());
  log(`admin console built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 'built';
}
