import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, ensureSeedOrgs, listOrgs, type OrgRow } from '../../src/modules/orgs/index.ts';
import { systemContext, type ServiceContext } from '../../src/platform/context.ts';
import { AppError } from '../../src/platform/errors.ts';
import { column, defineSheet, type RowOf } from '../../src/platform/excel/sheet.ts';
import type { ReadRow } from '../../src/platform/excel/workbook-reader.ts';
import { runImport, type ImportProgress, type Importer } from '../../src/platform/imports/import-pipeline.ts';
import { createTestDb, testDialect, type TestDatabase } from '../helpers/test-db.ts';

/**
 * The import's transaction on the real databases: every row written through a
 * service that opens its own transaction, all rows committing together, and
 * one refused row rolled back alone when invalid rows are skipped.
 */
const sheet = defineSheet('测试', {
  name: column.text('名称', { required: true }),
  /** Makes the service refuse the row after it has written it, as a late conflict would. */
  refuse: column.text('拒绝'),
});
type Row = RowOf<typeof sheet>;

const rowsOf = (values: Row[]): ReadRow<Row>[] =>
  values.map((value, i) => ({ row: i + 2, cells: value, errors: [], complete: true, values: value }));

describe(`import pipeline on ${testDialect}`, () => {
  let database: TestDatabase;
  let root: OrgRow;
  let ctx: ServiceContext;

  const importer = (): Importer<Row> => ({
    kind: 'test',
    sheet,
    maxRows: 100,
    templateFileName: 'test',
    authorize: () => undefined,
    check: async (_ctx, rows) => ({ plan: rows.flatMap((row) => (row.complete ? [{ row: row.row, plan: row.values }] : [])), errors: [] }),
    async write(rowCtx, plan) {
      const org = await createOrg(rowCtx, { name: plan.name, type: 'society', parentId: root.id });
      if (plan.refuse) throw new AppError('ORG_NAME_TAKEN', 409, { params: { name: plan.name }, details: [{ path: 'body.name', message: 'ORG_NAME_TAKEN' }] });
      return org.id;
    },
  });

  const namesLike = async (prefix: string) =>
    (await listOrgs(ctx, { q: prefix, pageSize: 200, sort: 'name' })).items.map((org) => org.name);
  const auditCount = async () => Number((await database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    database = await createTestDb();
    root = await ensureSeedOrgs(database.db);
    ctx = systemContext(database.db, root.id, 'test');
  });
  afterAll(() => database.dispose());

  it('writes every row in one transaction, each through the service with its audit entry, reporting progress row by row', async () => {
    const before = await auditCount();
    const progress: ImportProgress[] = [];
    const outcome = await runImport(ctx, importer(), rowsOf([{ name: '全部甲', refuse: null }, { name: '全部乙', refuse: null }]), {
      skipInvalid: false,
      onProgress: (update) => progress.push({ ...update }),
    });
    expect(outcome).toEqual({ total: 2, imported: 2, skipped: 0, errors: [], failure: null });
    expect(await namesLike('全部')).toEqual(['全部乙', '全部甲']);
    expect((await auditCount()) - before).toBe(2);
    expect(progress).toEqual([
      { phase: 'checking', total: 2, processed: 0 },
      { phase: 'checking', total: 2, processed: 2 },
      { phase: 'writing', total: 2, processed: 0 },
      { phase: 'writing', total: 2, processed: 1 },
      { phase: 'writing', total: 2, processed: 2 },
    ]);
  });

  it('undoes every row, audit entries included, when the service refuses one row while writing', async () => {
    const before = await auditCount();
    const outcome = await runImport(ctx, importer(), rowsOf([
      { name: '撤销甲', refuse: null },
      { name: '撤销乙', refuse: '是' },
      { name: '撤销丙', refuse: null },
    ]), { skipInvalid: false });
    expect(outcome.imported).toBe(0);
    expect(outcome.failure).toEqual({ code: 'IMPORT_ROW_FAILED', message: '第 3 行写入失败：同一上级组织下已有名为“撤销乙”的组织。已撤销本次导入，未导入任何数据' });
    expect(outcome.errors).toEqual([{ row: 3, column: '名称', code: 'ORG_NAME_TAKEN', message: '同一上级组织下已有名为“撤销乙”的组织' }]);
    expect(await namesLike('撤销')).toEqual([]);
    expect(await auditCount()).toBe(before);
  });

  it('with skipInvalid rolls back only the refused row, its half-done write included, and keeps the others', async () => {
    const outcome = await runImport(ctx, importer(), rowsOf([
      { name: '跳过甲', refuse: null },
      { name: '跳过乙', refuse: '是' },
      { name: '跳过丙', refuse: null },
    ]), { skipInvalid: true });
    expect(outcome).toMatchObject({ total: 3, imported: 2, skipped: 1, failure: null });
    expect(outcome.errors.map((error) => [error.row, error.column, error.code])).toEqual([[3, '名称', 'ORG_NAME_TAKEN']]);
    expect(await namesLike('跳过')).toEqual(['跳过丙', '跳过甲']);
  });

  it('lets a bug inside a row escape (the job reports it), writing nothing', async () => {
    const broken: Importer<Row> = { ...importer(), write: async () => Promise.reject(new TypeError('bug')) };
    await expect(runImport(ctx, broken, rowsOf([{ name: '故障甲', refuse: null }]), { skipInvalid: true })).rejects.toThrow('bug');
    expect(await namesLike('故障')).toEqual([]);
  });

  describe('with writeBatch', () => {
    /** Writes a whole batch, refusing it after its rows are in when any row asks to be refused; counts how rows were written. */
    const batching = () => {
      const calls = { batches: 0, rows: 0 };
      const base = importer();
      const batched: Importer<Row> = {
        ...base,
        async write(rowCtx, plan, written) {
          calls.rows++;
          return base.write(rowCtx, plan, written);
        },
        async writeBatch(batchCtx, plans) {
          calls.batches++;
          const ids = [];
          for (const plan of plans) ids.push((await createOrg(batchCtx, { name: plan.name, type: 'society', parentId: root.id })).id);
          if (plans.some((plan) => plan.refuse)) throw new AppError('ORG_NAME_TAKEN', 409);
          return ids;
        },
      };
      return { batched, calls };
    };

    it('writes the rows a batch at a time and reports progress per batch', async () => {
      const { batched, calls } = batching();
      const progress: ImportProgress[] = [];
      const outcome = await runImport(ctx, batched, rowsOf([{ name: '成批甲', refuse: null }, { name: '成批乙', refuse: null }]), {
        skipInvalid: false,
        onProgress: (update) => progress.push({ ...update }),
      });
      expect(outcome).toEqual({ total: 2, imported: 2, skipped: 0, errors: [], failure: null });
      expect(calls).toEqual({ batches: 1, rows: 0 });
      expect(await namesLike('成批')).toEqual(['成批乙', '成批甲']);
      expect(progress.filter((update) => update.phase === 'writing')).toEqual([
        { phase: 'writing', total: 2, processed: 0 },
        { phase: 'writing', total: 2, processed: 2 },
      ]);
    });

    it('undoes a failed batch and writes its rows one by one, so with skipInvalid only the row at fault is skipped', async () => {
      const { batched, calls } = batching();
      const outcome = await runImport(ctx, batched, rowsOf([
        { name: '重试甲', refuse: null },
        { name: '重试乙', refuse: '是' },
        { name: '重试丙', refuse: null },
      ]), { skipInvalid: true });
      expect(outcome).toMatchObject({ imported: 2, skipped: 1, failure: null });
      expect(outcome.errors.map((error) => [error.row, error.column, error.code])).toEqual([[3, '名称', 'ORG_NAME_TAKEN']]);
      expect(calls).toEqual({ batches: 1, rows: 3 });
      expect(await namesLike('重试')).toEqual(['重试丙', '重试甲']);
    });

    it('names the row at fault of a failed batch and writes nothing without skipInvalid', async () => {
      const { batched } = batching();
      const outcome = await runImport(ctx, batched, rowsOf([{ name: '全无甲', refuse: null }, { name: '全无乙', refuse: '是' }]), { skipInvalid: false });
      expect(outcome).toMatchObject({ imported: 0, failure: { code: 'IMPORT_ROW_FAILED' } });
      expect(outcome.errors.map((error) => error.row)).toEqual([3]);
      expect(await namesLike('全无')).toEqual([]);
    });
  });
});
