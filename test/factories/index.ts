import type { Db } from '../../src/database.ts';
import type { Role } from '../../src/platform/auth-core.ts';
import { systemContext } from '../../src/platform/context.ts';
import { createUser, type User } from '../../src/modules/auth/index.ts';
import { createOrg, findRootOrg, type Org, type OrgType } from '../../src/modules/orgs/index.ts';

let sequence = 0;
const next = () => `${Date.now().toString(36)}${(sequence++).toString(36)}`;

export const testPassword = 'Passw0rd-test';

export async function cliContext(db: Db) {
  const root = await findRootOrg(db);
  if (!root) throw new Error('seed the org tree first');
  return systemContext(db, root.id, 'test');
}

/** An org under `parentId`, created through the service as an admin would. */
export async function buildOrg(db: Db, input: { parentId: string; type?: OrgType; name?: string; foundedOn?: string }): Promise<Org> {
  return createOrg(await cliContext(db), {
    parentId: input.parentId,
    type: input.type ?? 'society',
    name: input.name ?? `测试学会${next()}`,
    ...(input.foundedOn ? { foundedOn: input.foundedOn } : {}),
  });
}

/** A user in `orgId` with the given roles; the password is `testPassword`. */
export async function buildUser(db: Db, input: { orgId: string; roles: Role[]; username?: string; displayName?: string }): Promise<User> {
  return createUser(await cliContext(db), {
    username: input.username ?? `user${next()}`,
    displayName: input.displayName ?? '测试用户',
    password: testPassword,
    orgId: input.orgId,
    roles: input.roles,
  });
}
