import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../factories/index.ts';
import { readWorkbook } from '../helpers/excel-import.ts';
import { startTestKexie, type TestKexie } from '../helpers/test-app.ts';

describe('user list export', () => {
  let kexie: TestKexie;
  beforeAll(async () => {
    kexie = await startTestKexie();
  });
  afterAll(() => kexie.close());

  it('exports the filtered user list with Chinese headers, org names, role and status labels', async () => {
    const sheqi = await kexie.org('411327');
    await buildUser(kexie.db, { orgId: sheqi.id, roles: ['reporter', 'viewer'], username: 'sq-export-b' });
    await buildUser(kexie.db, { orgId: sheqi.id, roles: ['editor'], username: 'sq-export-a' });
    const admin = await kexie.signIn(kexie.root.id, ['admin']);
    const response = await admin.get(`/api/v1/users/excel/export?under=${sheqi.id}&q=sq-export&sort=username&order=desc`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain(encodeURIComponent('用户列表-'));
    const { rows } = await readWorkbook(response.rawPayload);
    expect(rows[0]).toEqual(['用户名', '姓名', '所属组织', '角色', '状态', '最近登录', '创建时间']);
    expect(rows.slice(1).map((row) => row.slice(0, 5))).toEqual([
      ['sq-export-b', '测试用户', '社旗县科协', '填报员、查看', '启用'],
      ['sq-export-a', '测试用户', '社旗县科协', '编辑', '启用'],
    ]);
    expect(rows[1]![6]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });

  it('keeps a county admin to their county and refuses non-admins', async () => {
    const fangcheng = await kexie.org('411322');
    const sheqi = await kexie.org('411327');
    await buildUser(kexie.db, { orgId: sheqi.id, roles: ['viewer'], username: 'sq-hidden' });
    const countyAdmin = await kexie.signIn(fangcheng.id, ['admin']);
    const usernames = (await readWorkbook((await countyAdmin.get('/api/v1/users/excel/export')).rawPayload)).rows.slice(1).map((row) => row[0]);
    expect(usernames).toEqual([countyAdmin.username]);

    const reporter = await kexie.signIn(fangcheng.id, ['reporter']);
    const refused = await reporter.get('/api/v1/users/excel/export');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');
  });
});
