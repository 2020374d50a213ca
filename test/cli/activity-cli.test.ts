import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureActivityVocabularies } from '../../src/modules/activities/index.ts';
import { ensureSeedOrgs, findOrgByCode } from '../../src/modules/orgs/index.ts';
import { buildUser } from '../factories/index.ts';
import { createTestDb, testDialect, type TestDatabase } from '../helpers/test-db.ts';
import { cliHookTimeoutMs, cliTestTimeouts, runKexie, runKexieInHost } from './kexie-process.ts';

const activityHeader = ['活动名称', '活动类型', '主题活动', '开始日期', '结束日期', '所属县区', '活动地点', '主办单位', '合作单位', '受益人次', '形式', '数量', '备注'];
type Cells = (string | number | null)[];

const activity = (title: string, county = '方城县', fields: { type?: string; start?: string; end?: string; participants?: number } = {}): Cells => [
  title, fields.type ?? '讲座/报告会', null, fields.start ?? '2024-09-20', fields.end ?? null, county, '县文化馆', '县科协', null, fields.participants ?? 80, '线下', 1, null,
];

describe(`kexie import / export activities (${testDialect})`, cliTestTimeouts, () => {
  let database: TestDatabase;
  let dir: string;
  const kexie = (...args: string[]) => runKexieInHost(database.target, args);
  /** The `kexie` binary in a process of its own, once for each family of commands. */
  const kexieProcess = (...args: string[]) => runKexie(database.target, args);

  async function writeFile(name: string, rows: Cells[]): Promise<string> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('科普活动');
    sheet.addRow(activityHeader);
    for (const row of rows) sheet.addRow(row);
    const file = path.join(dir, name);
    await workbook.xlsx.writeFile(file);
    return file;
  }

  const titles = async () =>
    (await database.db.selectFrom('activities').select('title').orderBy('title').execute()).map((row) => row.title);

  beforeAll(async () => {
    database = await createTestDb();
    await ensureSeedOrgs(database.db);
    await ensureActivityVocabularies(database.db);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kexie-activity-cli-'));
  }, cliHookTimeoutMs);
  afterAll(async () => {
    await database?.dispose();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('checks a file with --dry-run, prints each problem as 第 N 行 · 列 · 原因, exits non-zero and writes nothing', async () => {
    const file = await writeFile('dry-run.xlsx', [
      activity('科普讲座进社区'),
      activity('防灾减灾展板', '火星县', { type: '展览/展板' }),
      activity('青少年科技竞赛', '唐河县', { type: '竞赛', start: '2024-06-10', end: '2024-06-01' }),
    ]);
    const result = await kexieProcess('import', 'activities', file, '--dry-run');
    expect(result.exitCode, result.stderr).toBe(1);
    expect(result.stdout.trim().split('\n')).toEqual([
      '第 3 行 · 所属县区 · “火星县”不存在或不在您的管理范围内',
      '第 4 行 · 结束日期 · 结束日期 2024-06-01 早于开始日期 2024-06-10',
      '已检查 3 行：1 行无误，2 行有问题。试运行，未写入任何数据',
    ]);
    expect(await titles()).toEqual([]);
  });

  it('refuses a file with an invalid row: exits non-zero, names the row and imports nothing', async () => {
    const file = await writeFile('bad.xlsx', [activity('农技培训'), activity('果树修剪培训', '方城县', { participants: -3 })]);
    const result = await kexie('import', 'activities', file);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('第 3 行 · 受益人次 · 不能为负数（填的是 -3）');
    expect(result.stderr).toContain('[IMPORT_HAS_INVALID_ROWS]');
    expect(await titles()).toEqual([]);
  });

  it('imports the good rows with --skip-invalid and reports the rest', async () => {
    const file = await writeFile('mixed.xlsx', [activity('科学之夜'), activity('观鸟活动', '411322'), activity('魔术课', '方城县科协', { type: '魔术表演' })]);
    const result = await kexie('import', 'activities', file, '--skip-invalid');
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual([
      '第 4 行 · 活动类型 · 没有名为“魔术表演”的在用活动类型',
      '已导入 2 条活动（已上报，待上级核实），跳过 1 行',
    ]);
    expect(await titles()).toEqual(['科学之夜', '观鸟活动'].sort());
  });

  it('imports --as a county user within their scope only', async () => {
    const fangcheng = await findOrgByCode(database.db, '411322');
    const reporter = await buildUser(database.db, { orgId: fangcheng!.id, roles: ['reporter'] });
    const file = await writeFile('as-user.xlsx', [activity('县里的讲座'), activity('别县的讲座', '唐河县')]);
    const result = await kexie('import', 'activities', file, '--as', reporter.username, '--dry-run');
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('第 3 行 · 所属县区 · “唐河县”不存在或不在您的管理范围内');
  });

  it('exports a year with --year to a file with exactly the template’s header row, which imports again', async () => {
    const out = path.join(dir, 'export-2024.xlsx');
    const result = await kexieProcess('export', 'activities', '--year', '2024', '--org', '411322', '--out', out);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe(`已导出 2 条活动到 ${out}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(activityHeader);
    expect(sheet.rowCount).toBe(3);

    // The same records again are duplicates: the file names them by what the import reads.
    const again = await kexie('import', 'activities', out, '--dry-run');
    expect(again.stdout).toContain('已检查 2 行：0 行无误，2 行有问题');
    expect(again.stdout).toContain('已有同名活动“科学之夜”');
  });

  it('refuses a year that is not one', async () => {
    const result = await kexie('export', 'activities', '--year', '24', '--out', path.join(dir, 'x.xlsx'));
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('a year between 1990 and 2100');
  });
});
