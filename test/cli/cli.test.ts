import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { findUserForCli } from '../../src/modules/auth/index.ts';
import { ensureSeedOrgs, findOrgByCode, type OrgRow } from '../../src/modules/orgs/index.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { buildUser, testPassword } from '../factories/index.ts';
import { TestClient } from '../helpers/test-app.ts';
import { createTestDb, testDialect, type TestDatabase } from '../helpers/test-db.ts';
import { cliHookTimeoutMs, cliTestTimeouts, finished, kexieEnv, runKexie, runKexieInHost, spawnNode } from './kexie-process.ts';

/** 南阳市科协 and its thirteen counties, in the order `org list` prints them. */
const seededOrgs = [
  ['南阳市科协', '411300'],
  ['宛城区科协', '411302'],
  ['卧龙区科协', '411303'],
  ['南召县科协', '411321'],
  ['方城县科协', '411322'],
  ['西峡县科协', '411323'],
  ['镇平县科协', '411324'],
  ['内乡县科协', '411325'],
  ['淅川县科协', '411326'],
  ['社旗县科协', '411327'],
  ['唐河县科协', '411328'],
  ['新野县科协', '411329'],
  ['桐柏县科协', '411330'],
  ['邓州市科协', '411381'],
];

describe(`kexie command line (${testDialect})`, cliTestTimeouts, () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const kexie = (...args: string[]) => runKexieInHost(database.target, args);
  /** The `kexie` binary in a process of its own, once for each family of commands. */
  const kexieProcess = (...args: string[]) => runKexie(database.target, args);

  beforeAll(async () => {
    database = await createTestDb();
    // The server, in this process, is how the tests check that an account made on the command line can sign in.
    app = await buildApp({ config: loadConfig({}), db: database.db, logger: false });
    await app.ready();
  }, cliHookTimeoutMs);
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  async function seededOrg(code: string): Promise<OrgRow> {
    await ensureSeedOrgs(database.db);
    return (await findOrgByCode(database.db, code))!;
  }

  const signInStatus = async (username: string, password: string) => (await new TestClient(app).login(username, password)).statusCode;

  it('prints the seeded city association and its thirteen counties with their codes on a fresh database', async () => {
    const result = await kexieProcess('org', 'list');
    expect(result.exitCode, result.stderr).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('14 organisations');
    const printed = lines.slice(0, -1).map((line) => /^( *)(\S+) {2}(\d{6}) /.exec(line)?.slice(1));
    expect(printed).toEqual(seededOrgs.map(([name, code], i) => [i === 0 ? '' : '  ', name, code]));
  });

  it('ends quietly and normally when the reader of its output stops early, as in kexie org list | head', async () => {
    const child = spawnNode(['bin/kexie.mjs', 'org', 'list'], kexieEnv(database.target));
    // Closed before the command has printed anything: every line it prints meets a closed pipe.
    child.stdout!.destroy();
    const result = await finished(child);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
  });

  it('adds a user whose generated password signs in', async () => {
    await seededOrg('411322');
    const result = await kexieProcess('user', 'add', 'zhangsan', '--org', '411322', '--roles', 'reporter,viewer', '--name', '张三');
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain('created zhangsan (reporter, viewer) in 方城县科协');
    const password = /^password: (\S+)$/m.exec(result.stdout)?.[1];
    expect(await signInStatus('zhangsan', password!)).toBe(200);
  });

  it('sets a new password with user passwd, after which only the new one signs in', async () => {
    const user = await buildUser(database.db, { orgId: (await seededOrg('411303')).id, roles: ['viewer'] });
    const result = await kexie('user', 'passwd', user.username, '--password', 'Neu-Passw0rd');
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe(`password changed for ${user.username}`);
    expect(await signInStatus(user.username, 'Neu-Passw0rd')).toBe(200);
    expect(await signInStatus(user.username, testPassword)).toBe(401);
  });

  it('lists users with their org and roles, limited to a subtree with --org', async () => {
    const inFangcheng = await buildUser(database.db, { orgId: (await seededOrg('411322')).id, roles: ['editor', 'reviewer'] });
    const inWolong = await buildUser(database.db, { orgId: (await seededOrg('411303')).id, roles: ['viewer'] });
    const result = await kexie('user', 'list', '--org', '411322');
    expect(result.exitCode, result.stderr).toBe(0);
    const row = result.stdout.split('\n').find((line) => line.startsWith(`${inFangcheng.username} `));
    expect(row?.split('\t').slice(1)).toEqual(['测试用户', '方城县科协', 'editor,reviewer', 'active']);
    expect(result.stdout).not.toContain(inWolong.username);
  });

  it('refuses an unknown role, names the valid ones and creates nobody', async () => {
    await seededOrg('411322');
    const result = await kexie('user', 'add', 'lisi', '--org', '411322', '--roles', 'reporter,boss');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("error: option '--roles <roles>' argument 'reporter,boss' is invalid. unknown role boss; choose from admin, editor, reviewer, reporter, viewer");
    expect(await findUserForCli(database.db, 'lisi')).toBeUndefined();
  });

  it('refuses an org that does not exist with ORG_NOT_FOUND and creates nobody', async () => {
    await seededOrg('411300');
    const result = await kexie('user', 'add', 'wangwu', '--org', '419999');
    expect(result.exitCode).toBe(1);
    expect(result.stderr.trim()).toBe('错误: 组织不存在或不在您的管理范围内 [ORG_NOT_FOUND]');
    expect(await findUserForCli(database.db, 'wangwu')).toBeUndefined();
  });

  it('loads the demo users, site, articles and activities on the first demo run and nothing on the second', async () => {
    const first = await kexieProcess('demo');
    expect(first.exitCode, first.stderr).toBe(0);
    expect(first.stdout).toContain('users: 6 created');
    expect(first.stdout).toContain('site settings: 1 created');
    expect(first.stdout).toContain('articles: 17 created');
    expect(first.stdout).toContain('activities: 2758 created');
    expect(first.stdout).toContain('activities awaiting verification: 5 created');
    const second = await kexie('demo');
    expect(second.exitCode, second.stderr).toBe(0);
    expect(second.stdout).toContain('users: 0 created');
    expect(second.stdout).toContain('articles: 0 created');
    expect(second.stdout).toContain('activities: 0 created');
    const demoPassword = /^demo login: admin \/ (\S+)$/m.exec(second.stdout)?.[1];
    expect(await signInStatus('admin', demoPassword!)).toBe(200);
    expect(await findUserForCli(database.db, 'fangcheng')).toBeDefined();
  });
});
