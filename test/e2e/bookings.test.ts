/**
 * Issue 6, Must show 3, as people would do it: a teacher books a group visit
 * on the portal from a phone with JavaScript off; staff confirm the booking
 * and record how many came in the console; the venue's visit figure for the
 * day rises by exactly that count.
 */
import { addDays, beijingToday } from '../../src/modules/bookings/booking-time.ts';
import { apiAs, type ApiSession } from './support/api-steps.ts';
import { assertNoSeriousAxeViolations } from './support/axe.ts';
import { button, demoAdmin, dialog, filterList, openModule, signIn } from './support/console-steps.ts';
import { expect, test, viewports } from './support/fixtures.ts';

const venueName = '宛城区青少年科技馆（预约测试）';
const school = '南阳市第十五小学';
const attendedCount = 38;

/** A venue of 宛城区科协 open for bookings this week, every day at 23:58, made through the API as the demo admin. */
async function bookableVenue(admin: ApiSession, name: string, today: string): Promise<{ id: string }> {
  const wancheng = (await admin.get<{ items: { id: string; name: string }[] }>('/api/v1/orgs?q=宛城区科协')).items.find((o) => o.name === '宛城区科协')!;
  const venue = await admin.post<{ id: string }>('/api/v1/venues', { name, kind: 'youth_centre', ownerOrgId: wancheng.id, countyOrgId: wancheng.id, address: '南阳市宛城区仲景路 8 号', openedOn: '2021-09-01', status: 'open' });
  await admin.post(`/api/v1/venues/${venue.id}/slots/generate`, { from: today, to: addDays(today, 6), weekdays: [1, 2, 3, 4, 5, 6, 7], times: [{ start: '23:58', end: '23:59' }], capacity: 50 });
  return venue;
}

/**
 * Today in Beijing, its 23:58 slot still ahead for a whole test: a test that
 * starts in the last minute before it waits for the next day (00:00:05), and
 * may take that long beyond its usual time.
 */
async function dayWithLateSlotAhead(): Promise<string> {
  const now = new Date();
  const untilSlotMs = Date.parse(`${beijingToday(now)}T23:58:00+08:00`) - now.getTime();
  if (untilSlotMs < 60_000) await new Promise((resolve) => setTimeout(resolve, untilSlotMs + 125_000));
  return beijingToday();
}
const lateSlotTimeoutMs = 120_000 + 185_000;

/** 参观人次 of the venue on one day, from the venues module's visit figures. */
async function visitorsOn(admin: ApiSession, venueId: string, date: string): Promise<number> {
  const page = await admin.get<{ items: { visitors: number }[] }>(`/api/v1/venues/${venueId}/visits?from=${date}&to=${date}`);
  return page.items.reduce((sum, visit) => sum + visit.visitors, 0);
}

test('a teacher books a group visit on the portal; staff confirm it and record attendance; the day’s visit figure rises by the attended count', { timeout: lateSlotTimeoutMs }, async ({ kexie, browser, page }) => {
  // Today's last minutes: bookable now, and attendance may be recorded today.
  const today = await dayWithLateSlotAhead();
  const admin = await apiAs(browser, kexie.baseUrl, demoAdmin.username);
  const venue = await bookableVenue(admin, venueName, today);
  const before = await visitorsOn(admin, venue.id, today);

  // The teacher, on a phone with JavaScript off.
  const phone = await browser.newContext({ baseURL: kexie.baseUrl, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: viewports.phone, javaScriptEnabled: false });
  const teacher = await phone.newPage();
  await teacher.goto('/');
  await teacher.getByRole('navigation', { name: '栏目导航' }).getByRole('link', { name: '团体预约' }).click();
  await teacher.getByRole('link', { name: venueName }).click();
  await teacher.getByRole('heading', { name: venueName, level: 1 }).waitFor();
  await teacher.getByRole('link', { name: new RegExp(`^${today}`) }).click();
  const slot = teacher.getByRole('listitem').filter({ hasText: '23:58–23:59' });
  await expect(slot.innerText()).resolves.toContain('剩余 50 人');
  await slot.getByRole('link', { name: '预约此时段' }).click();
  await teacher.getByLabel('团体人数').fill('45');
  await teacher.getByLabel('单位/学校名称').fill(school);
  await teacher.getByLabel('联系人姓名').fill('刘芳');
  await teacher.getByLabel('联系人手机号码').fill('139 3770 1234');
  await teacher.getByRole('button', { name: '提交预约' }).click();
  await teacher.getByRole('heading', { name: '预约已提交' }).waitFor();
  const reference = (await teacher.locator('.booking-reference').innerText()).trim();
  expect(reference).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  // The confirmation shows the contact masked, never the number in full.
  const confirmation = await teacher.getByRole('main').innerText();
  expect(confirmation).toContain('139****1234');
  expect(confirmation).not.toContain('13937701234');
  await phone.close();

  // Staff find the booking in the console, confirm it, and record how many came.
  await signIn(page, demoAdmin.username, demoAdmin.password);
  await openModule(page, '团体预约');
  await filterList(page, '单位或预约号', reference);
  const actions = page.getByRole('group', { name: `${reference} 的操作` });
  const row = page.getByRole('table', { name: '团体预约列表' }).getByRole('row').filter({ hasText: reference });
  await expect(row.innerText()).resolves.toContain('刘芳 13937701234');
  const confirmed = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/confirm'));
  await button(actions, '确认').click();
  expect((await confirmed).status()).toBe(200);
  await row.getByText('已确认').waitFor();

  await button(actions, '登记到馆').click();
  const attendance = dialog(page, `登记到馆：${school}`);
  await attendance.getByLabel('实到人数').fill(String(attendedCount));
  const recorded = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/attendance'));
  await button(attendance, '保存').click();
  expect((await recorded).status()).toBe(200);
  await attendance.waitFor({ state: 'hidden' });
  await row.getByText('已到馆').waitFor();
  await expect(row.innerText()).resolves.toContain(`实到 ${attendedCount} 人`);

  expect(await visitorsOn(admin, venue.id, today)).toBe(before + attendedCount);
  await admin.close();
});

test('the booking pages read well on a phone and a laptop, in 关怀版 too: no serious axe violation, no sideways scrolling', { timeout: lateSlotTimeoutMs }, async ({ kexie, browser }) => {
  const today = await dayWithLateSlotAhead();
  const admin = await apiAs(browser, kexie.baseUrl, demoAdmin.username);
  const venue = await bookableVenue(admin, '卧龙区科普馆（页面检查）', today);
  await admin.close();
  for (const care of [false, true]) {
    for (const viewport of Object.values(viewports)) {
      const context = await browser.newContext({ baseURL: kexie.baseUrl, locale: 'zh-CN', viewport });
      if (care) await context.addCookies([{ name: 'kexie_care', value: '1', url: kexie.baseUrl }]);
      const page = await context.newPage();
      const check = async (name: string) => {
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${name} scrolls sideways`).toBe(true);
        await assertNoSeriousAxeViolations(page, `${name} (${care ? '关怀版' : 'standard'}, ${viewport.width}px)`);
      };
      await page.goto('/bookings');
      await check('venues');
      await page.goto(`/bookings/venues/${venue.id}`);
      await check('slots');
      await page.getByRole('link', { name: '预约此时段' }).first().click();
      // Sent with every field wrong: the errors beside the fields.
      await page.getByLabel('联系人手机号码').fill('1234');
      await page.getByRole('button', { name: '提交预约' }).click();
      await page.getByRole('alert').waitFor();
      await check('form with errors');
      await context.close();
    }
  }
});

test('staff generate a venue’s slots from its opening days and hours in the console, leaving out a closure day, and close one', async ({ kexie, browser, page }) => {
  const today = beijingToday();
  const from = addDays(today, 10);
  const admin = await apiAs(browser, kexie.baseUrl, demoAdmin.username);
  const wancheng = (await admin.get<{ items: { id: string; name: string }[] }>('/api/v1/orgs?q=宛城区科协')).items.find((o) => o.name === '宛城区科协')!;
  const name = '宛城区流动科技馆（时段测试）';
  const venue = await admin.post<{ id: string }>('/api/v1/venues', { name, kind: 'other', ownerOrgId: wancheng.id, countyOrgId: wancheng.id, address: '', openedOn: '2022-05-01', status: 'open' });

  await signIn(page, demoAdmin.username, demoAdmin.password);
  await openModule(page, '团体预约');
  await page.getByRole('tab', { name: '预约时段' }).click();
  await page.getByLabel('场馆').fill(name);
  await page.getByTitle(name, { exact: true }).filter({ visible: true }).last().click();
  await page.getByLabel('起始日期').fill(from);
  await page.getByLabel('截止日期').fill(addDays(from, 6));
  await button(page, '生成时段').click();
  const plan = dialog(page, '按开放时间生成时段');
  // Every day of the week, the two default ranges, 30 people a slot, one closure day.
  await plan.getByLabel('周一').check();
  await plan.getByLabel('每个时段容量（人）').fill('30');
  await plan.getByLabel('闭馆日期').fill(addDays(from, 3));
  await plan.getByLabel('闭馆日期').press('Enter');
  const generated = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/slots/generate'));
  await button(plan, '保存').click();
  expect((await generated).status()).toBe(200);
  await plan.waitFor({ state: 'hidden' });
  await page.getByText('新增 12 个、更新 0 个、删除 0 个时段；0 个已有预约的时段保留').waitFor();

  const table = page.getByRole('table', { name: '预约时段列表' });
  await table.getByRole('row').filter({ hasText: `${from} 09:00–11:00` }).waitFor();
  expect(await table.getByRole('row').filter({ hasText: addDays(from, 3) }).count()).toBe(0);
  const first = table.getByRole('row').filter({ hasText: `${from} 09:00–11:00` });
  await expect(first.innerText()).resolves.toContain('0 / 30');
  await button(first, '关闭').click();
  await first.getByText('已关闭').waitFor();

  const slots = await admin.get<{ items: { date: string; status: string }[] }>(`/api/v1/venues/${venue.id}/slots?from=${from}&to=${addDays(from, 6)}`);
  expect(slots.items).toHaveLength(12);
  expect(slots.items.filter((s) => s.status === 'closed')).toHaveLength(1);
  await admin.close();
});
