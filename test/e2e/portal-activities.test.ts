/**
 * The portal's 活动日历 as a member of the public finds it on the demo site:
 * from the home page's menu to the calendar to one activity on a phone, the
 * filters and month pages with JavaScript off in 关怀版, under axe-core
 * (no serious or critical violation) and the Nu HTML Checker (no error).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { assertNoSeriousAxeViolations } from './support/axe.ts';
import { button, choose, dialog, openModule, signIn, typeDate } from './support/console-steps.ts';
import { demoPassword, type KexieServer } from './support/kexie-server.ts';
import { expect, expectFailure, test, viewports } from './support/fixtures.ts';
import { horizontalOverflow } from './support/layout.ts';
import { watchPage } from './support/page-problems.ts';

/** The day `days` from today in Beijing, as the portal counts days. */
function beijingDayFrom(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A signed-in console in a browser context of its own, so several people can take turns without signing out. */
async function consoleOf(kexie: KexieServer, browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: kexie.baseUrl, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: viewports.desktop });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await signIn(page, username, demoPassword);
  return page;
}

/** A page a phone can read without scrolling sideways, and without a serious accessibility fault. */
async function checkPage(page: Page, name: string) {
  expect((await horizontalOverflow(page)).overflow, `${name} scrolls sideways`).toBe(0);
  await assertNoSeriousAxeViolations(page, name);
}

test('a reader on a phone goes from the home page to the calendar to one coming activity', async ({ page }) => {
  await page.setViewportSize(viewports.phone);
  await page.goto('/');
  // The demo's coming weeks are on the home page too.
  const coming = page.getByRole('region', { name: '近期活动' });
  expect(await coming.getByRole('listitem').count()).toBe(5);

  await page.getByRole('navigation', { name: '栏目导航' }).getByRole('link', { name: '活动日历' }).click();
  await page.waitForURL('**/activities');
  await page.getByRole('heading', { level: 1, name: '活动日历' }).waitFor();
  expect(await page.getByRole('link', { name: '活动日历' }).getAttribute('aria-current')).toBe('page');
  // The demo's thirteen coming public activities, and any a test here has added.
  const count = Number(/共 (\d+) 项活动/.exec((await page.getByText(/^共 \d+ 项活动$/).textContent())!)?.[1]);
  expect(count).toBeGreaterThanOrEqual(13);
  // Internal work never reaches the portal.
  expect(await page.getByText('全市科协系统科普信息员业务培训').count()).toBe(0);
  await checkPage(page, '活动日历 (phone)');

  const first = page.locator('.activity-entry h3 a').first();
  const title = (await first.textContent())!;
  await first.click();
  await page.waitForURL('**/activities/*');
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  for (const term of ['活动时间', '所属县区', '活动地点', '活动类型', '活动形式']) expect(await page.getByRole('term').filter({ hasText: term }).count(), term).toBe(1);
  // Still to come: how many it reached is not known yet.
  expect(await page.getByRole('term').filter({ hasText: '受益人次' }).count()).toBe(0);
  await checkPage(page, '活动详情 (phone)');
  await page.getByRole('navigation', { name: '当前位置' }).getByRole('link', { name: '活动日历' }).click();
  await page.waitForURL('**/activities');
});

test('the filters and the months work with JavaScript off, and read well in 关怀版', async ({ kexie, browser }) => {
  const visited: string[] = [];
  const noScript = await browser.newContext({ baseURL: kexie.baseUrl, locale: 'zh-CN', viewport: viewports.phone, javaScriptEnabled: false });
  noScript.setDefaultTimeout(15_000);
  const page = await noScript.newPage();
  const problems = watchPage(page);
  try {
    await page.goto('/activities');
    await page.getByLabel('所属县区').selectOption({ label: '方城县科协' });
    await page.getByRole('button', { name: '筛选' }).click();
    await page.waitForURL(/county=/);
    const counties = await page.locator('.activity-entry').evaluateAll((entries) =>
      entries.map((entry) => [...entry.querySelectorAll('dt')].find((dt) => dt.textContent === '所属县区')?.nextElementSibling?.textContent),
    );
    expect(counties.length).toBeGreaterThan(0);
    expect(new Set(counties)).toEqual(new Set(['方城县科协']));
    visited.push(page.url());

    // The month view keeps the filter; the next month's link moves on and keeps it too.
    await page.getByRole('link', { name: /^按月查看/ }).click();
    await page.waitForURL(/month=\d{4}-\d{2}.*county=/);
    const month = new URL(page.url()).searchParams.get('month')!;
    await page.getByRole('link', { name: /›$/ }).click();
    await page.waitForURL((url) => url.searchParams.get('month') !== month && url.searchParams.has('county'));
    await page.getByRole('heading', { level: 1, name: /^\d{4}年\d{1,2}月活动$/ }).waitFor();
    visited.push(page.url());

    // 2024, the year of the review, is there to browse: the 全国科普日 flagship in September, with how many it reached.
    await page.goto('/activities?month=2024-09');
    await page.getByRole('link', { name: '2024年南阳市全国科普日活动启动仪式' }).click();
    await page.getByText('6,800 人次').waitFor();
    visited.push(page.url());
    expect(problems.unexpected()).toEqual([]);
  } finally {
    await noScript.close();
  }

  // The same pages in 关怀版 (axe-core needs JavaScript to run).
  const care = await browser.newContext({ baseURL: kexie.baseUrl, locale: 'zh-CN', viewport: viewports.phone });
  await care.addCookies([{ name: 'kexie_care', value: '1', url: kexie.baseUrl }]);
  const carePage = await care.newPage();
  const careProblems = watchPage(carePage);
  try {
    for (const url of visited) {
      await carePage.goto(url);
      expect(await carePage.evaluate(() => document.documentElement.className)).toBe('care');
      expect(await carePage.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBeGreaterThanOrEqual(20);
      await checkPage(carePage, `${new URL(url).pathname}${new URL(url).search} (关怀版)`);
    }
    expect(careProblems.unexpected()).toEqual([]);
  } finally {
    await care.close();
  }
});

test('the calendar, a month and an activity page are valid HTML in both modes', async ({ kexie }) => {
  const calendar = await (await fetch(`${kexie.baseUrl}/activities`)).text();
  const firstId = /href="\/activities\/([^"?]+)"/.exec(calendar)?.[1];
  expect(firstId).toBeDefined();
  const urls = ['/activities', '/activities?month=2024-09', `/activities/${firstId}`];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kexie-portal-activities-'));
  try {
    const files: string[] = [];
    for (const cookie of ['', 'kexie_care=1']) {
      for (const [i, url] of urls.entries()) {
        const response = await fetch(kexie.baseUrl + url, { headers: cookie ? { cookie } : {} });
        expect(response.status, url).toBe(200);
        const file = path.join(dir, `page-${i}-${cookie ? 'care' : 'standard'}.html`);
        fs.writeFileSync(file, await response.text());
        files.push(file);
      }
    }
    const vnu = spawnSync('java', ['-jar', 'node_modules/vnu-jar/build/dist/vnu.jar', '--errors-only', '--format', 'json', ...files], { encoding: 'utf8' });
    expect(vnu.error, 'the Nu HTML Checker did not start').toBeUndefined();
    expect(vnu.stderr, 'the Nu HTML Checker printed no report').toMatch(/"messages"/);
    const messages = (JSON.parse(vnu.stderr) as { messages: { url: string; message: string; extract?: string; lastLine?: number }[] }).messages;
    expect(messages.map((m) => `${path.basename(m.url)}:${m.lastLine ?? '?'} ${m.message} ${m.extract ? `[${m.extract.trim()}]` : ''}`)).toEqual([]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);

test('a county reporter records a public activity with a photo they upload; once the city verifies it, the portal shows it', async ({ kexie, browser, page }) => {
  const title = '方城县青少年科技馆开放日';
  const day = beijingDayFrom(3);

  const reporter = await consoleOf(kexie, browser, 'fangcheng');
  await openModule(reporter, '科普活动');
  await button(reporter, '新增活动').click();
  const form = dialog(reporter, '新增活动');
  await form.getByLabel('活动名称', { exact: true }).fill(title);
  await choose(form.getByLabel('活动类型', { exact: true }), '参观开放');
  await typeDate(form.getByLabel('开始日期', { exact: true }), day);
  await typeDate(form.getByLabel('结束日期', { exact: true }), day);
  await form.getByLabel('活动地点', { exact: true }).fill('方城县青少年科技馆');
  await form.getByLabel('受益人次', { exact: true }).fill('150');
  // The reporter uploads the photo through the library's picker: images are theirs to add.
  const photo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kexie-e2e-')), '开放日海报.png');
  fs.writeFileSync(photo, await sharp({ create: { width: 800, height: 600, channels: 3, background: '#2d7' } }).png().toBuffer());
  await button(form, '添加照片').click();
  const picker = dialog(reporter, '选择图片');
  await picker.locator('input[type=file]').setInputFiles(photo);
  await picker.getByRole('button', { name: '选用 开放日海报.png' }).click();
  await picker.waitFor({ state: 'hidden' });
  const visible = form.getByRole('switch', { name: '对公众公开' });
  expect(await visible.getAttribute('aria-checked')).toBe('false');
  await visible.click();
  const created = reporter.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/activities'));
  await button(form, '保存').click();
  const saved = await (await created).json();
  expect(saved).toMatchObject({ title, public: true, status: 'reported', orgName: '方城县科协' });
  expect(saved.evidenceMediaIds).toHaveLength(1);
  await reporter.context().close();

  // Reported is not public yet: the portal's 404 page.
  expectFailure(page, { method: 'GET', path: `/activities/${saved.id}`, status: 404 });
  expect((await page.goto(`/activities/${saved.id}`))!.status()).toBe(404);
  await page.getByRole('heading', { level: 1, name: '页面不存在' }).waitFor();

  const reviewer = await consoleOf(kexie, browser, 'reviewer1');
  await openModule(reviewer, '活动核实');
  await reviewer.getByRole('table', { name: '待核实活动列表' }).getByRole('button', { name: title, exact: true }).click();
  const details = reviewer.getByRole('dialog', { name: title });
  await details.getByText('公开', { exact: true }).waitFor();
  await button(details, '核实').click();
  const verified = reviewer.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/verify'));
  await button(reviewer.getByRole('tooltip'), '核实').click();
  expect((await verified).status()).toBe(200);
  await reviewer.context().close();

  // At once on the portal: its page with the photo, and the calendar.
  await page.setViewportSize(viewports.phone);
  expect((await page.goto(`/activities/${saved.id}`))!.status()).toBe(200);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  const picture = page.getByRole('region', { name: '活动照片' }).getByRole('img');
  await picture.waitFor();
  expect(await picture.getAttribute('srcset')).toMatch(/ \d+w/);
  await checkPage(page, '活动详情, reported by a county (phone)');
  await page.goto('/activities');
  await page.getByRole('link', { name: title }).waitFor();
});
