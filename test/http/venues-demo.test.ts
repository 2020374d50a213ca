import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../src/bootstrap.ts';
import { venueFiguresFor } from '../../src/modules/venues/index.ts';
import { startTestKexie, TestClient, type TestKexie } from '../helpers/test-app.ts';

interface Group {
  key: string;
  label: string;
  [measure: string]: number | string;
}

/** The seed's 建强阵地 figures (V1–V5, V7, V8), each read from the aggregations over the demo's records. */
describe('the demo museum system reproduces the 2024 review', () => {
  let kexie: TestKexie;
  let admin: TestClient;

  const figures = async (query = '') => {
    const response = await admin.get(`/api/v1/venues/figures?year=2024${query}`);
    expect(response.statusCode).toBe(200);
    return response.json();
  };
  const group = (groups: Group[], label: string) => {
    const found = groups.find((g) => g.label === label);
    expect(found, label).toBeDefined();
    return found!;
  };

  beforeAll(async () => {
    kexie = await startTestKexie();
    await loadDemoData(kexie.db, kexie.config);
    admin = kexie.client();
    const login = await admin.login('admin', kexie.config.demoAdminPassword);
    if (login.statusCode !== 200) throw new Error(`demo login failed: ${login.body}`);
  }, 180_000);
  afterAll(() => kexie.close());

  it('counts 7 open science museums, 新野 opened in 2024, 社旗 and 淅川 under construction (V1)', async () => {
    const { venues } = await figures();
    const museums = (status: string) => venues.byKindAndStatus.find((c: { kind: string; status: string }) => c.kind === 'museum' && c.status === status)?.count;
    expect(museums('open')).toBe(7);
    expect(museums('under_construction')).toBe(2);
    const list = (await admin.get('/api/v1/venues?kind=museum&pageSize=50')).json().items as { name: string; status: string; openedOn: string | null }[];
    expect(list.find((v) => v.name === '新野县科技馆')).toMatchObject({ status: 'open', openedOn: expect.stringMatching(/^2024-/) });
    expect(list.filter((v) => v.status === 'under_construction').map((v) => v.name).sort()).toEqual(['淅川县科技馆', '社旗县科技馆']);
  });

  it('sums nearly a million visits to the 7 museums, 335,600 and 75 groups at the city museum, over 180,000 at the after-school centre (V2, V4, V5)', async () => {
    const byKind = (await figures('&by=kind')).visits.groupsBy;
    const museums = group(byKind, '实体科技馆');
    expect(museums.visitors).toBeGreaterThanOrEqual(950_000);
    expect(museums.visitors).toBeLessThan(1_000_000);
    const byVenue = (await figures('&by=venue')).visits.groupsBy;
    expect(group(byVenue, '南阳市科技馆')).toMatchObject({ visitors: 335_600, groups: 75 });
    expect(group(byVenue, '南阳市青少年课外活动中心').visitors).toBeGreaterThan(180_000);
    // Seven museums have visitors; the two being built have none.
    const museumNames = ['南阳市科技馆', '邓州市科技馆', '唐河县科技馆', '西峡县科技馆', '内乡县科技馆', '方城县科技馆', '新野县科技馆'];
    expect(museumNames.reduce((sum, name) => sum + Number(group(byVenue, name).visitors), 0)).toBe(museums.visitors);
    expect(byVenue.find((g: Group) => g.label === '社旗县科技馆')).toBeUndefined();
  });

  it('spreads the visits over every month and counts 新野 only from its opening', async () => {
    const byMonth = (await figures('&by=month')).visits.groupsBy as Group[];
    expect(byMonth.map((g) => g.key)).toEqual(Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`));
    const xinye = (await admin.get('/api/v1/venues?q=新野')).json().items[0];
    const xinyeVisits = (await admin.get(`/api/v1/venues/${xinye.id}/visits?pageSize=50`)).json().items as { date: string }[];
    expect(xinyeVisits.every((v) => v.date >= '2024-05-01')).toBe(true);
    const byCounty = (await figures('&by=county')).visits.groupsBy as Group[];
    expect(byCounty.map((g) => g.label)).toEqual(expect.arrayContaining(['卧龙区科协', '邓州市科协', '方城县科协', '新野县科协']));
  });

  it('counts 70 visits to 35 schools reaching more than 30,000 pupils and teachers (V7)', async () => {
    const { outreach } = await figures();
    expect(outreach).toMatchObject({ visits: 70, schools: 35 });
    expect(outreach.people).toBeGreaterThan(30_000);
  });

  it('counts 6 caravans, more than 20,000 km, more than 200 schools, 270 activities and 208,000 people (V8)', async () => {
    const { caravans } = await figures();
    expect(caravans).toMatchObject({ vehicles: 6, vehiclesOnTheRoad: 6, trips: 270, activities: 270, people: 208_000 });
    expect(caravans.km).toBeGreaterThan(20_000);
    expect(caravans.schools).toBeGreaterThan(200);
    const byCaravan = (await figures('&by=venue')).caravans.groupsBy as Group[];
    expect(byCaravan).toHaveLength(6);
    expect(byCaravan.reduce((sum, g) => sum + Number(g.trips), 0)).toBe(270);
  });

  it('sums the touring museum’s stops to 246,000 visits (V3)', async () => {
    const { touring } = await figures();
    expect(touring.visits).toBe(246_000);
    expect(touring.stops).toBeGreaterThan(20);
    expect((await figures('&by=county')).touring.groupsBy.length).toBeGreaterThan(10);
  });

  it('gives stats the same figures without an actor, and a county only its own', async () => {
    const plain = await venueFiguresFor(kexie.db, { scopeRootId: kexie.root.id, year: 2024 });
    expect(plain.visits.visitors).toBe((await figures()).visits.visitors);
    const fangcheng = kexie.client();
    await fangcheng.login('fangcheng', kexie.config.demoAdminPassword);
    const own = (await fangcheng.get('/api/v1/venues/figures?year=2024&by=venue')).json();
    expect(own.visits.groupsBy.map((g: Group) => g.label)).toEqual(['方城县科技馆']);
    expect(own.caravans.groupsBy.map((g: Group) => g.label)).toEqual(['豫R·F1135']);
    const tanghe = await kexie.org('411328');
    expect((await fangcheng.get(`/api/v1/venues/figures?year=2024&orgId=${tanghe.id}`)).statusCode).toBe(404);
  });

  it('loads nothing twice', async () => {
    const before = (await figures()).visits.visitors;
    const again = await loadDemoData(kexie.db, kexie.config);
    expect(again.find((part) => part.part === 'venues')?.created).toBe(0);
    expect((await figures()).visits.visitors).toBe(before);
  });
});
