import { apiAs, approveAtEveryLevel, demoEditor } from './support/api-steps.ts';
import { expect, test } from './support/fixtures.ts';

/** Each payload would show itself by calling alert() or setting window.__xss if it ever ran. */
const hostileBody = [
  '<p>正文开头</p>',
  '<script>window.__xss = "script"; alert("script")</script>',
  '<p><img src="x" onerror="window.__xss = \'onerror\'; alert(\'onerror\')" alt="坏图"></p>',
  '<p><a href="javascript:window.__xss=\'link\';alert(\'link\')" id="js-link">点击这里</a></p>',
  '<style>body { display: none !important } main { visibility: hidden }</style>',
  '<p onmouseover="window.__xss = \'hover\'" id="hover-me">鼠标经过</p>',
  '<svg onload="window.__xss = \'svg\'"><circle r="10"></circle></svg>',
  '<iframe src="javascript:alert(\'frame\')"></iframe>',
  '<p><a href="  JaVaScRiPt:alert(1)">大小写混写</a><a href="data:text/html,<script>alert(1)</script>">数据链接</a></p>',
  '<p>正文结尾</p>',
].join('');

test('an article body with scripts, handlers, javascript: links and a style block runs none of them on the portal', async ({ page, kexie, browser }) => {
  const editor = await apiAs(browser, kexie.baseUrl, demoEditor.username);
  const { items: columns } = await editor.get<{ items: { id: string; slug: string }[] }>('/api/v1/columns');
  const kepu = columns.find((c) => c.slug === 'kepu')!;
  const article = await editor.post<{ id: string }>('/api/v1/articles', {
    title: '<img src=x onerror="window.__xss=\'title\'">标题里的尖括号',
    subtitle: '"><script>window.__xss="subtitle"</script>',
    tags: ['<b onclick=x>标签'],
    columnIds: [kepu.id],
    bodyHtml: hostileBody,
  });
  await editor.post(`/api/v1/articles/${article.id}/submit`);
  await editor.close();
  await approveAtEveryLevel(browser, kexie.baseUrl, article.id);

  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`/articles/${article.id}`);
  const main = page.getByRole('main');
  await main.getByText('正文结尾').waitFor();

  // The text fields print as text.
  expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('<img src=x onerror="window.__xss=\'title\'">标题里的尖括号');
  // Hover and click everything a visitor could.
  await main.getByText('鼠标经过').hover();
  for (const link of await main.getByRole('link', { name: /点击这里|大小写混写|数据链接/ }).all()) await link.click({ noWaitAfter: true }).catch(() => undefined);
  await page.waitForTimeout(300);

  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  const body = await main.evaluate((element) => ({
    scripts: element.querySelectorAll('script, iframe, svg, style').length,
    handlers: [...element.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName}.${a.name}`)),
    hrefs: [...element.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? ''),
  }));
  expect(body.scripts).toBe(0);
  expect(body.handlers).toEqual([]);
  expect(body.hrefs.filter((href) => /^\s*(javascript|data):/i.test(href))).toEqual([]);
  // The style block did not reach the page: the article is visible.
  expect(await main.isVisible()).toBe(true);
  expect(await page.evaluate(() => getComputedStyle(document.body).display)).not.toBe('none');
});
