/**
 * Issue 4, the article editor as an association's editor uses it: an admin
 * creates a column; an editor writes an article with the toolbar (a heading,
 * a bold word, a list, a 2×2 table), pastes from Word, saves twice, compares
 * the two revisions and restores the first as a new draft, which is not
 * published. The saved body is read back from the API: none of Word's markup
 * survives.
 */
import type { APIRequestContext, Locator, Page } from 'playwright-core';
import { saveScreenshot } from './support/artifacts.ts';
import { assertNoSeriousAxeViolations } from './support/axe.ts';
import { button, choose, demoAdmin, dialog, openModule, signIn, signOut } from './support/console-steps.ts';
import { expect, test, viewports } from './support/fixtures.ts';

const column = { name: '科普活动', slug: 'kepu-huodong' };
const editor = { username: 'wang-editor', displayName: '王编辑', password: 'Bianji#2024news' };
const title = '南阳市科协开展科普进社区活动';

/** What Word puts on the clipboard for two paragraphs and a numbered list. */
const wordClipboard = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta charset="utf-8"><style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm;} --></style></head>
<body lang=ZH-CN style='tab-interval:21.0pt'><!--StartFragment-->
<p class=MsoNormal><span style='font-family:宋体;mso-ascii-font-family:Calibri'>活动由市科协主办<o:p></o:p></span></p>
<p class=MsoListParagraph style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;</span></span><![endif]>科普讲座<o:p></o:p></p>
<p class=MsoListParagraph style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;</span></span><![endif]>健康义诊<o:p></o:p></p>
<!--EndFragment--></body></html>`;

/** The API as the signed-in page sees it (its cookies), with the session's CSRF token on writes. */
async function apiOf(page: Page): Promise<{ request: APIRequestContext; csrf: string; orgId: string }> {
  const session = await (await page.request.get('/api/v1/auth/session')).json();
  return { request: page.request, csrf: session.csrfToken, orgId: session.user.orgId };
}

async function toolbarMenu(page: Page, menu: string | RegExp, item: string) {
  await page.getByRole('toolbar', { name: '正文格式' }).getByRole('button', { name: menu, exact: typeof menu === 'string' }).click();
  await page.getByRole('menuitem', { name: item, exact: true }).click();
}

async function tool(page: Page, name: string) {
  await page.getByRole('toolbar', { name: '正文格式' }).getByRole('button', { name, exact: true }).click();
}

/** Saves and waits for 已保存 第N版. */
async function save(page: Page, revision: number) {
  await button(page, '保存').click();
  await page.getByText(`已保存 第${revision}版`).waitFor();
  // Off the button again, as a person's hand moves on (a hovered button is lighter while it fades back).
  await page.mouse.move(640, 32);
}

test('an editor writes an article with the toolbar, pastes from Word, saves two revisions, compares them and restores the first as an unpublished draft', async ({ page }) => {
  // The admin: a column, and an editor account in the admin's own org.
  await signIn(page, demoAdmin.username, demoAdmin.password);
  await openModule(page, '栏目管理');
  await button(page, '新建栏目').click();
  const columnDialog = dialog(page, '新建栏目');
  await columnDialog.getByLabel('名称', { exact: true }).fill(column.name);
  await columnDialog.getByLabel('地址', { exact: true }).fill(column.slug);
  await button(columnDialog, '保存').click();
  await columnDialog.waitFor({ state: 'hidden' });
  await page.getByRole('table', { name: '栏目树' }).getByRole('cell', { name: column.name, exact: true }).waitFor();

  const admin = await apiOf(page);
  const created = await admin.request.post('/api/v1/users', {
    headers: { 'x-csrf-token': admin.csrf },
    data: { username: editor.username, displayName: editor.displayName, password: editor.password, orgId: admin.orgId, roles: ['editor'] },
  });
  expect(created.status()).toBe(201);
  await signOut(page, demoAdmin.displayName);

  // The editor writes.
  await signIn(page, editor.username, editor.password);
  await openModule(page, '文章管理');
  await button(page, '新建文章').click();
  await page.waitForURL('**/admin/articles/new');
  // The editor's chunk loads on first use; until then the list (with its own 标题 filter) is still on screen.
  await page.getByRole('toolbar', { name: '正文格式' }).waitFor();
  await page.getByLabel('标题', { exact: true }).fill(title);
  await choose(page.getByLabel('栏目', { exact: true }), column.name, { search: true });

  const body: Locator = page.getByRole('textbox', { name: '正文' });
  await body.click();
  await toolbarMenu(page, /^段落样式/, '标题 2');
  await page.keyboard.type('活动概况');
  await page.keyboard.press('Enter');
  await page.keyboard.type('本次活动共有');
  await tool(page, '加粗');
  await page.keyboard.type('三百');
  await tool(page, '加粗');
  await page.keyboard.type('名居民参加。');
  await page.keyboard.press('Enter');
  await tool(page, '项目符号列表');
  await page.keyboard.type('科普展板');
  await page.keyboard.press('Enter');
  await page.keyboard.type('互动实验');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  // A 3×3 table with a header row, cut down to 2×2 from the table menu.
  await toolbarMenu(page, '表格', '插入表格（3×3）');
  await toolbarMenu(page, '表格', '删除行');
  await toolbarMenu(page, '表格', '删除列');
  for (const [index, cell] of ['项目', '人次', '讲座', '120'].entries()) {
    if (index > 0) await page.keyboard.press('Tab');
    await page.keyboard.type(cell);
  }

  // Paste from Word at the end of the body.
  await page.keyboard.press('Control+End');
  await body.evaluate((element, html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', '活动由市科协主办\n科普讲座\n健康义诊');
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, wordClipboard);
  await body.getByText('健康义诊').waitFor();

  await save(page, 1);
  await page.waitForURL(/\/admin\/articles\/[0-9a-f-]{36}$/);
  const articleId = new URL(page.url()).pathname.split('/').pop()!;
  await assertNoSeriousAxeViolations(page, 'the article editor');

  const api = await apiOf(page);
  const first = await (await api.request.get(`/api/v1/articles/${articleId}`)).json();
  expect(first.revision).toBe(1);
  expect(first.bodyHtml).toContain('<h2>活动概况</h2>');
  expect(first.bodyHtml).toContain('<strong>三百</strong>');
  expect(first.bodyHtml).toMatch(/<ul><li><p>科普展板<\/p><\/li><li><p>互动实验<\/p><\/li><\/ul>/);
  const table = /<table[\s\S]*?<\/table>/.exec(first.bodyHtml)?.[0] ?? '';
  expect(table.match(/<tr>/g), `a 2×2 table in ${table}`).toHaveLength(2);
  expect(table.match(/<t[dh]\b/g)).toHaveLength(4);
  for (const cell of ['项目', '人次', '讲座', '120']) expect(table).toContain(cell);
  // Word's list is a real list; nothing of Word's markup is left.
  expect(first.bodyHtml).toContain('<p>活动由市科协主办</p>');
  expect(first.bodyHtml).toMatch(/<ol><li><p>科普讲座<\/p><\/li><li><p>健康义诊<\/p><\/li><\/ol>/);
  expect(first.bodyHtml).not.toMatch(/mso|class=|o:p|Mso|<span/i);

  // A second save makes revision 2.
  await page.getByLabel('副标题', { exact: true }).fill('三百名居民走进科普课堂');
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('活动将持续到年底。');
  await save(page, 2);
  await page.getByText('草稿 · 第 2 版').waitFor();

  // 修订记录: compare revisions 1 and 2.
  await button(page, '修订记录').click();
  const drawer = page.getByRole('dialog', { name: '修订记录' });
  await drawer.getByRole('checkbox', { name: '选择第 1 版' }).check();
  await drawer.getByRole('checkbox', { name: '选择第 2 版' }).check();
  await button(drawer, '比较所选两版').click();
  const diff = dialog(page, '第 1 版 → 第 2 版');
  await diff.locator('ins', { hasText: '活动将持续到年底。' }).waitFor();
  await diff.getByRole('cell', { name: '三百名居民走进科普课堂', exact: true }).waitFor();
  await assertNoSeriousAxeViolations(page, 'the revision comparison');
  await button(diff, '关闭').click();
  await diff.waitFor({ state: 'hidden' });

  // Restore revision 1: a new draft (revision 3) that is not published.
  await drawer.getByRole('button', { name: '恢复为新草稿：第 1 版' }).click();
  await button(page.getByRole('tooltip'), '确定').click();
  await page.getByText('已恢复为新草稿：第 3 版').waitFor();
  await page.getByText('草稿 · 第 3 版').waitFor();
  const restored = await (await api.request.get(`/api/v1/articles/${articleId}`)).json();
  expect(restored).toMatchObject({ revision: 3, status: 'draft', live: null, subtitle: '' });
  expect(restored.bodyHtml).not.toContain('活动将持续到年底');
  await drawer.getByRole('button', { name: /^(关闭|Close)$/ }).first().click();
  await drawer.waitFor({ state: 'hidden' });
  await expect.poll(() => page.getByLabel('副标题', { exact: true }).inputValue()).toBe('');

  await page.setViewportSize(viewports.phone);
  await page.getByRole('toolbar', { name: '正文格式' }).waitFor();
  await saveScreenshot(page, 'article-editor-390x844');
  await assertNoSeriousAxeViolations(page, 'the article editor on a phone');
});
