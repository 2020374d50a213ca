/**
 * Issue 5, as people would do it: a county reporter fills in the console's
 * activity template and imports it; a city reviewer returns one activity with
 * a reason; the reporter reads the reason, corrects the record and saves it,
 * which reports it again; the reviewer verifies it; the list shows 已核实.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { afterAll } from 'vitest';
import { demoReviewers } from './support/api-steps.ts';
import { button, dialog, filterList, openModule, signIn, signOut, tableRows } from './support/console-steps.ts';
import { expect, test } from './support/fixtures.ts';
import { demoPassword } from './support/kexie-server.ts';

const reporter = { username: 'fangcheng', displayName: '方城县科协填报员' } as const;
const reviewer = demoReviewers[0];
const templateHeader = ['活动名称', '活动类型', '主题活动', '开始日期', '结束日期', '所属县区', '活动地点', '主办单位', '合作单位', '受益人次', '形式', '数量', '备注'];

/** Titles in no demo data, so the list filtered by them shows these rows only. */
const lecture = { title: '方城县青少年航模科普讲座', participants: 260 };
const boards = { title: '方城县防灾减灾科普展板进社区', participants: 1200 };
const returnReason = '受益人次与签到表不符，请核对后重报';
const correctedParticipants = 240;

const workbookDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kexie-e2e-activities-'));
afterAll(() => fs.rmSync(workbookDir, { recursive: true, force: true }));

/** The downloaded template with two activities filled in under its own header row, as a county would send it. */
async function filledTemplate(templatePath: string): Promise<{ file: string; header: string[] }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(templatePath);
  const sheet = book.worksheets[0]!;
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  const filled = new ExcelJS.Workbook();
  const out = filled.addWorksheet(sheet.name);
  out.addRow(header);
  const row = (values: Record<string, ExcelJS.CellValue>) => header.map((column) => values[column] ?? null);
  out.addRow(row({ 活动名称: lecture.title, 活动类型: '讲座/报告会', 主题活动: '科技活动周', 开始日期: '2024-05-20', 结束日期: '2024-05-20', 所属县区: '方城县科协', 活动地点: '方城县第一高级中学', 主办单位: '方城县科协', 合作单位: '方城县教育局、方城县第一高级中学', 受益人次: lecture.participants, 形式: '线下', 数量: 1 }));
  out.addRow(row({ 活动名称: boards.title, 活动类型: '展览/展板', 主题活动: '防灾减灾日', 开始日期: '2024-05-12', 结束日期: '2024-05-14', 所属县区: '方城县科协', 活动地点: '方城县凤瑞街道', 主办单位: '方城县科协', 受益人次: boards.participants, 形式: '线下', 数量: 30, 备注: '展板巡展三天' }));
  const file = path.join(workbookDir, '方城县科普活动.xlsx');
  await filled.xlsx.writeFile(file);
  return { file, header };
}

/** 科普活动, filtered to one activity by its title; returns its row as { column header: cell text }. */
async function activityRow(page: Page, title: string): Promise<Record<string, string>> {
  await openModule(page, '科普活动');
  await filterList(page, '活动名称', title);
  const table = page.getByRole('table', { name: '科普活动列表' });
  await table.getByRole('cell').filter({ hasText: title }).first().waitFor();
  const rows = (await tableRows(table)).filter((row) => row['活动名称'] === title);
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

/** The reviewer opens the activity from 活动核实 and decides it. */
async function decide(page: Page, title: string, decision: 'verify' | { returnWith: string }): Promise<void> {
  await signIn(page, reviewer.username, demoPassword);
  await openModule(page, '活动核实');
  await page.getByRole('table', { name: '待核实活动列表' }).getByRole('button', { name: title, exact: true }).click();
  const details = page.getByRole('dialog', { name: title });
  await details.getByText('方城县科协').first().waitFor();
  let decided: Promise<{ status(): number }>;
  if (decision === 'verify') {
    await button(details, '核实').click();
    decided = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/verify'));
    await button(page.getByRole('tooltip'), '核实').click();
  } else {
    await button(details, '退回').click();
    const returning = dialog(page, '退回活动');
    await returning.getByLabel('退回理由').fill(decision.returnWith);
    decided = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/return'));
    await button(returning, '退回').click();
    await returning.waitFor({ state: 'hidden' });
  }
  expect((await decided).status()).toBe(200);
  await details.waitFor({ state: 'hidden' });
  await signOut(page, reviewer.displayName);
}

function rowActions(page: Page, title: string): Locator {
  return page.getByRole('group', { name: `活动“${title}”的操作` });
}

test('a county imports its activities; the city returns one with a reason; the county corrects it and the city verifies it', async ({ page }) => {
  // The reporter downloads the template, fills it in and imports it through the dialog.
  await signIn(page, reporter.username, demoPassword);
  await openModule(page, '科普活动');
  await button(page, 'Excel 导入').click();
  const importDialog = dialog(page, '从 Excel 导入科普活动');
  const [template] = await Promise.all([page.waitForEvent('download'), button(importDialog, '下载模板').click()]);
  const { file, header } = await filledTemplate(await template.path());
  expect(header).toEqual(templateHeader);
  await button(importDialog, '下一步').click();
  await importDialog.locator('input[type=file]').setInputFiles(file);
  await importDialog.getByText('全部 2 行校验通过，可以导入。').waitFor();
  await button(importDialog, '确认导入 2 行').click();
  await importDialog.getByText('导入完成，已导入 2 行').waitFor();
  await button(importDialog, '完成').click();
  await importDialog.waitFor({ state: 'hidden' });

  const imported = await activityRow(page, lecture.title);
  expect(imported).toMatchObject({ 活动类型: '讲座/报告会', 主题活动: '科技活动周', 活动日期: '2024-05-20', 所属县区: '方城县科协', 受益人次: '260', 数量: '1 场', 状态: '已上报' });
  expect((await activityRow(page, boards.title))['活动日期']).toBe('2024-05-12 至 2024-05-14');
  await signOut(page, reporter.displayName);

  // The city returns the lecture with a reason.
  await decide(page, lecture.title, { returnWith: returnReason });

  // The reporter sees the reason on the list and above the form, corrects 受益人次 and saves: reported again.
  await signIn(page, reporter.username, demoPassword);
  const returned = await activityRow(page, lecture.title);
  expect(returned['状态']).toContain('已退回');
  expect(returned['状态']).toContain(returnReason);
  await button(rowActions(page, lecture.title), '编辑').click();
  const form = dialog(page, '编辑活动');
  await form.getByText(`退回理由：${returnReason}`).waitFor();
  await form.getByLabel('受益人次', { exact: true }).fill(String(correctedParticipants));
  const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes('/api/v1/activities/'));
  await button(form, '保存').click();
  expect((await saved).status()).toBe(200);
  await form.waitFor({ state: 'hidden' });
  expect(await activityRow(page, lecture.title)).toMatchObject({ 受益人次: String(correctedParticipants), 状态: '已上报' });
  await signOut(page, reporter.displayName);

  // The city verifies the corrected record; the county's list shows it 已核实.
  await decide(page, lecture.title, 'verify');
  await signIn(page, reporter.username, demoPassword);
  expect(await activityRow(page, lecture.title)).toMatchObject({ 受益人次: String(correctedParticipants), 状态: '已核实' });
  expect((await activityRow(page, boards.title))['状态']).toBe('已上报');
});
