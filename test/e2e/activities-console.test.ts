/**
 * The activity screens beyond the reporting round trip: the form's own checks
 * (an end before the start, the type's unit beside 数量), the calendar, the
 * vocabularies page, and the pages on a phone and under axe.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { assertNoSeriousAxeViolations } from './support/axe.ts';
import { button, choose, demoAdmin, dialog, fieldErrors, filterList, openModule, signIn, typeDate } from './support/console-steps.ts';
import { expect, test, viewports } from './support/fixtures.ts';
import { horizontalOverflow } from './support/layout.ts';

const activity = { title: '南阳市科技馆科普大篷车进乡村', partner: '南阳市科技馆' };

test('an admin records an activity through the form, which refuses an end before the start, and finds it on the calendar', async ({ page }) => {
  await signIn(page, demoAdmin.username, demoAdmin.password);
  await openModule(page, '科普活动');
  await button(page, '新增活动').click();
  const form = dialog(page, '新增活动');
  await form.getByLabel('活动名称', { exact: true }).fill(activity.title);
  await choose(form.getByLabel('活动类型', { exact: true }), '展览/展板');
  // 数量 counts in the chosen type's unit.
  await form.getByText('块', { exact: true }).waitFor();
  await choose(form.getByLabel('主题活动', { exact: true }), '全国科普日');
  await typeDate(form.getByLabel('开始日期', { exact: true }), '2024-09-16');
  await typeDate(form.getByLabel('结束日期', { exact: true }), '2024-09-14');
  await form.getByLabel('合作单位', { exact: true }).fill(activity.partner);
  await form.getByLabel('合作单位', { exact: true }).press('Enter');
  await form.getByLabel('受益人次', { exact: true }).fill('800');
  await form.getByLabel('数量', { exact: true }).fill('24');

  // A photo of the activity, uploaded and chosen through the media library's picker.
  const photo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kexie-e2e-')), '大篷车现场.png');
  fs.writeFileSync(photo, await sharp({ create: { width: 640, height: 480, channels: 3, background: '#48a' } }).png().toBuffer());
  await button(form, '添加照片').click();
  const picker = dialog(page, '选择图片');
  await picker.locator('input[type=file]').setInputFiles(photo);
  await picker.getByRole('button', { name: '选用 大篷车现场.png' }).click();
  await picker.waitFor({ state: 'hidden' });
  await form.getByRole('group', { name: '活动照片' }).getByRole('button', { name: '移除照片 大篷车现场.png' }).waitFor();
  await assertNoSeriousAxeViolations(page, '新增活动');

  let posted = false;
  page.on('request', (request) => void (request.method() === 'POST' && request.url().endsWith('/api/v1/activities') && (posted = true)));
  await button(form, '保存').click();
  const endDate = form.getByLabel('结束日期', { exact: true });
  await expect.poll(() => fieldErrors(endDate)).toBe('结束日期不能早于开始日期');
  expect(posted, 'nothing is sent while the form has an error').toBe(false);

  await typeDate(endDate, '2024-09-18');
  const created = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/activities'));
  await button(form, '保存').click();
  const response = await created;
  expect(response.status()).toBe(201);
  const saved = await response.json();
  expect(saved.evidenceMediaIds).toHaveLength(1);
  expect(saved).toMatchObject({ title: activity.title, startDate: '2024-09-16', endDate: '2024-09-18', partners: [activity.partner], participants: 800, quantity: 24, unit: '块', mode: 'offline', status: 'reported' });
  await form.waitFor({ state: 'hidden' });

  // The calendar shows it on its start date; opening it shows the details.
  // September is 全国科普日's month and full of demo activities: the calendar takes the list's filters.
  await page.getByRole('tab', { name: '日历' }).click();
  await typeDate(page.getByLabel('月份', { exact: true }), '2024-09');
  await page.getByRole('list', { name: /^2024-09-20：\d+ 项活动$/ }).waitFor();
  await filterList(page, '活动名称', activity.title);
  await page.getByRole('list', { name: /^2024-09-20：/ }).waitFor({ state: 'detached' });
  const day = page.getByRole('list', { name: '2024-09-16：1 项活动', exact: true });
  await day.getByRole('button', { name: activity.title }).click();
  const details = page.getByRole('dialog', { name: activity.title });
  await details.getByText('24 块').waitFor();
  await details.getByText('2024-09-16 至 2024-09-18').waitFor();
  await details.getByRole('group', { name: '活动照片' }).getByRole('img', { name: '大篷车现场.png' }).waitFor();
  await assertNoSeriousAxeViolations(page, '科普活动日历');
  await page.keyboard.press('Escape');
  await details.waitFor({ state: 'hidden' });

  // On a phone the list page fits the screen.
  await page.getByRole('tab', { name: '列表' }).click();
  await page.getByRole('table', { name: '科普活动列表' }).waitFor();
  await assertNoSeriousAxeViolations(page, '科普活动');
  await page.setViewportSize(viewports.phone);
  // The table re-lays itself out for the narrow screen a frame or two after the resize.
  await expect.poll(async () => (await horizontalOverflow(page)).overflow).toBeLessThanOrEqual(0);

  // On a phone the calendar shows counts; tapping a day lists its activities below.
  await page.getByRole('tab', { name: '日历' }).click();
  await typeDate(page.getByLabel('月份', { exact: true }), '2024-09');
  await page.getByTitle('2024-09-16：1 项活动', { exact: true }).waitFor();
  // The month picker's panel may reach past the edge while open; the page itself must not.
  await page.getByRole('dialog').or(page.locator('.ant-picker-dropdown')).filter({ visible: true }).waitFor({ state: 'hidden' });
  await expect.poll(async () => (await horizontalOverflow(page)).overflow).toBeLessThanOrEqual(0);
  await page.getByTitle('2024-09-16', { exact: true }).click();
  await page.getByRole('listitem').getByRole('button', { name: activity.title }).click();
  await page.getByRole('dialog', { name: activity.title }).getByText('24 块').waitFor();
});

test('an admin adds an activity type with its unit, then retires it', async ({ page }) => {
  await signIn(page, demoAdmin.username, demoAdmin.password);
  await openModule(page, '活动类型');
  const types = page.getByRole('table', { name: '活动类型列表' });
  await types.getByRole('cell', { name: '讲座/报告会', exact: true }).waitFor();
  await assertNoSeriousAxeViolations(page, '活动类型与主题活动');

  await button(page, '新增活动类型').click();
  const adding = dialog(page, '新增活动类型');
  await adding.getByLabel('名称', { exact: true }).fill('科普大篷车巡展');
  await adding.getByLabel('数量单位', { exact: true }).fill('站');
  const added = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/activity-types'));
  await button(adding, '保存').click();
  expect((await added).status()).toBe(201);
  const row = types.getByRole('row').filter({ has: page.getByRole('cell', { name: '科普大篷车巡展', exact: true }) });
  await row.getByRole('cell', { name: '站', exact: true }).waitFor();
  await row.getByText('使用中').waitFor();

  await button(page.getByRole('group', { name: '“科普大篷车巡展”的操作' }), '停用').click();
  const retired = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/api/v1/activity-types/'));
  await button(page.getByRole('tooltip'), '停用').click();
  expect((await retired).status()).toBe(200);
  await row.getByText('已停用').waitFor();
});
