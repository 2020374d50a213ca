/**
 * Issue 7, must-show 5, as staff would do it: the editor generates the 2024
 * review, hovers a figure to see where it comes from, rewrites a sentence,
 * saves, and publishes it into 焦点新闻; the review chain approves it; the
 * portal's home page shows it among the focus news, with the changed sentence
 * and its figures on the article's page.
 */
import { approveAtEveryLevel, demoEditor } from './support/api-steps.ts';
import { assertNoSeriousAxeViolations } from './support/axe.ts';
import { button, choose, dialog, openModule, signIn } from './support/console-steps.ts';
import { demoPassword } from './support/kexie-server.ts';
import { expect, test } from './support/fixtures.ts';

const newSentence = '这一年，全市科协系统坚持把科普阵地建到群众身边。';

test('staff generate the 2024 review, change a sentence, publish it, and it shows in 焦点新闻 on the portal', async ({ page, browser, kexie }) => {
  await signIn(page, demoEditor.username, demoPassword);
  await openModule(page, '年度工作回顾');
  await assertNoSeriousAxeViolations(page, '年度工作回顾 list');

  // 2024, for the editor's own org (南阳市科协), then 生成.
  await page.getByLabel('年度', { exact: true }).fill('2024');
  await button(page, '生成').click();
  await page.waitForURL(/\/admin\/annual-reviews\/[^/]+$/);
  const text = page.getByRole('textbox', { name: '回顾正文' });
  await text.waitFor();

  // Hovering 2758 shows its indicator, code and query.
  const count = text.getByLabel(/^数字 2758：/).first();
  await count.hover();
  const hover = page.getByRole('tooltip').filter({ hasText: 'activities.count' });
  await hover.waitFor();
  const details = await hover.innerText();
  for (const part of ['activities.count', '南阳市科协', '2024-01-01 ~ 2024-12-31', '仅统计已核实记录']) expect(details).toContain(part);

  // The editor rewrites a sentence: the first paragraph without figures, replaced as a whole.
  const figure = page.getByLabel(/^数字 /);
  const sentence = text.locator('p').filter({ hasNot: figure }).first();
  const oldSentence = (await sentence.innerText()).trim();
  await sentence.click({ clickCount: 3 });
  await page.keyboard.type(newSentence);
  await text.locator('p').filter({ hasText: newSentence }).waitFor();
  await button(page, '保存').click();
  await page.getByText('已保存', { exact: true }).waitFor();
  await assertNoSeriousAxeViolations(page, '年度工作回顾');

  // 发布: column 焦点新闻, 焦点 checked, a cover from the library.
  await button(page, '发布').click();
  const publishing = dialog(page, '发布到门户网站');
  await choose(publishing.getByLabel('栏目', { exact: true }), '焦点新闻', { search: true });
  expect(await publishing.getByRole('checkbox', { name: '焦点新闻' }).isChecked()).toBe(true);
  await button(publishing, '选择封面').click();
  const picker = dialog(page, '选择图片');
  await picker.getByRole('button', { name: /^选用 / }).first().click();
  await picker.waitFor({ state: 'hidden' });
  const published = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/publish'));
  await button(publishing, '发布').click();
  const response = await published;
  expect(response.status()).toBe(200);
  const review = (await response.json()) as { title: string; article: { id: string } };
  await page.getByText('已提交审核，通过后在门户网站上线').waitFor();

  // 初审, 复审, 终审 approve it, as for any article.
  await approveAtEveryLevel(browser, kexie.baseUrl, review.article.id);

  await page.goto('/');
  const focus = page.getByRole('region', { name: '焦点新闻' });
  await focus.getByRole('link', { name: review.title }).click();
  await page.getByRole('heading', { level: 1, name: review.title }).waitFor();
  const article = await page.getByRole('main').innerText();
  expect(article).toContain(newSentence);
  expect(article).not.toContain(oldSentence);
  expect(article).toContain('2758');
});
