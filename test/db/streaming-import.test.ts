import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, ensureSeedOrgs, listOrgs, type OrgRow } from '../../src/modules/orgs/index.ts';
import { systemContext, type ServiceContext } from '../../src/platform/context.ts';
import { AppError } from '../../src/platform/errors.ts';
import { column, defineSheet, type RowOf } from '../../src/platform/excel/sheet.ts';
import type { ReadRow, RowError } from '../../src/platform/excel/workbook-reader.ts';
import { runStreamingImport, type Importer, type PlannedRow } from '../../src/platform/imports/import-pipeline.ts';
import { createTestDb, testDialect, type TestDatabase } from '../helpers/test-db.ts';

/**
 * The streamed import on the real databases: batches checked and written in
 * one transaction while the next is read, and still all or nothing.
 */
const sheet = defineSheet('测试', { name: column.text('名称', { required: true }) });
type Row = RowOf<typeof sheet>;

/** The rows as a reader would hand them over, `perBatch` at a time; `failAfter` batches, the reader throws as for a file that turns out too long. */
async function* batchesOf(names: string[], perBatch: number, failAfter?: number): AsyncGenerator<ReadRow<Row>[]> {
  for (let start = 0, batch = 0; start < names.length; start += perBatch, batch++) {
    if (batch === failAfter) throw new AppError('EXCEL_TOO_MANY_ROWS', 400, { params: { max: start } });
    yield names.slice(start, start + perBatch).map((name, i) => ({ row: start + i + 2, errors: [], complete: true, values: { name } }));
  }
}

describe(`streamed import on ${testDialect}`, () => {
  let database: TestDatabase;
  let root: OrgRow;
  let ctx: ServiceContext;
  /** How many rows each check saw, in order. */
  let checkedBatches: number[];

  /** Refuses a name containing 坏, and a name seen in an earlier row of the file (remembered across batches). */
  const importer: Importer<Row> = {
    kind: 'test',
    sheet,
    maxRows: 1000,
    templateFileName: 'test',
    authorize: () => undefined,
    check: async () => ({ plan: [], errors: [] }),
    batchChecker: async () => {
      const seen = new Map<string, number>();
      return async (rows) => {
        checkedBatches.push(rows.length);
        const errors: RowError[] = [];
        const plan: PlannedRow<Row>[] = [];
        for (const { row, values } of rows) {
          const name = values.name!;
          if (name.includes('坏')) errors.push({ row, column: '名称', code: 'BAD', message: 'bad' });
          else if (seen.has(name)) errors.push({ row, column: '名称', code: 'REPEATED', message: `repeats ${seen.get(name)}` });
          else (seen.set(name, row), plan.push({ row, plan: { name } }));
        }
        return { plan, errors };
      };
    },
    write: async (rowCtx, plan) => (await createOrg(rowCtx, { name: plan.name, type: 'society', parentId: root.id })).id,
    writeBatch: async (batchCtx, plans) => {
      const ids: string[] = [];
      for (const plan of plans) ids.push((await createOrg(batchCtx, { name: plan.name, type: 'society', parentId: root.id })).id);
      return ids;
    },
  };

  const namesLike = async (prefix: string) => (await listOrgs(ctx, { q: prefix, pageSize: 200, sort: 'name' })).items.map((org) => org.name).sort();
  const names = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(2, '0')}`);

  beforeAll(async () => {
    database = await createTestDb();
    root = await ensureSeedOrgs(database.db);
    ctx = systemContext(database.db, root.id, 'test');
  });
  afterAll(() => database.dispose());

  it('checks and writes the rows in batches of the size asked, all of them committed together', async () => {
    checkedBatches = [];
    const outcome = await runStreamingImport(ctx, importer, batchesOf(names('流甲', 7), 2), { skipInvalid: false, batchRows: 3 });
    expect(outcome).toEqual({ total: 7, imported: 7, skipped: 0, errors: [], failure: null, invalid: 0 });
    expect(checkedBatches).toEqual([4, 3]);
    expect(await namesLike('流甲')).toEqual(names('流甲', 7));
  });

  it('writes nothing when a row of the last batch is invalid, undoing the batches already written, and reports the rows of every batch', async () => {
    checkedBatches = [];
    const rows = [...names('流乙', 4), '流乙坏', '流乙00'];
    const outcome = await runStreamingImport(ctx, importer, batchesOf(rows, 2), { skipInvalid: false, batchRows: 2 });
    expect(outcome).toMatchObject({ total: 6, imported: 0, skipped: 6, failure: { code: 'IMPORT_HAS_INVALID_ROWS' } });
    expect(outcome.errors.map((error) => [error.row, error.code])).toEqual([[6, 'BAD'], [7, 'REPEATED']]);
    expect(checkedBatches).toEqual([2, 2, 2]);
    expect(await namesLike('流乙')).toEqual([]);
  });

  it('writes the valid rows of every batch with skipInvalid and reports the others', async () => {
    const outcome = await runStreamingImport(ctx, importer, batchesOf(['流丙坏', '流丙甲', '流丙甲', '流丙乙'], 1), { skipInvalid: true, batchRows: 2 });
    expect(outcome).toMatchObject({ total: 4, imported: 2, skipped: 2, failure: null, invalid: 2 });
    expect(outcome.errors.map((error) => [error.row, error.code])).toEqual([[2, 'BAD'], [4, 'REPEATED']]);
    expect(await namesLike('流丙')).toEqual(['流丙乙', '流丙甲']);
  });

  it('checks every row and writes nothing on a dry run', async () => {
    const outcome = await runStreamingImport(ctx, importer, batchesOf(['流丁甲', '流丁坏'], 1), { skipInvalid: false, dryRun: true, batchRows: 1 });
    expect(outcome).toMatchObject({ total: 2, imported: 0, failure: null, invalid: 1 });
    expect(await namesLike('流丁')).toEqual([]);
  });

  it('undoes the batches written when the file turns out unreadable part way, and passes the reason on', async () => {
    const error = await runStreamingImport(ctx, importer, batchesOf(names('流戊', 6), 2, 2), { skipInvalid: false, batchRows: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('EXCEL_TOO_MANY_ROWS');
    expect(await namesLike('流戊')).toEqual([]);
  });
});
