/**
 * An administrator edits 网站设置 in the console: a malformed filing number is
 * refused under its own field with an example, the corrected one is saved,
 * and the public footer shows it on the next page load.
 */
import { assertNoSeriousAxeViolations } from './support/axe.ts';
import { button, demoAdmin, fieldErrors, openModule, signIn } from './support/console-steps.ts';
import { expect, expectFailure, test } from './support/fixtures.ts';

test('an admin corrects the ICP number in 网站设置 and the portal footer shows it', async ({ page }) => {
  // The demo site starts with the reference footer.
  await page.goto('/');
  await expect.poll(() => page.locator('footer').innerText()).toContain('豫ICP备14014232号-1');

  await signIn(page, demoAdmin.username, demoAdmin.password);
  await openModule(page, '网站设置');
  const icp = page.getByLabel('ICP 备案号', { exact: true });
  await expect.poll(() => icp.inputValue()).toBe('豫ICP备14014232号-1');
  await assertNoSeriousAxeViolations(page, '网站设置');

  await icp.fill('ICP 14014232');
  expectFailure(page, { method: 'PUT', path: '/api/v1/site-settings', status: 400 });
  await button(page, '保存').click();
  // The server's message first, the field's example hint below it.
  await expect.poll(async () => (await fieldErrors(icp)).split('\n')[0]).toBe('ICP 备案号格式应如“豫ICP备14014232号-1”');

  await icp.fill('豫ICP备14014232号-2');
  await button(page, '保存').click();
  await page.getByText('网站设置已保存').waitFor();

  await page.goto('/');
  const footer = await page.locator('footer').innerText();
  expect(footer).toContain('豫ICP备14014232号-2');
  expect(footer).toContain('豫公网安备41130302000201号');
});
