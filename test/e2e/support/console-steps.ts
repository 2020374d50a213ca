/**
 * Steps a person takes in the admin console, written the way they see it:
 * by labels, button texts and menu entries, never by CSS classes or ids.
 */
import type { Locator, Page } from 'playwright-core';
import { demoPassword } from './kexie-server.ts';

export const demoAdmin = { username: 'admin', password: demoPassword, displayName: '系统管理员' } as const;

/**
 * An accessible name for an Ant Design button. Ant Design puts a space between
 * two Chinese characters on a button (登录 shows as 登 录), so the name is
 * matched with optional spaces between the characters.
 */
export function buttonName(text: string): RegExp {
  const escaped = [...text].map((ch) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^\\s*${escaped.join('\\s*')}\\s*$`);
}

export function button(scope: Page | Locator, text: string): Locator {
  return scope.getByRole('button', { name: buttonName(text) });
}

/** The form on the login page, filled and submitted; does not wait for the outcome. */
export async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/admin/login');
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await button(page, '登录').click();
}

/** Signs in and waits until the console has left the login page. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await submitLogin(page, username, password);
  await page.waitForURL((url) => url.pathname.startsWith('/admin/') && !url.pathname.startsWith('/admin/login'));
}

/** The user menu in the header (its button is named after the signed-in user) → 退出登录. */
export async function signOut(page: Page, displayName: string): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: displayName }).click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await page.waitForURL('**/admin/login');
}

/** A module from the side menu, e.g. 组织机构, 用户管理, 审计日志. */
export async function openModule(page: Page, name: string): Promise<void> {
  await page.getByRole('menuitem', { name, exact: true }).click();
}

/**
 * The validation messages shown under a form field, found as a screen reader
 * finds them: through the field's aria-describedby, which Ant Design points
 * at its Form.Item's error list ("<field id>_help"). Empty when there is none.
 */
export async function fieldErrors(field: Locator): Promise<string> {
  const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
  const ids = describedBy.split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => field.page().locator(`[id="${id}"]`).innerText()));
  return texts.join('\n').trim();
}
