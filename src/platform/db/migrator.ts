import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Migrator, NO_MIGRATIONS, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';

export const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');

/** Loads `migrations/*.ts` in name order; names start with a timestamp, so order is history. */
class MigrationFolderProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await fs.readdir(migrationsDir)).filter((f) => /^\d{4}_\d{2}_\d{2}_\d{4}_.+\.ts$/.test(f)).sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      migrations[file.replace(/\.ts$/, '')] = await import(pathToFileURL(path.join(migrationsDir, file)).href);
    }
    return migrations;
  }
}

export class MigrationFailedError extends Error {}

export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: new MigrationFolderProvider() });
  return failIfError(await migrator.migrateToLatest());
}

function failIfError(result: MigrationResultSet): MigrationResultSet {
  if (!result.error) return result;
  const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
  throw new MigrationFailedError(`migration ${failed} failed: ${String((result.error as Error).message ?? result.error)}`, { cause: result.error });
}

/** Moves the schema to exactly `target` (up or down); `null` drops every table kexie made. */
export async function migrateTo(db: Kysely<any>, target: string | null): Promise<void> {
  const migrator = new Migrator({ db, provider: new MigrationFolderProvider() });
  failIfError(await migrator.migrateTo(target ?? NO_MIGRATIONS));
}

/** The name of the newest migration applied to this database, if any. */
export async function appliedMigration(db: Kysely<any>): Promise<string | undefined> {
  const migrator = new Migrator({ db, provider: new MigrationFolderProvider() });
  const all = await migrator.getMigrations();
  return all.filter((m) => m.executedAt).at(-1)?.name;
}

/** Every migration this version of kexie knows, oldest first. */
export async function knownMigrations(): Promise<string[]> {
  return Object.keys(await new MigrationFolderProvider().getMigrations());
}
