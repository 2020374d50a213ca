import pg from 'pg';
import { openDatabase } from '../../src/platform/db/connection.ts';
import { migrateToLatest } from '../../src/platform/db/migrator.ts';
import { postgresAdminUrl, postgresUrlFor, templateDatabase } from './test-db.ts';

/**
 * Vitest global setup for the postgres project: migrate one template database
 * once, so each test file gets its own database by copying it (milliseconds)
 * instead of re-running every migration.
 */
export default async function setup(): Promise<void> {
  const admin = new pg.Client({ connectionString: postgresAdminUrl() });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${templateDatabase}`);
    await admin.query(`create database ${templateDatabase}`);
  } finally {
    await admin.end();
  }
  const db = openDatabase({ databaseUrl: postgresUrlFor(templateDatabase), sqliteFile: '' });
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
}
