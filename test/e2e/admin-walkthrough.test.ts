/**
 * Issue 3, "Must show" 1: what an administrator does on a first morning, by
 * clicking and typing: a new society under 社旗县科协, a reporter for it, the
 * reporter's narrowed view, and both writes in the audit log.
 */
import { auditEntryAfter, button, choose, demoAdmin, dialog, menuModules, openModule, selectOrg, signIn, signOut, treeEntries, treeEntry, typeDate } from './support/console-steps.ts';
import { apiAs } from './support/api-steps.ts';
import { expect, test } from './support/fixtures.ts';

const society = { name: '社旗县茶叶学会', type: '学会', foundedOn: '2024-05-20', parent: '社旗县科协' };
const reporter = { username: 'shq-chaye', displayName: '茶叶学会填报员', password: 'Chaye#2024tea', role: '填报员' };

test('an admin creates a society under 社旗县科协 and its reporter, who then sees only that society; the audit log shows both writes', async ({ page }) => {
  await signIn(page, demoAdmin.username, demoAdmin.password);

  // 组织机构: find 社旗县科协 and create the society under it.
  await openModule(page, '组织机构');
  await page.getByRole('searchbox', { name: '搜索组织' }).fill('社旗县');
  await selectOrg(page, society.parent);
  await button(page, '新建下级组织').click();
  const orgDialog = dialog(page, '新建下级组织');
  await orgDialog.getByText(`上级组织：${society.parent}`).waitFor();
  await orgDialog.getByLabel('名称', { exact: true }).fill(society.name);
  await choose(orgDialog.getByLabel('类型', { exact: true }), society.type);
  await typeDate(orgDialog.getByLabel('成立日期', { exact: true }), society.foundedOn);
  await button(orgDialog, '保存').click();
  await orgDialog.waitFor({ state: 'hidden' });
  await treeEntry(page, society.name).waitFor();
  expect(await treeEntries(page)).toContain(society.name);

  // 用户管理: a reporter in the new society.
  await openModule(page, '用户管理');
  await button(page, '新建用户').click();
  const userDialog = dialog(page, '新建用户');
  await userDialog.getByLabel('用户名', { exact: true }).fill(reporter.username);
  await userDialog.getByLabel('姓名', { exact: true }).fill(reporter.displayName);
  await userDialog.getByLabel('初始密码', { exact: true }).fill(reporter.password);
  await choose(userDialog.getByLabel('所属组织', { exact: true }), society.name, { search: true });
  await choose(userDialog.getByLabel('角色', { exact: true }), reporter.role);
  await button(userDialog, '保存').click();
  await userDialog.waitFor({ state: 'hidden' });
  await page.getByRole('table', { name: '用户列表' }).getByRole('cell', { name: reporter.username, exact: true }).waitFor();
  await signOut(page, demoAdmin.displayName);

  // The reporter sees the society and nothing above or beside it, and no admin modules.
  // Signed in on the login page the admin's sign-out left open, as the next person at the desk would.
  await signIn(page, reporter.username, reporter.password);
  expect(new URL(page.url()).pathname, 'where the reporter lands after signing in').toBe('/admin/orgs');
  await openModule(page, '组织机构');
  await treeEntry(page, society.name).waitFor();
  expect(await treeEntries(page)).toEqual([society.name]);
  expect(await menuModules(page)).toEqual(['数据看板', '组织机构', '科普活动', '科技馆体系', '团体预约']);
  await signOut(page, reporter.displayName);

  // Back as admin: both writes are in 审计日志, with the values written.
  await signIn(page, demoAdmin.username, demoAdmin.password);
  await openModule(page, '审计日志');
  const orgCreated = await auditEntryAfter(page, { entity: '组织', action: '新建', object: society.name });
  expect(orgCreated).toMatchObject({ 名称: society.name, 类型: society.type, 上级组织: society.parent, 成立日期: society.foundedOn });
  const userCreated = await auditEntryAfter(page, { entity: '用户', action: '新建', object: `${reporter.displayName}（${reporter.username}）` });
  expect(userCreated).toMatchObject({ 用户名: reporter.username, 姓名: reporter.displayName, 所属组织: society.name, 角色: reporter.role });
});

test('a county’s administrator runs the county: 栏目管理, 活动类型 and 网站设置 are not in the menu, and their addresses say whose they are', async ({ page, browser, kexie }) => {
  const countyAdmin = { username: 'fangcheng-admin', displayName: '方城县科协管理员', password: 'Fangcheng#2024', org: '方城县科协' };
  const asCity = await apiAs(browser, kexie.baseUrl, demoAdmin.username);
  const { items } = await asCity.get<{ items: { id: string; name: string }[] }>('/api/v1/orgs/tree');
  const orgId = items.find((org) => org.name === countyAdmin.org)!.id;
  await asCity.post('/api/v1/users', { username: countyAdmin.username, displayName: countyAdmin.displayName, password: countyAdmin.password, orgId, roles: ['admin'] });
  await asCity.close();

  await signIn(page, countyAdmin.username, countyAdmin.password);
  expect(await menuModules(page)).toEqual(['数据看板', '年度工作回顾', '组织机构', '文章管理', '素材库', '科普活动', '活动核实', '科技馆体系', '团体预约', '用户管理', '审计日志']);
  for (const path of ['/admin/columns', '/admin/activity-vocabularies', '/admin/site']) {
    await page.goto(path);
    await page.getByText('这是全市共用的设置，只有顶级组织的管理员可以修改').waitFor();
  }
});
