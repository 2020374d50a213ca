import { assertNoSeriousAxeViolations } from './support/axe.ts';
import { button, demoAdmin, signIn, submitLogin } from './support/console-steps.ts';
import { focusRing, hasFocus } from './support/focus.ts';
// Only signs in and looks: the run's shared server.
import { expect, expectFailure, readOnlyTest as test } from './support/fixtures.ts';

test('the demo admin signs in and lands on the organisation tree', async ({ page }) => {
  await signIn(page, demoAdmin.username, demoAdmin.password);
  expect(new URL(page.url()).pathname).toBe('/admin/orgs');
  await page.getByRole('banner').getByRole('button', { name: demoAdmin.displayName }).waitFor();
});

test('a wrong password shows 用户名或密码错误 on the login form', async ({ page }) => {
  expectFailure(page, { method: 'POST', path: '/api/v1/auth/login', status: 401 });
  await submitLogin(page, demoAdmin.username, 'not-the-password');
  const alert = page.getByRole('main').getByRole('alert');
  await alert.waitFor();
  expect(await alert.innerText()).toContain('用户名或密码错误');
  expect(new URL(page.url()).pathname).toBe('/admin/login');
});

test('the login form is completed and submitted with the keyboard alone, with visible focus', async ({ page }) => {
  await page.goto('/admin/login');
  const username = page.getByLabel('用户名', { exact: true });
  await username.waitFor();
  // The username field takes the focus on arrival: typing starts at once.
  expect(await hasFocus(username)).toBe(true);
  await page.keyboard.type(demoAdmin.username);
  await page.keyboard.press('Tab');
  expect(await hasFocus(page.getByLabel('密码', { exact: true }))).toBe(true);
  await page.keyboard.type(demoAdmin.password);

  // Tab on to the sign-in button (past the show-password toggle, if it takes focus).
  const submit = button(page, '登录');
  for (let presses = 0; presses < 4 && !(await hasFocus(submit)); presses++) await page.keyboard.press('Tab');
  expect(await hasFocus(submit)).toBe(true);
  const ring = await focusRing(submit);
  expect(ring.visible, `the focused 登录 button shows no focus ring (outline ${ring.outline}, box-shadow ${ring.boxShadow})`).toBe(true);

  await page.keyboard.press('Enter');
  await page.waitForURL('**/admin/orgs');
});

test('axe-core finds no serious or critical violation on the login page', async ({ page }) => {
  await page.goto('/admin/login');
  await page.getByLabel('用户名', { exact: true }).waitFor();
  await assertNoSeriousAxeViolations(page, 'the login page');
});
