import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOrgs } from '../../src/modules/orgs/org.demo.ts';
import { loadDemoOrgs } from '../../src/modules/orgs/index.ts';
import { startTestKexie, type TestClient, type TestKexie } from '../helpers/test-app.ts';

interface Org {
  id: string;
  name: string;
  type: string;
  parentId: string | null;
  foundedOn: string | null;
}

/** The seed's 组织建设 figures (O1–O3), counted over the demo's organisation records. */
describe('the demo organisations reproduce the 2024 review', () => {
  let kexie: TestKexie;
  let admin: TestClient;
  let created: number;

  /** Every org of a type the admin's list holds, founded within the dates if given. */
  const orgsOf = async (type: string, founded = '') => {
    const response = await admin.get(`/api/v1/orgs?type=${type}&pageSize=200${founded}`);
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json() as { items: Org[]; total: number };
    expect(page.items).toHaveLength(page.total);
    return page.items;
  };
  const in2024 = '&foundedFrom=2024-01-01&foundedTo=2024-12-31';
  const tree = async (client: TestClient) => (await client.get('/api/v1/orgs/tree')).json().items as (Org & { depth: number })[];

  beforeAll(async () => {
    kexie = await startTestKexie();
    created = await loadDemoOrgs(kexie.db);
    admin = await kexie.signIn(kexie.root.id, ['admin']);
  }, 60_000);
  afterAll(() => kexie.close());

  it('founds the 生物工程, 航空, 药学 and 茶叶 societies in 2024, beside older ones (O1)', async () => {
    const founded = await orgsOf('society', in2024);
    expect(founded.map((o) => o.name).sort()).toEqual(['南阳市生物工程学会', '南阳市航空学会', '南阳市茶叶学会', '南阳市药学会'].sort());
    const all = await orgsOf('society');
    expect(all.length).toBeGreaterThan(10);
    expect(all.filter((o) => o.foundedOn! < '2024-01-01').map((o) => o.name)).toEqual(expect.arrayContaining(['南阳市农学会', '南阳市医学会', '南阳市机械工程学会']));
    expect(all.every((o) => o.parentId === kexie.root.id)).toBe(true);
  });

  it('founds 39 enterprise associations in 2024 under the city and its counties (O2)', async () => {
    const founded = await orgsOf('enterprise_association', in2024);
    expect(founded).toHaveLength(39);
    const all = await orgsOf('enterprise_association');
    expect(all.length).toBeGreaterThan(39);
    const cityAndCounties = new Set((await tree(admin)).filter((o) => o.depth <= 1).map((o) => o.id));
    expect(all.every((o) => cityAndCounties.has(o.parentId!))).toBe(true);
    // Spread over the tree, not piled on one org.
    expect(new Set(founded.map((o) => o.parentId)).size).toBeGreaterThanOrEqual(10);
    expect(all.every((o) => o.name.endsWith('科协'))).toBe(true);
  });

  it('founds 7 society service stations in 2024, 南阳市瑞佳食品有限公司学会服务站 among them (O3)', async () => {
    const founded = await orgsOf('service_station', in2024);
    expect(founded).toHaveLength(7);
    expect(founded.map((o) => o.name)).toContain('南阳市瑞佳食品有限公司学会服务站');
    expect((await orgsOf('service_station')).length).toBeGreaterThan(7);
  });

  it('places each org in its county’s scope: 方城县’s admin sees its own enterprise associations and station, none of another county', async () => {
    const fangcheng = await kexie.org('411322');
    const countyAdmin = await kexie.signIn(fangcheng.id, ['admin']);
    const seen = await tree(countyAdmin);
    expect(seen[0]).toMatchObject({ name: '方城县科协', depth: 0 });
    const below = seen.slice(1);
    expect(below.filter((o) => o.type === 'enterprise_association').length).toBeGreaterThan(0);
    expect(below.filter((o) => o.type === 'service_station').map((o) => o.name)).toEqual(['方城县华鑫装备制造有限公司学会服务站']);
    expect(below.every((o) => o.parentId === fangcheng.id)).toBe(true);
    const xixia = (await orgsOf('enterprise_association')).find((o) => o.name.startsWith('西峡县'))!;
    expect((await countyAdmin.get(`/api/v1/orgs/${xixia.id}`)).statusCode).toBe(404);
  });

  it('writes an audit entry for every org it creates', async () => {
    expect(created).toBe(demoOrgs().length);
    const audit = (await admin.get('/api/v1/audit?entity=org&action=create&pageSize=1')).json();
    // The seeded city and its thirteen counties, then the demo's.
    expect(audit.total).toBe(14 + created);
  });

  it('creates nothing when loaded again', async () => {
    const before = await tree(admin);
    expect(await loadDemoOrgs(kexie.db)).toBe(0);
    expect(await tree(admin)).toEqual(before);
    expect(before).toHaveLength(14 + created);
  });

  it('draws the same orgs on every run, no name twice under one parent', () => {
    const first = demoOrgs();
    expect(demoOrgs()).toEqual(first);
    expect(new Set(first.map((o) => `${o.parentCode}|${o.name}`)).size).toBe(first.length);
  });
});
