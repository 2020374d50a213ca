import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureSeedOrgs, findOrgByCode } from '../../src/modules/orgs/index.ts';
import { buildVenue } from '../factories/venues.ts';
import { createTestDb, testDialect, type TestDatabase } from '../helpers/test-db.ts';
import { cliHookTimeoutMs, cliTestTimeouts, runKexie } from '../cli/kexie-process.ts';

const visitHeader = ['场馆', '日期', '统计方式', '散客人次', '团体人次', '团体数', '备注'];

/** The command line's import of visit figures: the same checks and row problems as the console's. */
describe(`kexie import venue-visits (${testDialect})`, cliTestTimeouts, () => {
  let database: TestDatabase;
  let dir: string;
  let venueName: string;

  async function writeFile(name: string, rows: (string | number | null)[][]): Promise<string> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('参观人数');
    sheet.addRow(visitHeader);
    for (const row of rows) sheet.addRow(row);
    const file = path.join(dir, name);
    await workbook.xlsx.writeFile(file);
    return file;
  }

  beforeAll(async () => {
    database = await createTestDb();
    await ensureSeedOrgs(database.db);
    const fangcheng = await findOrgByCode(database.db, '411322');
    venueName = (await buildVenue(database.db, { ownerOrgId: fangcheng!.id, openedOn: '2022-09-16' })).name;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kexie-venue-cli-'));
  }, cliHookTimeoutMs);
  afterAll(async () => {
    await database?.dispose();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints each problem as 第 N 行 · 列 · 原因 on a dry run, then imports the valid rows with --skip-invalid', async () => {
    const file = await writeFile('visits.xlsx', [
      [venueName, '2024-06-01', '月', 7200, 400, 8, null],
      [venueName, '2024-06-12', '日', 300, null, null, null],
    ]);
    const checked = await runKexie(database.target, ['import', 'venue-visits', file, '--dry-run']);
    expect(checked.exitCode, checked.stderr).toBe(1);
    expect(checked.stdout.trim().split('\n')).toEqual(['第 3 行 · 日期 · 与第 2 行重复：同一场馆同一天（或同一月）的参观人数', '已检查 2 行：1 行无误，1 行有问题。试运行，未写入任何数据']);

    const imported = await runKexie(database.target, ['import', 'venue-visits', file, '--skip-invalid']);
    expect(imported.exitCode, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('已导入 1 条记录，跳过 1 行');
    const rows = await database.db.selectFrom('venue_visits').select(['visit_date', 'period', 'source']).execute();
    expect(rows).toEqual([{ visit_date: '2024-06-01', period: 'month', source: 'import' }]);
  });
});
