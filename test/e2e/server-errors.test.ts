/** Issue 3, "Must show" 2 (second half): a server-side validation error lands under the field it concerns. */
import { button, choose, demoAdmin, dialog, fieldErrors, openModule, selectOrg, signIn } from './support/console-steps.ts';
// The save is refused and nothing changes: the run's shared server.
import { expect, expectFailure, readOnlyTest as test } from './support/fixtures.ts';

test('a child org named like an existing sibling shows the server’s message under 名称, not only in a toast', async ({ page }) => {
  await signIn(page, demoAdmin.username, demoAdmin.password);
  await openModule(page, '组织机构');
  await selectOrg(page, '南阳市科协');
  await button(page, '新建下级组织').click();
  const orgDialog = dialog(page, '新建下级组织');
  const name = orgDialog.getByLabel('名称', { exact: true });
  await name.fill('卧龙区科协');
  await choose(orgDialog.getByLabel('类型', { exact: true }), '县区科协');

  expectFailure(page, { method: 'POST', path: '/api/v1/orgs', status: 409 });
  await button(orgDialog, '保存').click();
  await expect.poll(() => fieldErrors(name)).toBe('同一上级组织下已有名为“卧龙区科协”的组织');
  expect(await name.getAttribute('aria-invalid')).toBe('true');
  // The dialog stays open with what was typed, ready for a correction.
  expect(await orgDialog.isVisible()).toBe(true);
  expect(await name.inputValue()).toBe('卧龙区科协');
});
