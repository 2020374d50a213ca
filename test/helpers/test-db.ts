import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Db } from '../../src/database.ts';
import { openDatabase, type DatabaseTarget, type DialectName } from '../../src/platform/db/connection.ts';
import { migrateToLatest } from '../../src/platform/db/migrator.ts';

export const templateDatabase = 'kexie_template';

/** Which database this test project runs on (set per Vitest project). */
export const testDialect: DialectName = process.env.KEXIE_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';

export function postgresAdminUrl(): string {
  const url = process.env.KEXIE_TEST_PG_URL;
  if (!url) throw new Error('KEXIE_TEST_PG_URL is not set: run the tests with `npm test`, which starts a throwaway PostgreSQL');
  return url;
}

export function postgresUrlFor(database: string): string {
  const url = new URL(postgresAdminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

export interface TestDatabase {
  db: Db;
  target: DatabaseTarget;
  dialect: DialectName;
  /** Closes the connection and removes the database. */
  dispose(): Promise<void>;
}

/** Drops a test database once its last connection has gone (closing pool clients may lag a moment). */
async function dropDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: postgresAdminUrl() });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`drop database if exists ${name}`);
        return;
      } catch (err) {
        if ((err as { code?: string }).code !== '55006' || attempt >= 50) throw err;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  } finally {
    await admin.end();
  }
}

/** An empty, migrated database of this project's dialect, private to the caller. */
export async function createTestDb(): Promise<TestDatabase> {
  const name = `kexie_t_${randomBytes(6).toString('hex')}`;
  if (testDialect === 'postgres') {
    const admin = new pg.Client({ connectionString: postgresAdminUrl() });
    await admin.connect();
    await admin.query(`create database ${name} template ${templateDatabase}`);
    await admin.end();
    const target = { databaseUrl: postgresUrlFor(name), sqliteFile: '' };
    const db = openDatabase<any>(target) as Db;
    return {
      db,
      target,
      dialect: 'postgres',
      async dispose() {
        await db.destroy();
        await dropDatabase(name);
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kexie-test-'));
  const target = { databaseUrl: undefined, sqliteFile: path.join(dir, `${name}.sqlite`) };
  const db = openDatabase<any>(target) as Db;
  await migrateToLatest(db);
  return {
    db,
    target,
    dialect: 'sqlite',
    async dispose() {
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
