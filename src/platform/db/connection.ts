import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import Cursor from 'pg-cursor';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

export interface DatabaseTarget {
  databaseUrl: string | undefined;
  sqliteFile: string;
}

// pg returns int8 (count(*), sum of integers) as strings; every count we keep
// fits well inside 2^53, so numbers are the honest type.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

/** Opens Kysely on PostgreSQL when a URL is given, otherwise on the SQLite file (WAL). */
export function openDatabase<DB>(target: DatabaseTarget): Kysely<DB> {
  if (target.databaseUrl) {
    const pool = new pg.Pool({ connectionString: target.databaseUrl, max: 10 });
    // An idle connection closed by the server (restart, failover) must not crash the process;
    // the pool drops it and opens a new one on the next query.
    pool.on('error', (err) => console.error(`[kexie] idle PostgreSQL connection lost: ${err.message}`));
    // The cursor lets large reads (backups, exports) stream instead of loading whole tables.
    return new Kysely<DB>({ dialect: new PostgresDialect({ pool, cursor: Cursor }) });
  }
  fs.mkdirSync(path.dirname(target.sqliteFile), { recursive: true });
  const sqlite = new SQLite(target.sqliteFile);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  // Another process (the CLI, a backup) may hold the write lock briefly.
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
}

export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** What /healthz and logs say about the database, without credentials. */
export function describeTarget(target: DatabaseTarget): string {
  if (!target.databaseUrl) return `sqlite:${target.sqliteFile}`;
  const url = new URL(target.databaseUrl);
  return `postgres://${url.hostname}:${url.port || 5432}${url.pathname}`;
}
