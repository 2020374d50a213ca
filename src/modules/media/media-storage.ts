import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../database.ts';
import { loadConfig, type Config } from '../../platform/config.ts';

/** Where files go and how large they may be. */
export interface MediaSettings {
  dir: string;
  maxImageBytes: number;
  maxAttachmentBytes: number;
}

export const settingsFromConfig = (config: Config): MediaSettings => ({
  dir: config.mediaDir,
  maxImageBytes: config.mediaMaxImageBytes,
  maxAttachmentBytes: config.mediaMaxAttachmentBytes,
});

/**
 * Files are recorded in a database and stored beside it, so the settings are
 * bound to the database handle: a server binds its config when the media
 * routes load, and `storeMedia` called from the command line (no server)
 * falls back to the environment's config, which is what that server reads too.
 */
const boundSettings = new WeakMap<object, MediaSettings>();

export function bindMediaSettings(db: Db, settings: MediaSettings): void {
  boundSettings.set(db, settings);
}

export function mediaSettingsOf(db: Db): MediaSettings {
  return boundSettings.get(db) ?? settingsFromConfig(loadConfig());
}

// Content-addressed keys: the sha256 of the uploaded bytes, fanned out by its first two hex digits.
const shaPattern = /^[0-9a-f]{64}$/;
const imageKeyPattern = /^images\/[0-9a-f]{2}\/[0-9a-f]{64}\/(?:original|w\d{1,4})\.(?:jpg|png|webp|gif)$/;
const attachmentKeyPattern = /^attachments\/[0-9a-f]{2}\/[0-9a-f]{64}\.(?:pdf|docx|xlsx|doc|xls)$/;

function shaDir(sha256: string): string {
  if (!shaPattern.test(sha256)) throw new Error('not a sha256 hex digest');
  return `${sha256.slice(0, 2)}/${sha256}`;
}

export const imageKey = (sha256: string, fileName: string) => `images/${shaDir(sha256)}/${fileName}`;
export const attachmentKey = (sha256: string, extension: string) => `attachments/${shaDir(sha256)}.${extension}`;

/** True only for a key kexie itself makes for an image file: no dots to climb, no separators to smuggle. */
export const isImageKey = (key: string) => imageKeyPattern.test(key);

/**
 * The one place a key becomes a path. Keys come from the database, but are
 * checked again so that no string ever reaches the disk unvalidated.
 */
function pathOf(settings: MediaSettings, key: string): string {
  if (!imageKeyPattern.test(key) && !attachmentKeyPattern.test(key)) throw new Error(`refusing media storage key ${JSON.stringify(key)}`);
  return path.join(settings.dir, ...key.split('/'));
}

/** Written to a temporary name and renamed, so a reader never sees half a file. */
export async function writeStoredFile(settings: MediaSettings, key: string, bytes: Buffer): Promise<void> {
  const target = pathOf(settings, key);
  await fs.mkdir(path.dirname(target), { recursive: true });
  const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await fs.writeFile(temporary, bytes);
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}

export async function storedFileExists(settings: MediaSettings, key: string): Promise<boolean> {
  return fs.access(pathOf(settings, key)).then(
    () => true,
    () => false,
  );
}

export async function openStoredFile(settings: MediaSettings, key: string): Promise<fs.FileHandle | undefined> {
  try {
    return await fs.open(pathOf(settings, key), 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Removes the files and then their directory if that left it empty. */
export async function removeStoredFiles(settings: MediaSettings, keys: readonly string[]): Promise<void> {
  const paths = keys.map((key) => pathOf(settings, key));
  await Promise.all(paths.map((file) => fs.rm(file, { force: true })));
  for (const dir of new Set(paths.map((file) => path.dirname(file)))) {
    await fs.rmdir(dir).catch(() => undefined);
  }
}
