/**
 * 数据看板 as staff use it on the demo data: the 2024 key figures, the counties
 * as the stats API breaks them down (bars, and a ranking largest first), one
 * county on its own, each chart saved as a PNG and its data as Excel, and a
 * county reporter kept to their county. Every figure is checked against the
 * stats API, never against a number worked out here.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { apiAs } from './support/api-steps.ts';
import { assertNoSeriousAxeViolations } from './support/axe.ts';
import { choose, demoAdmin, openModule, signIn, tableRows } from './support/console-steps.ts';
import { expect, readOnlyTest as test, viewports } from './support/fixtures.ts';
import { demoPassword } from './support/kexie-server.ts';
import { horizontalOverflow } from './support/layout.ts';

interface BreakdownRow {
  key: string;
  label: string;
  value: number;
  previous: number;
}

const digits = (text: string) => Number(text.replace(/[^\d]/g, ''));

/** The key-figure card of an indicator: its value as shown. */
async function keyFigure(page: Page, code: string): Promise<string> {
  return (await page.locator(`[data-indicator="${code}"] .ant-statistic-content`).innerText()).trim();
}

/** A chart's card by its heading. */
const chartCard = (page: Page, title: string): Locator => page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: title, exact: true }) });

/** How many data items ECharts holds for the chart, as its aria description reads them out ("X的数据是N"). */
async function chartItems(card: Locator): Promise<string[]> {
  const chart = card.locator('[role="img"]:has(canvas)');
  await expect.poll(async () => (await chart.getAttribute('aria-label')) ?? '').toContain('的数据是');
  const label = (await chart.getAttribute('aria-label'))!;
  return [...label.matchAll(/([^，—]+?)的数据是/g)].map((match) => match[1]!);
}

test('an admin reads 2024 on the dashboard, saves the county chart as PNG and Excel, and narrows it to 方城县 with its statistical return', async ({ page, kexie, browser }) => {
  const api = await apiAs(browser, kexie.baseUrl, demoAdmin.username);
  const city = await api.get<{ items: { value: number }[] }>('/api/v1/stats/values?year=2024&codes=activities.count');
  const byCountyFromApi = await api.get<{ indicator: { label: string }; items: BreakdownRow[] }>('/api/v1/stats/breakdown?year=2024&code=activities.count&dimension=county');
  const counties = byCountyFromApi.items;
  const fangcheng = counties.find((row) => row.label === '方城县科协')!;
  const fangchengValues = await api.get<{ items: { value: number }[] }>(`/api/v1/stats/values?year=2024&codes=activities.count&orgId=${fangcheng.key}`);
  await api.close();
  expect(city.items[0]!.value, 'the demo’s activities in 2024').toBe(2758);

  await signIn(page, demoAdmin.username, demoAdmin.password);
  await openModule(page, '数据看板');
  await choose(page.getByLabel('年度', { exact: true }), '2024');
  await expect.poll(() => keyFigure(page, 'activities.count')).toBe('2,758项');

  // By county: a bar per county as the API gives them, and the ranking largest first.
  const byCounty = chartCard(page, '按县区');
  expect(await chartItems(byCounty)).toEqual(counties.map((row) => row.label));
  const ranking = byCounty.getByRole('table', { name: `${byCountyFromApi.indicator.label}按县区排名` });
  await ranking.locator('tbody').getByRole('row').first().waitFor();
  const rows = await tableRows(ranking);
  expect(rows.map((row) => row['县区'])).toEqual(counties.map((row) => row.label));
  expect(digits(rows[0]!['2024 年']!)).toBe(Math.max(...counties.map((row) => row.value)));
  expect(rows[0]!['排名']).toBe('1');

  // The chart as a PNG, and its data as a workbook whose rows are the ranking's.
  const [png] = await Promise.all([page.waitForEvent('download'), byCounty.getByRole('button', { name: /导出图片/ }).click()]);
  expect(png.suggestedFilename()).toMatch(/按县区\.png$/);
  expect([...fs.readFileSync(await png.path()).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const [xlsx] = await Promise.all([page.waitForEvent('download'), byCounty.getByRole('button', { name: /导出 Excel/ }).click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await xlsx.path());
  const sheet = workbook.worksheets[0]!;
  const exported: { county: string; value: number }[] = [];
  sheet.eachRow((row) => {
    if (typeof row.getCell(1).value === 'number') exported.push({ county: String(row.getCell(2).value), value: row.getCell(3).value as number });
  });
  expect(exported).toEqual(rows.map((row) => ({ county: row['县区']!, value: digits(row['2024 年']!) })));

  // By month and by type draw too.
  expect(await chartItems(chartCard(page, '按月份'))).toHaveLength(24);
  expect((await chartItems(chartCard(page, '按类型'))).length).toBeGreaterThan(3);

  await page.mouse.move(0, 0);
  await assertNoSeriousAxeViolations(page, '数据看板');

  // 方城县 alone: the figure is the API's for 方城县.
  await choose(page.getByLabel('组织', { exact: true }), '方城县科协', { search: true });
  await expect.poll(() => keyFigure(page, 'activities.count')).toBe(`${fangchengValues.items[0]!.value.toLocaleString('en-US')}项`);
  expect(fangchengValues.items[0]!.value).toBeLessThan(2758);

  // 导出统计年报 for the year and org on screen.
  const [statisticalReturn] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出统计年报/ }).click()]);
  expect(statisticalReturn.suggestedFilename()).toBe('2024年度方城县科协统计年报.xlsx');
  const returnBook = new ExcelJS.Workbook();
  await returnBook.xlsx.readFile(await statisticalReturn.path());
  expect(returnBook.worksheets[0]!.getCell('A1').value).toBe('2024年度方城县科协统计年报');

  // On a phone the dashboard neither breaks nor scrolls sideways.
  await page.setViewportSize(viewports.phone);
  await expect.poll(async () => (await horizontalOverflow(page)).overflow, { message: 'the dashboard scrolls sideways on a phone' }).toBeLessThanOrEqual(0);
});

test('a 方城县 reporter opens on a complete year with records, sees 方城县’s figures and cannot pick 唐河县', async ({ page, kexie, browser }) => {
  const api = await apiAs(browser, kexie.baseUrl, 'fangcheng');
  const own = await api.get<{ org: { name: string }; items: { value: number }[] }>('/api/v1/stats/values?year=2024&codes=activities.count');
  await api.close();
  expect(own.org.name).toBe('方城县科协');

  await signIn(page, 'fangcheng', demoPassword);
  // Without a year it opens on a complete year (not the one in progress) in which activities were recorded.
  await openModule(page, '数据看板');
  await expect.poll(() => new URL(page.url()).searchParams.get('year')).toMatch(/^\d{4}$/);
  expect(Number(new URL(page.url()).searchParams.get('year'))).toBeLessThan(new Date().getFullYear());
  await expect.poll(() => keyFigure(page, 'activities.count').then(digits)).toBeGreaterThan(0);

  await page.goto('/admin/dashboard?year=2024');
  await expect.poll(() => keyFigure(page, 'activities.count')).toBe(`${own.items[0]!.value.toLocaleString('en-US')}项`);

  const orgField = page.getByLabel('组织', { exact: true });
  await orgField.fill('唐河');
  await expect(page.getByTitle('唐河县科协', { exact: true }).filter({ visible: true }).count()).resolves.toBe(0);
  await orgField.fill('方城');
  await page.getByTitle('方城县科协', { exact: true }).filter({ visible: true }).first().waitFor();
});
