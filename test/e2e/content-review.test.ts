/**
 * Issue 4, as people would do it: the editor writes an article with a picture
 * and a table and submits it; 初审 approves, 复审 returns it with a reason; the
 * editor fixes it and submits again; the three reviewers approve in turn; the
 * article is then on the home page and in its column, and the site search
 * finds a word from its body.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { demoEditor, demoReviewers } from './support/api-steps.ts';
import { button, choose, dialog, openModule, signIn, signOut } from './support/console-steps.ts';
import { demoPassword } from './support/kexie-server.ts';
import { expect, test } from './support/fixtures.ts';

const title = '南阳市科技馆举办昆虫科普展';
/** A word that is in no demo article, so the search can only find it in this one. */
const bodyWord = '蝴蝶标本';
const returnReason = '请补充展览的开放时间';

async function tool(page: Page, name: string) {
  await page.getByRole('toolbar', { name: '正文格式' }).getByRole('button', { name, exact: true }).click();
}

async function toolbarMenu(page: Page, menu: string, item: string) {
  await page.getByRole('toolbar', { name: '正文格式' }).getByRole('button', { name: menu, exact: true }).click();
  await page.getByRole('menuitem', { name: item, exact: true }).click();
}

/** A reviewer opens the article from 审核 and decides the level shown. */
async function review(page: Page, reviewer: { username: string; displayName: string }, decision: { approve: true } | { returnWith: string }) {
  await signIn(page, reviewer.username, demoPassword);
  await openModule(page, '审核');
  await page.getByRole('link', { name: title, exact: true }).click();
  const preview = page.frameLocator('iframe').first();
  await preview.getByText(bodyWord).first().waitFor();
  if ('approve' in decision) {
    await button(page, '通过').click();
    const decided = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/approve'));
    await button(page.getByRole('tooltip'), '通过').click();
    expect((await decided).status()).toBe(200);
  } else {
    await button(page, '退回').click();
    const returning = dialog(page, '退回给编辑');
    await returning.getByLabel('退回理由').fill(decision.returnWith);
    const decided = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/return'));
    await button(returning, '退回').click();
    expect((await decided).status()).toBe(200);
    await returning.waitFor({ state: 'hidden' });
  }
  await signOut(page, reviewer.displayName);
}

test('an article with a picture and a table passes 初审, 复审 and 终审 after one return, then shows on the home page, in its column and in search', async ({ page }) => {
  const picture = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kexie-e2e-')), '昆虫展现场.png');
  fs.writeFileSync(picture, await sharp({ create: { width: 800, height: 450, channels: 3, background: '#3a7' } }).png().toBuffer());

  // The editor writes: a heading, a paragraph with the word, a picture from the library, a table.
  await signIn(page, demoEditor.username, demoPassword);
  await openModule(page, '文章管理');
  await button(page, '新建文章').click();
  await page.getByRole('toolbar', { name: '正文格式' }).waitFor();
  await page.getByLabel('标题', { exact: true }).fill(title);
  await choose(page.getByLabel('栏目', { exact: true }), '科普之家', { search: true });
  const body = page.getByRole('textbox', { name: '正文' });
  await body.click();
  await page.keyboard.type(`展览展出了上百件${bodyWord}和昆虫模型。`);
  await page.keyboard.press('Enter');

  await tool(page, '插入图片');
  const picker = dialog(page, '选择图片');
  await picker.locator('input[type=file]').setInputFiles(picture);
  await picker.getByRole('button', { name: '选用 昆虫展现场.png' }).click();
  await picker.waitFor({ state: 'hidden' });
  await body.locator('img[data-media-id]').waitFor();

  await page.keyboard.press('Control+End');
  await toolbarMenu(page, '表格', '插入表格（3×3）');
  for (const [index, cell] of ['展区', '展品数'].entries()) {
    if (index > 0) await page.keyboard.press('Tab');
    await page.keyboard.type(cell);
  }
  await button(page, '保存').click();
  await page.getByText('已保存 第1版').waitFor();
  await button(page, '提交审核').click();
  await page.getByText('已提交审核').first().waitFor();
  await signOut(page, demoEditor.displayName);

  // 初审 approves; 复审 returns it with a reason.
  await review(page, demoReviewers[0], { approve: true });
  await review(page, demoReviewers[1], { returnWith: returnReason });

  // The editor sees why, fixes it, and submits again.
  await signIn(page, demoEditor.username, demoPassword);
  await openModule(page, '文章管理');
  await page.getByRole('link', { name: title, exact: true }).click();
  await page.getByText(returnReason).waitFor();
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('展览开放时间为每日9:00至17:00。');
  await button(page, '保存').click();
  await page.getByText('已保存 第2版').waitFor();
  await button(page, '提交审核').click();
  await page.getByText('已提交审核').first().waitFor();
  await signOut(page, demoEditor.displayName);

  // A fresh round: 初审, 复审, 终审 in turn.
  for (const reviewer of demoReviewers) await review(page, reviewer, { approve: true });

  // The public: the home page, the column, the article, the search.
  await page.goto('/');
  const home = page.getByRole('main');
  await home.getByRole('link', { name: title }).first().waitFor();
  await page.goto('/columns/kepu');
  await page.getByRole('main').getByRole('link', { name: title }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  const article = page.getByRole('main');
  expect(await article.locator('picture img').count()).toBe(1);
  expect(await article.locator('table td, table th').count()).toBeGreaterThanOrEqual(4);
  const meta = await article.innerText();
  for (const credit of ['初审', '王磊', '复审', '李静', '终审', '张伟']) expect(meta).toContain(credit);
  expect(meta).toContain('开放时间为每日9:00至17:00');

  await page.goto('/');
  await page.getByRole('search').first().getByRole('searchbox').fill(bodyWord);
  await page.getByRole('search').first().getByRole('searchbox').press('Enter');
  await page.waitForURL(/\/search\?/);
  const results = page.getByRole('main');
  await results.getByRole('link', { name: title }).waitFor();
  // The word is highlighted in the snippet (segmented, it may be marked as 蝴蝶 and 标本).
  const marked = (await results.locator('mark').allInnerTexts()).join('');
  expect(marked).toContain('蝴蝶');
  expect(marked).toContain('标本');
});
