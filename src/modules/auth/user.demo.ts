import type { Db } from '../../database.ts';
import type { Role } from '../../platform/auth-core.ts';
import { systemContext } from '../../platform/context.ts';
import { findOrgByCode, findRootOrg } from '../orgs/index.ts';
import { findUserByUsername } from './user.repository.ts';
import { createUser } from './user.service.ts';
import { verifyPassword } from './password.ts';

/**
 * The demo accounts, all sharing the demo password: the city's administrator,
 * a reporter for 方城县, the city's website editor and the three reviewers of
 * the default chain (初审, 复审, 终审).
 */
const demoAccounts: { username: string; displayName: string; orgCode: string; roles: Role[] }[] = [
  { username: 'admin', displayName: '系统管理员', orgCode: '411300', roles: ['admin'] },
  { username: 'fangcheng', displayName: '方城县科协填报员', orgCode: '411322', roles: ['reporter'] },
  { username: 'editor', displayName: '陈敏', orgCode: '411300', roles: ['editor'] },
  { username: 'reviewer1', displayName: '王磊', orgCode: '411300', roles: ['reviewer'] },
  { username: 'reviewer2', displayName: '李静', orgCode: '411300', roles: ['reviewer'] },
  { username: 'reviewer3', displayName: '张伟', orgCode: '411300', roles: ['reviewer'] },
];

/** Creates the demo accounts that do not exist yet; returns the usernames created. */
export async function loadDemoUsers(db: Db, password: string): Promise<string[]> {
  const root = await findRootOrg(db);
  if (!root) throw new Error('the organisation tree is empty: run migrations and seeding first');
  const ctx = systemContext(db, root.id, 'demo');
  const created: string[] = [];
  for (const account of demoAccounts) {
    if (await findUserByUsername(db, account.username)) continue;
    const org = await findOrgByCode(db, account.orgCode);
    if (!org) continue;
    await createUser(ctx, { username: account.username, displayName: account.displayName, password, orgId: org.id, roles: account.roles });
    created.push(account.username);
  }
  return created;
}

/** Whether the demo admin still signs in with the demo password, so start-up only advertises a login that works. */
export async function demoAdminUsable(db: Db, password: string): Promise<boolean> {
  const admin = await findUserByUsername(db, demoAccounts[0]!.username);
  return admin !== undefined && admin.status === 'active' && (await verifyPassword(admin.password_hash, password));
}
