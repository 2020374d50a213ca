import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/database.ts';
import { findUserForCli } from '../../src/modules/auth/index.ts';
import { ensureSeedOrgs, findOrgById } from '../../src/modules/orgs/index.ts';
import { backupDatabase } from '../../src/platform/db/backup.ts';
import type { DatabaseTarget } from '../../src/platform/db/connection.ts';
import { buildOrg, buildUser } from '../factories/index.ts';
import { createTestDb, testDialect, type TestDatabase } from '../helpers/test-db.ts';
import { numberedOrgCount, sequenceOf } from './fixtures/numbered-orgs.ts';
import { cliHookTimeoutMs, cliTestTimeouts, finished, kexieEnv, runKexie, runKexieInHost, spawnNode, type FinishedProcess } from './kexie-process.ts';

/** The backup starts once the writer has committed this many rows, so it starts mid-run. */
const backupAfterCommitted = 50;
/** Slow enough that a backup starting on a loaded machine still snapshots mid-run; lifted once it is done. */
const writerPauseMs = '20';

interface OrgWriter {
  /** The highest sequence number the writer has reported committed. */
  committed(): number;
  /** Resolves once `count` rows are committed; rejects if the writer exits first. */
  reached(count: number): Promise<void>;
  /** The backup is done: the writer may finish at full speed. */
  hurry(): void;
  done: Promise<FinishedProcess>;
}

/** Runs test/cli/fixtures/org-writer.ts against `target` in its own process. */
function startOrgWriter(target: DatabaseTarget): OrgWriter {
  const child = spawnNode(['--import', 'tsx', 'test/cli/fixtures/org-writer.ts'], kexieEnv(target, { ORG_WRITER_PAUSE_MS: writerPauseMs }));
  const done = finished(child);
  const lines = readline.createInterface({ input: child.stdout! });
  let committed = 0;
  lines.on('line', (line) => (committed = Number(line)));
  return {
    committed: () => committed,
    reached: (count) =>
      new Promise((resolve, reject) => {
        const check = () => committed >= count && resolve();
        lines.on('line', check);
        check();
        void done.then((run) => reject(new Error(`the writer exited (${run.exitCode}) after ${committed} rows: ${run.stderr}`)));
      }),
    hurry: () => child.stdin!.end(),
    done,
  };
}

async function rowCounts(db: Db): Promise<Record<string, number>> {
  const anyDb = db as unknown as Kysely<any>;
  const tables = (await anyDb.introspection.getTables()).map((t) => t.name).filter((name) => !name.startsWith('kysely_'));
  const counts: Record<string, number> = {};
  for (const table of tables.sort()) {
    const row = await anyDb.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** The writer's sequence numbers present in `db`, ascending. */
async function numberedSequences(db: Db): Promise<number[]> {
  const names = await db.selectFrom('orgs').select('name').execute();
  return names.map((o) => sequenceOf(o.name)).filter((n) => n !== undefined).sort((a, b) => a - b);
}

/** Orgs whose closure rows differ from what their parent chain says: each needs itself at depth 0 and every ancestor. */
async function closureMismatches(db: Db): Promise<string[]> {
  const orgs = new Map((await db.selectFrom('orgs').select(['id', 'parent_id']).execute()).map((o) => [o.id, o.parent_id]));
  const actual = new Map<string, string[]>();
  for (const row of await db.selectFrom('org_closure').selectAll().execute()) {
    actual.set(row.descendant_id, [...(actual.get(row.descendant_id) ?? []), `${row.ancestor_id}@${row.depth}`]);
  }
  const mismatched: string[] = [];
  for (const id of orgs.keys()) {
    const expected: string[] = [];
    for (let ancestor: string | null | undefined = id, depth = 0; ancestor; ancestor = orgs.get(ancestor), depth++) expected.push(`${ancestor}@${depth}`);
    if (expected.sort().join() !== (actual.get(id) ?? []).sort().join()) mismatched.push(id);
  }
  return mismatched;
}

/** An org is created together with its audit entry, so a snapshot holds both or neither. */
async function orgIdsAndCreationAudits(db: Db): Promise<{ orgIds: string[]; auditedIds: string[] }> {
  const orgIds = (await db.selectFrom('orgs').select('id').execute()).map((o) => o.id).sort();
  const audits = await db.selectFrom('audit_log').select('entity_id').where('entity', '=', 'org').where('action', '=', 'create').execute();
  return { orgIds, auditedIds: audits.map((a) => a.entity_id!).sort() };
}

async function sqliteChecks(db: Db): Promise<{ integrity: string[]; foreignKeyViolations: unknown[] }> {
  const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
  const foreignKeys = await sql`pragma foreign_key_check`.execute(db);
  return { integrity: integrity.rows.map((r) => r.integrity_check), foreignKeyViolations: foreignKeys.rows };
}

describe(`kexie backup and restore (${testDialect})`, cliTestTimeouts, () => {
  const databases: TestDatabase[] = [];
  let workDir: string;
  const newDatabase = async () => {
    const database = await createTestDb();
    databases.push(database);
    return database;
  };

  beforeAll(() => {
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kexie-cli-backup-'));
  });
  afterAll(async () => {
    await Promise.all(databases.map((d) => d.dispose()));
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('restores every row committed before the snapshot while a writer is running', async () => {
    const source = await newDatabase();
    const backupFile = path.join(workDir, 'under-load.kexie-backup.gz');
    const writer = startOrgWriter(source.target);
    await writer.reached(backupAfterCommitted);
    const committedBeforeBackup = writer.committed();
    const backup = await runKexie(source.target, ['backup', '--out', backupFile]);
    const committedWhenBackupExited = writer.committed();
    writer.hurry();
    const writing = await writer.done;

    expect(backup.exitCode, backup.stderr).toBe(0);
    expect(writing.exitCode, writing.stderr).toBe(0);
    expect(writer.committed()).toBe(numberedOrgCount);
    const rowsInBackup = Number(/, (\d+) rows,/.exec(backup.stdout)?.[1]);

    const target = await newDatabase();
    const restore = await runKexieInHost(target.target, ['restore', backupFile]);
    expect(restore.exitCode, restore.stderr).toBe(0);

    if (testDialect === 'sqlite') expect(await sqliteChecks(target.db)).toEqual({ integrity: ['ok'], foreignKeyViolations: [] });
    const restored = await numberedSequences(target.db);
    const snapshotRows = restored.length;
    // Writes commit in order, so a consistent snapshot holds exactly the first k of them.
    expect(restored).toEqual(Array.from({ length: snapshotRows }, (_, i) => i + 1));
    expect(snapshotRows).toBeGreaterThanOrEqual(committedBeforeBackup);
    expect(snapshotRows, 'the snapshot must fall while the writer is still writing').toBeLessThan(numberedOrgCount);
    expect(await closureMismatches(target.db)).toEqual([]);
    const { orgIds, auditedIds } = await orgIdsAndCreationAudits(target.db);
    expect(auditedIds).toEqual(orgIds);
    expect(sum(await rowCounts(target.db))).toBe(rowsInBackup);

    console.info(
      `[${testDialect}] writer committed ${committedBeforeBackup} rows before the backup started and ${committedWhenBackupExited} when it exited; ` +
        `the snapshot holds ${snapshotRows} of ${numberedOrgCount} (${rowsInBackup} rows in all tables); ` +
        `backup ${Math.round(backup.durationMs)} ms, writer ${Math.round(writing.durationMs)} ms, restore ${Math.round(restore.durationMs)} ms`,
    );
  }, 90_000);

  describe('over a database that already holds data', () => {
    let backupFile: string;
    let backedUpUsername: string;

    beforeAll(async () => {
      const source = await newDatabase();
      const root = await ensureSeedOrgs(source.db);
      backedUpUsername = (await buildUser(source.db, { orgId: root.id, roles: ['viewer'] })).username;
      backupFile = path.join(workDir, 'small.kexie-backup.gz');
      // What `kexie backup` writes, made in this process: these tests are about the restore command.
      await backupDatabase(source.db, backupFile);
    }, cliHookTimeoutMs);

    /** A seeded database plus an org of its own, which a restore must either keep whole or replace. */
    async function databaseWithOwnData(): Promise<{ database: TestDatabase; ownOrgId: string }> {
      const database = await newDatabase();
      const root = await ensureSeedOrgs(database.db);
      const own = await buildOrg(database.db, { parentId: root.id, name: '恢复前已有的学会' });
      return { database, ownOrgId: own.id };
    }

    it('refuses without --force, says how to proceed and leaves the data alone', async () => {
      const { database, ownOrgId } = await databaseWithOwnData();
      const before = await rowCounts(database.db);
      // In a process of its own, as the family's one: the binary itself, refusing.
      const restore = await runKexie(database.target, ['restore', backupFile]);
      expect(restore.exitCode).toBe(1);
      expect(restore.stderr).toContain('错误: the target database already holds data; pass --force to replace it');
      expect(await rowCounts(database.db)).toEqual(before);
      expect(await findOrgById(database.db, ownOrgId)).toBeDefined();
    });

    it('replaces the data with the backup when given --force', async () => {
      const { database, ownOrgId } = await databaseWithOwnData();
      const restore = await runKexieInHost(database.target, ['restore', backupFile, '--force']);
      expect(restore.exitCode, restore.stderr).toBe(0);
      expect(restore.stdout).toMatch(/^restored \d+ rows in \d+ tables from /);
      expect(await findOrgById(database.db, ownOrgId)).toBeUndefined();
      expect(await findUserForCli(database.db, backedUpUsername)).toBeDefined();
    });

    it('refuses a backup file cut short and leaves the target as it was, even with --force', async () => {
      const { database, ownOrgId } = await databaseWithOwnData();
      const whole = fs.readFileSync(backupFile);
      const cutFile = path.join(workDir, 'cut.kexie-backup.gz');
      fs.writeFileSync(cutFile, whole.subarray(0, Math.floor(whole.length * 0.75)));
      const before = await rowCounts(database.db);

      const restore = await runKexieInHost(database.target, ['restore', cutFile, '--force']);
      expect(restore.exitCode).toBe(1);
      expect(restore.stderr).toMatch(/^错误: .*cut\.kexie-backup\.gz is damaged or incomplete near line \d+: unexpected end of file\n$/);
      expect(await rowCounts(database.db)).toEqual(before);
      expect(await findOrgById(database.db, ownOrgId)).toBeDefined();
    });
  });
});
