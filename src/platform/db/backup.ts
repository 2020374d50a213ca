import fs from 'node:fs';
import readline from 'node:readline';
import { once } from 'node:events';
import zlib from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import { nowIso } from '../clock.ts';
import { kexieVersion } from '../version.ts';
import { dialectOf, openDatabase, type DatabaseTarget, type DialectName } from './connection.ts';
import { appliedMigration, knownMigrations, migrateTo, migrateToLatest } from './migrator.ts';

/**
 * kexie's backup format: gzip-compressed JSON lines, the same on SQLite and
 * PostgreSQL, so a backup restores into either. One header line, then per
 * table a `table` line followed by one line per row (values in column order),
 * then a trailer with the row counts; a file without its trailer is refused.
 */
const format = 'kexie-backup';
const formatVersion = 1;
const internalTables = new Set(['kysely_migration', 'kysely_migration_lock']);

interface Header {
  format: string;
  version: number;
  kexie: string;
  createdAt: string;
  dialect: DialectName;
  migration: string;
  tables: string[];
}

export class BackupError extends Error {}

interface TableInfo {
  name: string;
  columns: string[];
  /** Tables this one references, and columns referencing itself. */
  references: string[];
  selfReferences: string[];
}

async function foreignKeys(db: Kysely<any>, table: string): Promise<{ column: string; refTable: string }[]> {
  if (dialectOf(db) === 'sqlite') {
    const { rows } = await sql<{ from: string; table: string }>`select "from", "table" from pragma_foreign_key_list(${table})`.execute(db);
    return rows.map((r) => ({ column: r.from, refTable: r.table }));
  }
  const { rows } = await sql<{ column: string; refTable: string }>`
    select kcu.column_name as "column", ccu.table_name as "refTable"
    from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
    join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
    where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema() and tc.table_name = ${table}`.execute(db);
  return rows;
}

/** kexie's tables, each after the tables it references, so rows restore in an order foreign keys accept. */
async function tablesInDependencyOrder(db: Kysely<any>): Promise<TableInfo[]> {
  const tables = (await db.introspection.getTables()).filter((t) => !t.isView && !internalTables.has(t.name));
  const infos = new Map<string, TableInfo>();
  for (const table of tables) {
    const fks = await foreignKeys(db, table.name);
    infos.set(table.name, {
      name: table.name,
      columns: table.columns.map((c) => c.name),
      references: fks.filter((fk) => fk.refTable !== table.name).map((fk) => fk.refTable),
      selfReferences: fks.filter((fk) => fk.refTable === table.name).map((fk) => fk.column),
    });
  }
  const ordered: TableInfo[] = [];
  const visit = (name: string, path: Set<string>) => {
    const info = infos.get(name);
    if (!info || ordered.includes(info)) return;
    if (path.has(name)) throw new BackupError(`foreign keys form a cycle through ${name}`);
    path.add(name);
    for (const ref of info.references) visit(ref, path);
    path.delete(name);
    ordered.push(info);
  };
  for (const name of [...infos.keys()].sort()) visit(name, new Set());
  return ordered;
}

const encode = (value: unknown) => (Buffer.isBuffer(value) ? { $base64: value.toString('base64') } : value instanceof Date ? value.toISOString() : value);
const decode = (value: unknown) =>
  value !== null && typeof value === 'object' && '$base64' in value ? Buffer.from(String((value as { $base64: string }).$base64), 'base64') : value;

/**
 * Writes every kexie table to `outFile` from one read snapshot: a transaction
 * on SQLite (WAL readers see one committed state), REPEATABLE READ on
 * PostgreSQL. Writers carry on meanwhile; the backup holds exactly what was
 * committed when the snapshot began. The file appears only once complete.
 */
export async function backupDatabase(db: Kysely<any>, outFile: string): Promise<{ tables: number; rows: number; migration: string }> {
  const migration = await appliedMigration(db);
  if (!migration) throw new BackupError('the database has no kexie schema to back up');
  const partial = `${outFile}.partial`;
  const gzip = zlib.createGzip();
  const file = fs.createWriteStream(partial);
  gzip.pipe(file);
  const write = async (record: unknown) => {
    if (!gzip.write(`${JSON.stringify(record)}\n`)) await once(gzip, 'drain');
  };

  let transaction = db.transaction();
  if (dialectOf(db) === 'postgres') transaction = transaction.setIsolationLevel('repeatable read');
  const counts: Record<string, number> = {};
  try {
    await transaction.execute(async (trx) => {
      if (dialectOf(db) === 'postgres') await sql`set transaction read only`.execute(trx);
      const tables = await tablesInDependencyOrder(trx);
      const header: Header = { format, version: formatVersion, kexie: kexieVersion, createdAt: nowIso(), dialect: dialectOf(db), migration, tables: tables.map((t) => t.name) };
      await write(header);
      for (const table of tables) {
        await write({ table: table.name, columns: table.columns });
        counts[table.name] = 0;
        for await (const row of trx.selectFrom(table.name).select(table.columns).stream(1000)) {
          await write({ r: table.columns.map((c) => encode((row as Record<string, unknown>)[c])) });
          counts[table.name]!++;
        }
      }
    });
    await write({ end: true, counts });
    gzip.end();
    await once(file, 'finish');
    fs.renameSync(partial, outFile);
  } catch (err) {
    gzip.destroy();
    file.destroy();
    fs.rmSync(partial, { force: true });
    throw err;
  }
  return { tables: Object.keys(counts).length, rows: Object.values(counts).reduce((a, b) => a + b, 0), migration };
}

/** Orders rows so that a row referencing its own table comes after the row it references. */
function parentsFirst(rows: unknown[][], columns: string[], selfReferences: string[]): unknown[][] {
  if (selfReferences.length === 0) return rows;
  const idIndex = columns.indexOf('id');
  const refIndexes = selfReferences.map((c) => columns.indexOf(c));
  const placed = new Set<unknown>();
  const ordered: unknown[][] = [];
  let pending = rows;
  while (pending.length > 0) {
    const next: unknown[][] = [];
    for (const row of pending) {
      const ready = refIndexes.every((i) => row[i] === null || placed.has(row[i]) || row[i] === row[idIndex]);
      if (ready) {
        ordered.push(row);
        placed.add(row[idIndex]);
      } else next.push(row);
    }
    if (next.length === pending.length) throw new BackupError('rows reference each other in a cycle');
    pending = next;
  }
  return ordered;
}

async function insertRows(db: Kysely<any>, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  // Both databases cap bound parameters per statement (SQLite 32766, PostgreSQL 65535).
  const batchSize = Math.max(1, Math.floor(30000 / columns.length));
  for (let i = 0; i < rows.length; i += batchSize) {
    const batch = rows.slice(i, i + batchSize).map((row) => Object.fromEntries(columns.map((c, j) => [c, decode(row[j])])));
    await db.insertInto(table).values(batch).execute();
  }
}

async function holdsData(db: Kysely<any>): Promise<boolean> {
  const tables = (await db.introspection.getTables()).filter((t) => !t.isView && !internalTables.has(t.name));
  for (const table of tables) {
    const row = await db.selectFrom(table.name).select(sql<number>`1`.as('one')).limit(1).executeTakeFirst();
    if (row) return true;
  }
  return false;
}

/**
 * Replaces the target database's contents with a backup: drops kexie's
 * tables, recreates the schema at the backup's migration, loads every row in
 * one transaction, checks the counts, then migrates to this version's latest
 * schema. A database that holds data is only replaced with `force`.
 */
export async function restoreDatabase(target: DatabaseTarget, file: string, options: { force: boolean }): Promise<{ tables: number; rows: number }> {
  if (!fs.existsSync(file)) throw new BackupError(`no such file: ${file}`);
  const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  const header = (first.done ? undefined : JSON.parse(first.value)) as Header | undefined;
  if (header?.format !== format || header.version !== formatVersion) throw new BackupError(`${file} is not a kexie backup`);
  if (!(await knownMigrations()).includes(header.migration)) {
    throw new BackupError(`the backup's schema (${header.migration}) is newer than this kexie; upgrade kexie first`);
  }

  const db = openDatabase<any>(target);
  try {
    if (!options.force && (await holdsData(db))) {
      throw new BackupError('the target database already holds data; pass --force to replace it');
    }
    await migrateTo(db, null);
    await migrateTo(db, header.migration);
    const tables = new Map((await tablesInDependencyOrder(db)).map((t) => [t.name, t]));
    const counts: Record<string, number> = {};
    let trailer: { end: true; counts: Record<string, number> } | undefined;
    await db.transaction().execute(async (trx) => {
      // SQLite checks foreign keys at commit; PostgreSQL gets tables in dependency order.
      if (dialectOf(db) === 'sqlite') await sql`pragma defer_foreign_keys = on`.execute(trx);
      let current: { name: string; columns: string[]; rows: unknown[][] } | undefined;
      const flush = async () => {
        if (!current) return;
        const info = tables.get(current.name);
        if (!info) throw new BackupError(`the backup has a table this schema lacks: ${current.name}`);
        await insertRows(trx, current.name, current.columns, parentsFirst(current.rows, current.columns, info.selfReferences));
        counts[current.name] = (counts[current.name] ?? 0) + current.rows.length;
        current = undefined;
      };
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        const record = JSON.parse(next.value);
        if ('r' in record) {
          if (!current) throw new BackupError('row before any table in the backup');
          current.rows.push(record.r);
          // Tables without self-references load in batches; others wait for all rows to be ordered.
          if (current.rows.length >= 5000 && tables.get(current.name)?.selfReferences.length === 0) {
            await insertRows(trx, current.name, current.columns, current.rows);
            counts[current.name] = (counts[current.name] ?? 0) + current.rows.length;
            current.rows = [];
          }
        } else if ('table' in record) {
          await flush();
          current = { name: record.table, columns: record.columns, rows: [] };
        } else if (record.end) {
          await flush();
          trailer = record;
        }
      }
      if (!trailer) throw new BackupError(`${file} is incomplete: it has no trailer`);
      for (const [table, expected] of Object.entries(trailer.counts)) {
        const row = await trx.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        if (Number(row.n) !== expected) throw new BackupError(`${table}: restored ${row.n} rows, the backup has ${expected}`);
      }
    });
    await migrateToLatest(db);
    const rows = Object.values(trailer!.counts).reduce((a, b) => a + b, 0);
    return { tables: Object.keys(trailer!.counts).length, rows };
  } finally {
    lines.close();
    await db.destroy();
  }
}
