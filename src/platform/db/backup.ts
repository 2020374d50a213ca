import fs from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream';
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

interface Trailer {
  end: true;
  counts: Record<string, number>;
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
  let migration: string | undefined;
  try {
    await transaction.execute(async (trx) => {
      if (dialectOf(db) === 'postgres') await sql`set transaction read only`.execute(trx);
      // Read inside the snapshot, so the schema named in the header is the one the rows were read from.
      migration = await appliedMigration(trx);
      if (!migration) throw new BackupError('the database has no kexie schema to back up');
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
    await write({ end: true, counts } satisfies Trailer);
    gzip.end();
    await once(file, 'finish');
    // On disk before it takes its final name: a crash must not leave a short file that looks finished.
    const fd = fs.openSync(partial, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(partial, outFile);
  } catch (err) {
    gzip.destroy();
    file.destroy();
    fs.rmSync(partial, { force: true });
    throw err;
  }
  return { tables: Object.keys(counts).length, rows: Object.values(counts).reduce((a, b) => a + b, 0), migration: migration! };
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

type BackupRecord = Partial<Header> & { table?: string; columns?: string[]; r?: unknown[]; end?: true; counts?: Record<string, number> };

/** The file's records in order. A file that does not gunzip or parse to its last byte is damaged, whatever the cause. */
async function* readRecords(file: string): AsyncGenerator<BackupRecord> {
  const gunzip = zlib.createGunzip();
  // pipeline hands a read error on to gunzip, whose iterator then throws it below.
  pipeline(fs.createReadStream(file), gunzip, () => {});
  gunzip.setEncoding('utf8');
  let pending = '';
  let lineNumber = 0;
  try {
    for await (const chunk of gunzip as AsyncIterable<string>) {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        lineNumber++;
        yield JSON.parse(line) as BackupRecord;
      }
    }
    if (pending) throw new Error('the last line is cut off');
  } catch (err) {
    throw new BackupError(`${file} is damaged or incomplete near line ${lineNumber + 1}: ${(err as Error).message}`);
  } finally {
    gunzip.destroy();
  }
}

/**
 * Reads the whole backup once, before any database is touched: restoring
 * drops the target's tables first, so a cut or damaged file has to be refused
 * while the target still holds its data.
 */
async function verifyBackup(file: string): Promise<{ header: Header; trailer: Trailer }> {
  let header: Header | undefined;
  let trailer: Trailer | undefined;
  let current: { table: string; columns: number } | undefined;
  const counted: Record<string, number> = {};
  for await (const record of readRecords(file)) {
    if (!header) {
      if (record.format !== format || record.version !== formatVersion || !Array.isArray(record.tables)) throw new BackupError(`${file} is not a kexie backup`);
      header = record as Header;
    } else if (trailer) {
      throw new BackupError(`${file} is damaged: it goes on after its trailer`);
    } else if (Array.isArray(record.r)) {
      if (!current) throw new BackupError(`${file} is damaged: a row comes before any table`);
      if (record.r.length !== current.columns) throw new BackupError(`${file} is damaged: a row of ${current.table} has the wrong number of values`);
      counted[current.table]!++;
    } else if (record.table && record.columns) {
      if (!header.tables.includes(record.table)) throw new BackupError(`${file} is damaged: its header does not list table ${record.table}`);
      current = { table: record.table, columns: record.columns.length };
      counted[record.table] ??= 0;
    } else if (record.end && record.counts) {
      trailer = record as Trailer;
    } else {
      throw new BackupError(`${file} is damaged: it holds a record kexie does not write`);
    }
  }
  if (!header) throw new BackupError(`${file} is not a kexie backup`);
  if (!trailer) throw new BackupError(`${file} is incomplete: it has no trailer`);
  for (const table of header.tables) {
    if ((counted[table] ?? 0) !== trailer.counts[table]) {
      throw new BackupError(`${file} is damaged: ${table} has ${counted[table] ?? 0} rows, its trailer says ${trailer.counts[table]}`);
    }
  }
  return { header, trailer };
}

/** Inserts every row of a verified backup, parents before the rows that reference them. */
async function loadRows(trx: Kysely<any>, file: string, tables: Map<string, TableInfo>): Promise<void> {
  let current: { name: string; columns: string[]; selfReferences: string[]; rows: unknown[][] } | undefined;
  const flush = async () => {
    if (current) await insertRows(trx, current.name, current.columns, parentsFirst(current.rows, current.columns, current.selfReferences));
    current = undefined;
  };
  for await (const record of readRecords(file)) {
    // verifyBackup has already checked that every row follows its table.
    if (record.r && current) {
      current.rows.push(record.r);
      // Tables without self-references load in batches; others wait for all rows to be ordered.
      if (current.rows.length >= 5000 && current.selfReferences.length === 0) {
        await insertRows(trx, current.name, current.columns, current.rows);
        current.rows = [];
      }
    } else if (record.table && record.columns) {
      await flush();
      const info = tables.get(record.table);
      if (!info) throw new BackupError(`the backup has a table this schema lacks: ${record.table}`);
      current = { name: record.table, columns: record.columns, selfReferences: info.selfReferences, rows: [] };
    }
  }
  await flush();
}

/**
 * Replaces the target database's contents with a backup: checks the whole
 * file, drops kexie's tables, recreates the schema at the backup's migration,
 * loads every row in one transaction, checks the counts, then migrates to this
 * version's latest schema. A database that holds data is only replaced with
 * `force`.
 */
export async function restoreDatabase(target: DatabaseTarget, file: string, options: { force: boolean }): Promise<{ tables: number; rows: number }> {
  if (!fs.existsSync(file)) throw new BackupError(`no such file: ${file}`);
  const { header, trailer } = await verifyBackup(file);
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
    await db.transaction().execute(async (trx) => {
      // SQLite checks foreign keys at commit; PostgreSQL gets tables in dependency order.
      if (dialectOf(db) === 'sqlite') await sql`pragma defer_foreign_keys = on`.execute(trx);
      await loadRows(trx, file, tables);
      for (const [table, expected] of Object.entries(trailer.counts)) {
        const row = await trx.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        if (Number(row.n) !== expected) throw new BackupError(`${table}: restored ${row.n} rows, the backup has ${expected}`);
      }
    });
    await migrateToLatest(db);
    const rows = Object.values(trailer.counts).reduce((a, b) => a + b, 0);
    return { tables: Object.keys(trailer.counts).length, rows };
  } finally {
    await db.destroy();
  }
}
