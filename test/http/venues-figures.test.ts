import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildVenue } from '../factories/venues.ts';
import { startTestKexie, type TestClient, type TestKexie } from '../helpers/test-app.ts';

interface Group {
  key: string;
  label: string;
  [measure: string]: number | string;
}

/** The figures are sums and counts over the records of the scope and year asked, nothing else. */
describe('venue figures', () => {
  let kexie: TestKexie;
  let reporter: TestClient;
  let fangcheng: { id: string };

  beforeAll(async () => {
    kexie = await startTestKexie();
    fangcheng = await kexie.org('411322');
    reporter = await kexie.signIn(fangcheng.id, ['reporter']);
    const museum = await buildVenue(kexie.db, { ownerOrgId: fangcheng.id, name: '方城县科技馆（统计测试）', openedOn: '2020-01-01' });
    await buildVenue(kexie.db, { ownerOrgId: fangcheng.id, kind: 'youth_centre', name: '方城县青少年活动中心（统计测试）', status: 'planned', openedOn: null });
    const post = async (url: string, body: unknown) => {
      const response = await reporter.post(url, body);
      expect(response.statusCode, response.body).toBe(201);
      return response.json();
    };
    await post(`/api/v1/venues/${museum.id}/visits`, { date: '2023-12-30', individualVisitors: 999 });
    await post(`/api/v1/venues/${museum.id}/visits`, { date: '2024-01-06', individualVisitors: 500, groupVisitors: 80, groups: 2 });
    await post(`/api/v1/venues/${museum.id}/visits`, { date: '2024-02-01', period: 'month', individualVisitors: 7000, groupVisitors: 300, groups: 5 });
    // One school written two ways counts once; the visits and people count twice.
    await post(`/api/v1/venues/${museum.id}/outreach`, { date: '2024-03-05', schoolName: '方城县第一初级中学', countyOrgId: fangcheng.id, activity: '科学实验秀', people: 400 });
    await post(`/api/v1/venues/${museum.id}/outreach`, { date: '2024-10-05', schoolName: '方城县 第一初级中学', countyOrgId: fangcheng.id, activity: '科普大讲堂', people: 350 });
    const caravan = await post('/api/v1/caravans', { name: '豫R·F0001（统计测试）', ownerOrgId: fangcheng.id });
    await post(`/api/v1/caravans/${caravan.id}/trips`, { date: '2024-04-01', destination: '方城县实验小学', destinationKind: 'school', countyOrgId: fangcheng.id, km: 60, activities: 2, people: 900 });
    await post(`/api/v1/caravans/${caravan.id}/trips`, { date: '2024-04-02', destination: '方城县人民广场', destinationKind: 'place', countyOrgId: fangcheng.id, km: 12, people: 1500 });
    const show = await post('/api/v1/touring-shows', { name: '方城县巡展（统计测试）', ownerOrgId: fangcheng.id });
    await post(`/api/v1/touring-shows/${show.id}/stops`, { hostKind: 'venue', hostVenueId: museum.id, startDate: '2024-05-06', endDate: '2024-05-20', visits: 4200 });
  });
  afterAll(() => kexie.close());

  it('sums a year’s records within the actor’s scope', async () => {
    const figures = (await reporter.get('/api/v1/venues/figures?year=2024')).json();
    expect(figures.venues.byKindAndStatus).toEqual([
      { kind: 'museum', kindLabel: '实体科技馆', status: 'open', statusLabel: '开放', count: 1 },
      { kind: 'youth_centre', kindLabel: '青少年活动中心', status: 'planned', statusLabel: '规划中', count: 1 },
    ]);
    expect(figures.visits).toMatchObject({ visitors: 7880, individualVisitors: 7500, groupVisitors: 380, groups: 7 });
    expect(figures.outreach).toMatchObject({ visits: 2, schools: 1, people: 750 });
    expect(figures.caravans).toMatchObject({ vehicles: 1, trips: 2, activities: 3, km: 72, schools: 1, people: 2400 });
    expect(figures.touring).toMatchObject({ shows: 1, stops: 1, visits: 4200 });
    expect((await reporter.get('/api/v1/venues/figures?year=2023')).json().visits.visitors).toBe(999);
  });

  it('breaks the figures down by month and by county', async () => {
    const byMonth = (await reporter.get('/api/v1/venues/figures?year=2024&by=month')).json();
    expect(byMonth.visits.groupsBy.map((g: Group) => [g.key, g.visitors])).toEqual([
      ['2024-01', 580],
      ['2024-02', 7300],
    ]);
    expect(byMonth.outreach.groupsBy.map((g: Group) => [g.key, g.visits])).toEqual([
      ['2024-03', 1],
      ['2024-10', 1],
    ]);
    const byCounty = (await reporter.get('/api/v1/venues/figures?year=2024&by=county')).json();
    expect(byCounty.caravans.groupsBy).toEqual([expect.objectContaining({ key: fangcheng.id, label: '方城县科协', trips: 2 })]);
    expect(byCounty.touring.groupsBy).toEqual([expect.objectContaining({ label: '方城县科协', visits: 4200 })]);
  });

  it('shows another county none of them', async () => {
    const tanghe = await kexie.signIn((await kexie.org('411328')).id, ['reporter']);
    const theirs = (await tanghe.get('/api/v1/venues/figures?year=2024')).json();
    expect(theirs).toMatchObject({ venues: { count: 0 }, visits: { visitors: 0 }, outreach: { visits: 0 }, caravans: { trips: 0, vehicles: 0 }, touring: { visits: 0 } });
    const asked = await tanghe.get(`/api/v1/venues/figures?year=2024&orgId=${fangcheng.id}`);
    expect(asked.statusCode).toBe(404);
    expect(asked.json().error).toMatchObject({ code: 'VENUE_FIGURES_ORG_OUT_OF_SCOPE', message: '组织不存在或不在您的管理范围内' });
  });
});
