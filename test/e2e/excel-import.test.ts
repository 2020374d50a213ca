/**
 * Issue 3's Excel pattern as a person uses it on the org page: download the
 * template, upload a file with mistakes and read them row by row, upload the
 * corrected file, confirm, and see the result and the new orgs in the tree;
 * export the list. Screenshots of the dialog at both sizes go to artifacts/e2e/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll } from 'vitest';
import { saveScreenshot } from './support/artifacts.ts';
import { assertNoSeriousAxeViolations } from './support/axe.ts';
import { button, demoAdmin, dialog, signIn, tableRows, treeEntry } from './support/console-steps.ts';
import { expect, test, viewports } from './support/fixtures.ts';
import { horizontalOverflow } from './support/layout.ts';

const header = ['名称', '简称', '类型', '上级组织', '行政区划代码', '成立日期'];
const workbookDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kexie-e2e-xlsx-'));
afterAll(() => fs.rmSync(workbookDir, { recursive: true, force: true }));

/** Writes the rows into a workbook as someone filling in the template would, and returns its path. */
async function workbook(name: string, rows: ExcelJS.CellValue[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('组织');
  sheet.addRow(header);
  rows.forEach((row) => sheet.addRow(row));
  const file = path.join(workbookDir, name);
  await book.xlsx.writeFile(file);
  return file;
}

async function openImportDialog(page: Page) {
  await page.goto('/admin/orgs');
  await button(page, 'Excel 导入').click();
  return dialog(page, '从 Excel 导入组织');
}

test('an admin downloads the template, reads each problem of a file by row and column, then imports the corrected file', async ({ page }) => {
  await signIn(page, demoAdmin.username, demoAdmin.password);
  const importDialog = await openImportDialog(page);

  const [template] = await Promise.all([page.waitForEvent('download'), button(importDialog, '下载模板').click()]);
  expect(template.suggestedFilename()).toBe('组织导入模板.xlsx');
  await button(importDialog, '下一步').click();

  await importDialog.locator('input[type=file]').setInputFiles(await workbook('有错误.xlsx', [
    ['社旗县蚕桑学会', '蚕桑学会', '学会', '社旗县科协', null, '2024年9月20日'],
    ['社旗县养蜂协会', null, '协会', '社旗县科协', null, '2024/9/21'],
    ['社旗县蚕桑学会服务站', null, '学会服务站', '社旗县蚕桑学会', null, '2024-02-30'],
  ]));
  const problems = importDialog.getByRole('table');
  await problems.waitFor();
  expect(await tableRows(problems)).toEqual([
    { 行号: '3', 列: '类型', 问题: '“协会”不是可选的值，可选：市科协、县区科协、学会、企业科协、学会服务站、高校科协、其他' },
    { 行号: '4', 列: '成立日期', 问题: '日期“2024-02-30”不存在' },
  ]);
  await expect(button(importDialog, '确认导入 1 行').isDisabled()).resolves.toBe(true);

  for (const [device, size] of Object.entries(viewports)) {
    await page.setViewportSize(size);
    await saveScreenshot(page, `import-dialog-check-${size.width}x${size.height}`);
    const { scrollWidth, innerWidth } = await horizontalOverflow(page);
    expect(scrollWidth, `the import dialog on the ${device} scrolls sideways`).toBeLessThanOrEqual(innerWidth);
    await assertNoSeriousAxeViolations(page, `the import dialog's check step on the ${device}`);
  }
  await page.setViewportSize(viewports.desktop);

  await button(importDialog, '重新上传').click();
  await importDialog.locator('input[type=file]').setInputFiles(await workbook('已改正.xlsx', [
    ['社旗县蚕桑学会', '蚕桑学会', '学会', '社旗县科协', null, '2024年9月20日'],
    ['社旗县养蜂学会', null, '学会', '社旗县科协', null, '2024/9/21'],
    ['社旗县蚕桑学会服务站', null, '学会服务站', '社旗县蚕桑学会', null, '2024-02-28'],
  ]));
  await importDialog.getByText('全部 3 行校验通过，可以导入。').waitFor();
  await button(importDialog, '确认导入 3 行').click();
  await importDialog.getByText('导入完成，已导入 3 行').waitFor();
  await saveScreenshot(page, 'import-dialog-result-1280x720');
  await button(importDialog, '完成').click();

  // The page reloads its tree after an import.
  await page.getByRole('searchbox', { name: '搜索组织' }).fill('蚕桑');
  await treeEntry(page, '社旗县蚕桑学会服务站').waitFor();
});

test('an admin exports the org list as an Excel file in the import format', async ({ page }) => {
  await signIn(page, demoAdmin.username, demoAdmin.password);
  await page.goto('/admin/orgs');
  const [download] = await Promise.all([page.waitForEvent('download'), button(page, '导出 Excel').click()]);
  expect(download.suggestedFilename()).toMatch(/^组织列表-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile((await download.path())!);
  const sheet = book.worksheets[0]!;
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(header);
  expect(sheet.rowCount).toBeGreaterThanOrEqual(15);
});
