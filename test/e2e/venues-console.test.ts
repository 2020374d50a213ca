/**
 * The 科技馆体系 screens as an admin uses them: a venue recorded through its
 * form, a day's visitors entered (and refused a second time), a visits file
 * imported through the Excel dialog (a file with one bad cell refused by row
 * and column, then the corrected file), and the year's overview counting
 * every visitor added; the main pages on a phone and under axe.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import { assertNoSeriousAxeViolations } from './support/axe.ts';
import { settled } from './support/settled.ts';
import { button, choose, demoAdmin, dialog, fieldErrors, filterList, openModule, signIn, tableRows, typeDate } from './support/console-steps.ts';
import { expect, expectFailure, test, viewports } from './support/fixtures.ts';
import { horizontalOverflow } from './support/layout.ts';

const venue = { name: '方城县青少年科技体验馆', county: '方城县科协', openedOn: '2024-01-01' };
const enteredDay = { date: '2024-06-01', individual: 800, groupVisitors: 120, groups: 3 };
const importedDays = [
  { date: '2024-06-02', individual: 500 },
  { date: '2024-06-03', individual: 700 },
];

const workbookDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kexie-e2e-venues-'));
afterAll(() => fs.rmSync(workbookDir, { recursive: true, force: true }));

/** The downloaded template with the days filled in under its own header row; `散客人次` of a row may be a planted mistake. */
async function filledTemplate(templatePath: string, name: string, days: { date: string; individual: ExcelJS.CellValue }[]): Promise<string> {
  const template = new ExcelJS.Workbook();
  await template.xlsx.readFile(templatePath);
  const sheet = template.worksheets[0]!;
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  const filled = new ExcelJS.Workbook();
  const out = filled.addWorksheet(sheet.name);
  out.addRow(header);
  for (const day of days) {
    const values: Record<string, ExcelJS.CellValue> = { 场馆: venue.name, 日期: day.date, 统计方式: '日', 散客人次: day.individual };
    out.addRow(header.map((column) => values[column] ?? null));
  }
  const file = path.join(workbookDir, name);
  await filled.xlsx.writeFile(file);
  return file;
}

/** The 参观人次 card of the overview's figures for the year shown, as a number. */
async function visitorsShown(page: Page, year: string): Promise<number> {
  const figures = page.getByRole('region', { name: `${year} 年科技馆体系数据` });
  const card = figures.locator('.ant-statistic').filter({ has: page.getByText('参观人次', { exact: true }) }).first();
  return Number((await card.locator('.ant-statistic-content').innerText()).replace(/[^\d]/g, ''));
}

/** Axe judges colours as they are at that instant: with the pointer off the controls, so no hover colour is judged. */
async function axeWithPointerAway(page: Page, what: string) {
  await page.mouse.move(0, 0);
  await assertNoSeriousAxeViolations(page, what);
}

/** The page under axe on a laptop, then on a phone, where it must not scroll sideways either. */
async function checkPage(page: Page, what: string) {
  await axeWithPointerAway(page, what);
  await page.setViewportSize(viewports.phone);
  await expect.poll(async () => (await horizontalOverflow(page)).overflow, { message: `${what} scrolls sideways on a phone` }).toBeLessThanOrEqual(0);
  await axeWithPointerAway(page, `${what} on a phone`);
  await page.setViewportSize(viewports.desktop);
}

test('an admin adds a venue, enters a day’s visitors, imports a visits file after fixing its planted error, and the overview counts them all', async ({ page }) => {
  await signIn(page, demoAdmin.username, demoAdmin.password);
  await openModule(page, '科技馆体系');
  await choose(page.getByLabel('年度', { exact: true }), '2024');
  const before = await visitorsShown(page, '2024');
  expect(before, 'the demo museums’ visitors of 2024').toBeGreaterThan(900_000);
  await checkPage(page, '科技馆体系 概览');

  // 场馆: a new venue through the form.
  await page.getByRole('tab', { name: '场馆' }).click();
  await page.getByRole('table', { name: '场馆列表' }).getByRole('cell', { name: '南阳市科技馆', exact: true }).waitFor();
  await checkPage(page, '场馆');
  await button(page, '新增场馆').click();
  const venueForm = dialog(page, '新增场馆');
  await venueForm.getByLabel('场馆名称', { exact: true }).fill(venue.name);
  await choose(venueForm.getByLabel('所在县区', { exact: true }), venue.county);
  await typeDate(venueForm.getByLabel('开馆日期', { exact: true }), venue.openedOn);
  await venueForm.getByLabel('最大承载量（人）', { exact: true }).fill('600');
  const created = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/venues'));
  await button(venueForm, '保存').click();
  const createdResponse = await created;
  expect(createdResponse.status()).toBe(201);
  const venueId = ((await createdResponse.json()) as { id: string }).id;
  await venueForm.waitFor({ state: 'hidden' });

  // 参观人次: the venue's row leads to its visits; a day's figure is entered once.
  await filterList(page, '场馆名称', venue.name);
  await button(page.getByRole('group', { name: `“${venue.name}”的操作` }), '参观人次').click();
  const visits = page.getByRole('table', { name: `${venue.name} 参观人次列表` });
  await visits.waitFor();
  const enterDay = async () => {
    await button(page, '录入参观人次').click();
    const form = dialog(page, '录入参观人次');
    await typeDate(form.getByLabel('日期', { exact: true }), enteredDay.date);
    await form.getByLabel('散客人次', { exact: true }).fill(String(enteredDay.individual));
    await form.getByLabel('团体人次', { exact: true }).fill(String(enteredDay.groupVisitors));
    await form.getByLabel('团体数', { exact: true }).fill(String(enteredDay.groups));
    const response = page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/v1\/venues\/[^/]+\/visits$/.test(r.url()));
    await button(form, '保存').click();
    return { form, response: await response };
  };
  const first = await enterDay();
  expect(first.response.status()).toBe(201);
  await first.form.waitFor({ state: 'hidden' });
  expect(await tableRows(visits)).toEqual([
    expect.objectContaining({ 日期: enteredDay.date, 统计方式: '按日', 散客人次: '800', 团体人次: '120', 团体数: '3', 参观人次: '920', 来源: '录入' }),
  ]);

  expectFailure(page, { method: 'POST', path: `/api/v1/venues/${venueId}/visits`, status: 409 });
  const again = await enterDay();
  expect(again.response.status()).toBe(409);
  await expect.poll(() => fieldErrors(again.form.getByLabel('日期', { exact: true }))).toBe(
    `${venue.name} ${enteredDay.date} 的参观人数已录入（920 人次），不能重复录入；如需更正，请修改原记录`,
  );
  await axeWithPointerAway(page, '录入参观人次 with the error');
  await button(again.form, '取消').click();
  await again.form.waitFor({ state: 'hidden' });
  await checkPage(page, '参观人次');

  // The Excel import: the template, a file with one bad cell refused by row and column, then the corrected file.
  await button(page, 'Excel 导入').click();
  const importDialog = dialog(page, '从 Excel 导入参观人次');
  await settled(page);
  const [template] = await Promise.all([page.waitForEvent('download'), button(importDialog, '下载模板').click()]);
  expect(template.suggestedFilename()).toBe('场馆参观人数导入模板.xlsx');
  const templatePath = (await template.path())!;
  await button(importDialog, '下一步').click();
  await importDialog.locator('input[type=file]').setInputFiles(
    await filledTemplate(templatePath, '有错误.xlsx', [importedDays[0]!, { date: importedDays[1]!.date, individual: '七百' }]),
  );
  const problems = importDialog.getByRole('table');
  await problems.waitFor();
  const [problem, ...others] = await tableRows(problems);
  expect(others).toEqual([]);
  expect(problem).toMatchObject({ 行号: '3', 列: '散客人次' });
  expect(problem!['问题']).toContain('七百');
  await expect(button(importDialog, '确认导入 1 行').isDisabled()).resolves.toBe(true);

  await button(importDialog, '重新上传').click();
  await importDialog.locator('input[type=file]').setInputFiles(await filledTemplate(templatePath, '已改正.xlsx', importedDays));
  await importDialog.getByText('全部 2 行校验通过，可以导入。').waitFor();
  await button(importDialog, '确认导入 2 行').click();
  await importDialog.getByText('导入完成，已导入 2 行').waitFor();
  await button(importDialog, '完成').click();
  await importDialog.waitFor({ state: 'hidden' });
  expect((await tableRows(visits)).map((row) => [row['日期'], row['参观人次'], row['来源']])).toEqual([
    [importedDays[1]!.date, '700', '导入'],
    [importedDays[0]!.date, '500', '导入'],
    [enteredDay.date, '920', '录入'],
  ]);

  // The overview (still on 2024: the year stays in the address) counts exactly what was entered and imported on top.
  await page.getByRole('tab', { name: '概览' }).click();
  expect(await visitorsShown(page, '2024')).toBe(before + 920 + 500 + 700);
});

test('the caravans and touring shows tabs list the demo records, open a record’s log below, offer the trip import, and fit a phone', async ({ page }) => {
  await signIn(page, demoAdmin.username, demoAdmin.password);
  await page.goto('/admin/venues?tab=caravans');
  const caravans = page.getByRole('table', { name: '科普大篷车列表' });
  // A row's actions: present once the rows are (a loading table has a placeholder row).
  await caravans.getByRole('group').first().waitFor();
  const caravanName = (await tableRows(caravans))[0]!['车牌号或名称']!;
  await button(page.getByRole('group', { name: `“${caravanName}”的操作` }), '出车记录').click();
  const trips = page.getByRole('region', { name: `“${caravanName}”的出车记录` });
  await trips.getByRole('table', { name: '出车记录列表' }).getByRole('group').first().waitFor();
  await checkPage(page, '科普大篷车');

  // Trip logs come in from Excel through the same dialog, with their own template.
  await button(page, '从 Excel 导入出车记录').click();
  const importDialog = dialog(page, '从 Excel 导入出车记录');
  await settled(page);
  const [template] = await Promise.all([page.waitForEvent('download'), button(importDialog, '下载模板').click()]);
  expect(template.suggestedFilename()).toBe('科普大篷车出车记录导入模板.xlsx');
  await button(importDialog, '关闭').click();
  await importDialog.waitFor({ state: 'hidden' });

  await page.getByRole('tab', { name: '流动科技馆' }).click();
  const shows = page.getByRole('table', { name: '巡展列表' });
  await shows.getByRole('group').first().waitFor();
  const showName = (await tableRows(shows))[0]!['巡展名称']!;
  await button(page.getByRole('group', { name: `“${showName}”的操作` }), '站点').click();
  await page.getByRole('region', { name: `“${showName}”的站点` }).getByRole('table', { name: '巡展站点列表' }).getByRole('group').first().waitFor();
  await checkPage(page, '流动科技馆');
});
