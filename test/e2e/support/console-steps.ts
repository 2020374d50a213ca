/**
 * Steps a person takes in the admin console, written the way they see it:
 * by labels, roles, button texts and menu entries rather than CSS classes.
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { demoPassword } from './kexie-server.ts';

export const demoAdmin = { username: 'admin', password: demoPassword, displayName: '系统管理员' } as const;

/**
 * A button's text as shown. Ant Design puts a space between two Chinese
 * characters on a button (登录 shows as 登 录) unless told not to, so spaces
 * between the characters are optional.
 */
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Exactly this text, give or take surrounding white space. */
export const exactText = (text: string) => new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`);

export function buttonText(text: string): RegExp {
  const escaped = [...text].map(escapeRegExp);
  return new RegExp(`^\\s*${escaped.join('\\s*')}\\s*$`);
}

/**
 * A button by the text a sighted person reads on it. (Its accessible name
 * can differ: an icon without aria-hidden adds its English name; the
 * accessibility tests check that separately.)
 */
export function button(scope: Page | Locator, text: string): Locator {
  return scope.getByRole('button').filter({ hasText: buttonText(text) });
}

/** The form on the login page (opened unless already there, e.g. after signing out), filled and submitted; does not wait for the outcome. */
export async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  if (new URL(page.url(), 'http://x').pathname !== '/admin/login') await page.goto('/admin/login');
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
  // The console shows its login route at once and then reloads the page there: wait for the reload, or the next navigation races it.
  const reloaded = page.waitForEvent('load');
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await reloaded;
  await page.waitForURL('**/admin/login');
}

/** A module from the side menu, e.g. 组织机构, 用户管理, 审计日志 (each entry is a link). */
export async function openModule(page: Page, name: string): Promise<void> {
  await page.getByRole('menu').getByRole('link', { name, exact: true }).click();
}

/**
 * Types a value into a list's filter field and presses 查询 until the address
 * bar carries it. A list fills its filter bar from the address when it loads;
 * a value typed in that instant is wiped, and 查询 would then search for nothing.
 */
export async function filterList(page: Page, fieldLabel: string, value: string): Promise<void> {
  const field = page.getByLabel(fieldLabel, { exact: true });
  const inAddress = () => [...new URL(page.url()).searchParams.values()].includes(value);
  await expect
    .poll(
      async () => {
        if (inAddress()) return true;
        await field.fill(value);
        await button(page, '查询').click();
        return inAddress();
      },
      { timeout: 15_000, interval: 250 },
    )
    .toBe(true);
}

/** The modules the side menu offers the signed-in user. */
export async function menuModules(page: Page): Promise<string[]> {
  return (await page.getByRole('menu').getByRole('link').allInnerTexts()).map((text) => text.trim());
}

/**
 * The validation messages shown under a form field, found as a screen reader
 * finds them: through the field's aria-describedby, which Ant Design points
 * at its Form.Item's error list ("<field id>_help"). Empty when there is none.
 */
export async function fieldErrors(field: Locator): Promise<string> {
  const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
  const ids = describedBy.split(/\s+/).filter(Boolean);
  const shown = ids.map((id) => field.page().locator(`[id="${id}"]`).filter({ visible: true }));
  const texts = await Promise.all(shown.map(async (help) => ((await help.count()) ? help.innerText() : '')));
  return texts.join('\n').trim();
}

/**
 * Picks an option in an Ant Design Select (or TreeSelect) found by its label:
 * opens it from the keyboard (Enter; typing, when it is searchable) and clicks
 * the entry, until the field shows it. The keyboard works where a click would
 * not: while a dialog is still zooming open, and once a chosen value lies over
 * the input. Ant Design's visible entries carry their text as a title; the
 * listbox options it renders are a hidden copy for screen readers. A click
 * that lands while the list is still moving (a searched tree expanding to its
 * matches) can choose nothing, as a hand would notice and click again.
 */
export async function choose(field: Locator, optionText: string, options: { search?: boolean } = {}): Promise<void> {
  const entry = field.page().getByTitle(optionText, { exact: true }).filter({ visible: true }).last();
  const chosen = selectedEntries(field).filter({ hasText: exactText(optionText) });
  const attempts = 3;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (attempt === 1 || !(await entry.isVisible())) {
      await field.focus();
      if (options.search) await field.fill(optionText);
      else await field.press('Enter');
    }
    await entry.click();
    if (await chosen.waitFor({ timeout: 3_000 }).then(() => true, () => false)) return;
  }
  throw new Error(`the field does not show “${optionText}” after choosing it ${attempts} times`);
}

/** What a Select or TreeSelect shows as chosen: its one value, or each tag of a multiple choice. */
function selectedEntries(field: Locator): Locator {
  return field.locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]').locator('.ant-select-selection-item');
}

/** Types a date (YYYY-MM-DD) into an Ant Design DatePicker and confirms it, as a person with a keyboard would. */
export async function typeDate(field: Locator, date: string): Promise<void> {
  await field.click();
  await field.fill(date);
  await field.press('Enter');
}

/** A modal dialog by its title. */
export function dialog(page: Page, title: string): Locator {
  return page.getByRole('dialog', { name: title });
}

/**
 * An entry of the org tree by the name shown. (Its accessible name also
 * carries the English name of Ant Design's expand/collapse icon on a branch.)
 */
export function treeEntry(page: Page, name: string): Locator {
  return page.getByRole('tree').getByRole('treeitem').filter({ hasText: exactText(name) });
}

/** Selects an org in the tree and waits until the details beside it show that org (名称). */
export async function selectOrg(page: Page, name: string): Promise<void> {
  const details = page.getByRole('cell', { name, exact: true });
  // The tree re-renders a moment after typing in 搜索组织 (a deferred search); a click
  // that lands during that re-render selects nothing, and a person would simply click again.
  for (let attempt = 1; ; attempt++) {
    await treeEntry(page, name).click();
    try {
      await details.waitFor({ timeout: 3_000 });
      return;
    } catch (err) {
      if (attempt === 3) throw err;
    }
  }
}

/** The names of the org tree's visible entries, top to bottom. */
export async function treeEntries(page: Page): Promise<string[]> {
  const tree = page.getByRole('tree');
  await tree.waitFor();
  return (await tree.getByRole('treeitem').allInnerTexts()).map((text) => text.trim());
}

/**
 * A table's body as rows of { column header: cell text }, as a person reads
 * it; rows that do not span every column (an empty-state row) are left out.
 */
export async function tableRows(table: Locator): Promise<Record<string, string>[]> {
  const headers = (await table.getByRole('columnheader').allInnerTexts()).map((text) => text.trim());
  const rows: Record<string, string>[] = [];
  for (const row of await table.locator('tbody').getByRole('row').all()) {
    const cells = (await row.getByRole('cell').allInnerTexts()).map((text) => text.trim());
    if (cells.length === headers.length) rows.push(Object.fromEntries(headers.map((header, i) => [header, cells[i]!])));
  }
  return rows;
}

/**
 * In 审计日志: filters by 对象类型 and 操作, opens the entry for this object
 * (its 查看 button) and reads the 修改后 column of its before/after table.
 * Returns { field label: value after the write }; closes the details again.
 */
export async function auditEntryAfter(page: Page, entry: { entity: string; action: string; object: string }): Promise<Record<string, string>> {
  await choose(page.getByLabel('对象类型', { exact: true }), entry.entity);
  await choose(page.getByLabel('操作', { exact: true }), entry.action, { search: true });
  await button(page, '查询').click();
  await page.getByRole('table', { name: '审计日志列表' }).getByRole('button', { name: `查看变更：${entry.action} ${entry.object}`, exact: true }).click();
  const details = dialog(page, `${entry.action} · ${entry.entity} · ${entry.object}`);
  const diff = details.getByRole('table').filter({ has: page.getByRole('columnheader', { name: '修改后', exact: true }) });
  await diff.waitFor();
  const after = Object.fromEntries((await tableRows(diff)).map((row) => [row['字段']!, row['修改后']!]));
  await page.keyboard.press('Escape');
  await details.waitFor({ state: 'hidden' });
  return after;
}
