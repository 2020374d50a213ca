import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../src/bootstrap.ts';
import { ensureActivityVocabularies } from '../../src/modules/activities/index.ts';
import { ensureSeedOrgs } from '../../src/modules/orgs/index.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { createTestDb, testDialect, type TestDatabase } from '../helpers/test-db.ts';
import { cliHookTimeoutMs, runKexie, runKexieInHost } from './kexie-process.ts';

/** The written return's title and { 指标名称: 本年 }. */
async function readReturnFile(file: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0]!;
  const values = new Map<string, ExcelJS.CellValue>();
  sheet.eachRow((row) => typeof row.getCell(2).value === 'number' && values.set(String(row.getCell(3).value), row.getCell(5).value));
  return { title: sheet.getCell('A1').value, values };
}

describe(`kexie report return (${testDialect})`, { timeout: 120_000 }, () => {
  let database: TestDatabase;
  let dir: string;
  const kexie = (...args: string[]) => runKexieInHost(database.target, args);

  beforeAll(async () => {
    database = await createTestDb();
    await ensureSeedOrgs(database.db);
    await ensureActivityVocabularies(database.db);
    // The demo loaded in this process, as the commands' subject rather than their doing.
    await loadDemoData(database.db, loadConfig({}));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kexie-return-cli-'));
  }, cliHookTimeoutMs * 3);
  afterAll(async () => {
    await database?.dispose();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes the whole tree’s 2024 return, or one county’s with --org, and says how many rows have a source', async () => {
    const cityFile = path.join(dir, 'city.xlsx');
    // The `kexie` binary in a process of its own, once for the family of commands.
    const city = await runKexie(database.target, ['report', 'return', '--year', '2024', '--out', cityFile]);
    expect(city.exitCode, city.stderr).toBe(0);
    expect(city.stdout).toMatch(new RegExp(`^已写出南阳市科协 2024 年度统计年报：${cityFile}（\\d+ 行有数据来源，\\d+ 行暂无）`));
    const cityReturn = await readReturnFile(cityFile);
    expect(cityReturn.title).toBe('2024年度南阳市科协统计年报');
    expect(cityReturn.values.get('科普大篷车 辆数')).toBe(6);
    expect(cityReturn.values.get('科普中国信息员 注册人数')).toBe('暂无数据来源（待科普志愿者模块）');

    const countyFile = path.join(dir, 'fangcheng.xlsx');
    const county = await kexie('report', 'return', '--year', '2024', '--org', '411322', '--out', countyFile);
    expect(county.exitCode, county.stderr).toBe(0);
    const countyReturn = await readReturnFile(countyFile);
    expect(countyReturn.title).toBe('2024年度方城县科协统计年报');
    expect(countyReturn.values.get('科普活动 举办次数')).toBeLessThan(cityReturn.values.get('科普活动 举办次数') as number);
  });

  it('refuses an org code that names no org, writing nothing', async () => {
    const file = path.join(dir, 'nobody.xlsx');
    const result = await kexie('report', 'return', '--year', '2024', '--org', '999999', '--out', file);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('999999');
    expect(result.stderr).toContain('[REPORT_ORG_UNKNOWN]');
    expect(fs.existsSync(file)).toBe(false);
  });
});
