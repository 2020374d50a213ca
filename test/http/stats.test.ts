import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCheckedActivities, type ActivityInput } from '../../src/modules/activities/index.ts';
import { computeBreakdown, computeIndicators, yearPeriod } from '../../src/modules/stats/index.ts';
import { createVisit } from '../../src/modules/venues/index.ts';
import { buildOrg, cliContext } from '../factories/index.ts';
import { buildVenue } from '../factories/venues.ts';
import { startTestKexie, type TestClient, type TestKexie } from '../helpers/test-app.ts';

describe('stats: indicators computed from records for an org subtree and a year, beside the year before', () => {
  let kexie: TestKexie;
  let fangcheng: { id: string };
  let tanghe: { id: string };
  let fangchengReporter: TestClient;
  let cityViewer: TestClient;
  const y2024 = yearPeriod(2024);

  beforeAll(async () => {
    kexie = await startTestKexie();
    fangcheng = await kexie.org('411322');
    tanghe = await kexie.org('411328');
    fangchengReporter = await kexie.signIn(fangcheng.id, ['reporter']);
    cityViewer = await kexie.signIn(kexie.root.id, ['viewer']);
    const types = (await cityViewer.get('/api/v1/activity-types')).json().items as { id: string; name: string }[];
    const campaigns = (await cityViewer.get('/api/v1/activity-campaigns')).json().items as { id: string; name: string }[];
    const typeId = (name: string) => types.find((t) => t.name === name)!.id;
    const campaignId = (name: string) => campaigns.find((c) => c.name === name)!.id;
    const activity = (orgId: string, startDate: string, participants: number, fields: Partial<ActivityInput> = {}): ActivityInput => ({
      title: `科普活动${startDate}-${participants}`,
      typeId: typeId('讲座/报告会'),
      startDate,
      endDate: startDate,
      orgId,
      participants,
      ...fields,
    });
    const ctx = await cliContext(kexie.db);
    await insertCheckedActivities(
      ctx,
      [
        activity(fangcheng.id, '2024-03-10', 100, { campaignId: campaignId('全国科普日'), series: '科普讲堂', quantity: 2, partners: ['方城县教育局', '方城县一中'], venue: '方城县文化馆' }),
        activity(fangcheng.id, '2024-05-01', 50, { typeId: typeId('展览/展板'), quantity: 10, partners: ['方城县教育局'] }),
        activity(tanghe.id, '2024-05-20', 200, { campaignId: campaignId('科技活动周') }),
        activity(kexie.root.id, '2024-12-31', 400, { typeId: typeId('竞赛'), partners: ['南阳市教育局'] }),
        activity(fangcheng.id, '2023-06-01', 30),
        activity(tanghe.id, '2023-12-31', 70),
        activity(fangcheng.id, '2025-01-01', 5),
      ],
      { verified: true, source: 'test' },
    );
    // Reported but not yet verified: not an official figure.
    await insertCheckedActivities(ctx, [activity(fangcheng.id, '2024-07-01', 999)], { source: 'test' });

    const museum = await buildVenue(kexie.db, { ownerOrgId: fangcheng.id, name: '方城县测试科技馆' });
    await createVisit(ctx, museum.id, { date: '2024-02-01', period: 'month', individualVisitors: 1000, groupVisitors: 200, groups: 4 });
    await createVisit(ctx, museum.id, { date: '2023-02-01', period: 'month', individualVisitors: 600 });
    await buildOrg(kexie.db, { parentId: fangcheng.id, type: 'society', name: '方城县测试学会', foundedOn: '2024-04-02' });
    await buildOrg(kexie.db, { parentId: tanghe.id, type: 'enterprise_association', name: '唐河县测试企业科协', foundedOn: '2023-08-08' });
  });
  afterAll(() => kexie.close());

  const compute = (requests: Parameters<typeof computeIndicators>[1]['requests'], orgId = kexie.root.id) =>
    computeIndicators(kexie.db, { orgId, ...y2024, requests, locale: 'zh-CN' });
  const figures = async (requests: Parameters<typeof compute>[0], orgId?: string) => (await compute(requests, orgId)).map((v) => [v.value, v.previous]);

  it('sums the subtree’s verified activities for the year and the year before; the unverified one does not count', async () => {
    const values = await compute([{ code: 'activities.count' }, { code: 'activities.participants' }, { code: 'activities.quantity' }, { code: 'activities.partners' }]);
    expect(values.map((v) => [v.code, v.value, v.previous])).toEqual([
      ['activities.count', 4, 2],
      ['activities.participants', 750, 100],
      ['activities.quantity', 12, 0],
      ['activities.partners', 3, 0],
    ]);
    expect(values[0]).toMatchObject({ label: '科普活动', unit: '项', verifiedOnly: true, filters: { orgName: '南阳市科协', from: '2024-01-01', to: '2024-12-31', verifiedOnly: true, conditions: '' } });
  });

  it('narrows by type, campaign, series, county and month labels; an unknown label narrows to nothing', async () => {
    expect(
      await figures([
        { code: 'activities.count', where: { type: '讲座/报告会' } },
        { code: 'activities.participants', where: { type: ['讲座/报告会', '竞赛'] } },
        { code: 'activities.partners', where: { type: ['讲座/报告会', '竞赛'] } },
        { code: 'activities.count', where: { campaign: '全国科普日' } },
        { code: 'activities.count', where: { series: '科普讲堂' } },
        { code: 'activities.count', where: { county: '方城县科协', type: '讲座/报告会' } },
        { code: 'activities.count', where: { month: '2024-05' } },
        { code: 'activities.count', where: { type: '不存在的类型' } },
      ]),
    ).toEqual([[2, 2], [700, 100], [3, 0], [1, 0], [1, 0], [1, 1], [2, 0], [0, 0]]);
    const [narrowed] = await compute([{ code: 'activities.count', where: { type: '讲座/报告会', campaign: ['全国科普日', '科技活动周'] } }]);
    expect(narrowed).toMatchObject({ value: 2, where: { type: '讲座/报告会' }, filters: { conditions: '主题活动 = 全国科普日、科技活动周; 类型 = 讲座/报告会' } });
  });

  it('computes venue and org indicators from their own modules’ records', async () => {
    expect(
      await figures([
        { code: 'venues.visits' },
        { code: 'venues.groups' },
        { code: 'venues.visits', where: { venue: '方城县测试科技馆' } },
        { code: 'venues.museums.open' },
        { code: 'orgs.new.society' },
        { code: 'orgs.new.enterprise_association' },
        { code: 'orgs.new', where: { type: '学会' } },
      ]),
    ).toEqual([[1200, 600], [4, 0], [1200, 600], [1, 1], [1, 0], [0, 1], [1, 0]]);
  });

  it('answers every indicator in declaration order when no requests are given', async () => {
    const values = await computeIndicators(kexie.db, { orgId: kexie.root.id, ...y2024, locale: 'en-US' });
    expect(values.map((v) => v.code)).toEqual((await cityViewer.get('/api/v1/stats/indicators')).json().items.map((i: { code: string }) => i.code));
    expect(values.find((v) => v.code === 'activities.count')).toMatchObject({ label: 'Activities', value: 4, previous: 2 });
  });

  it('refuses an unknown indicator and a dimension the indicator does not have, naming them', async () => {
    await expect(compute([{ code: 'activities.nothing' }])).rejects.toMatchObject({ code: 'STATS_UNKNOWN_INDICATOR', options: { params: { code: 'activities.nothing' } } });
    await expect(compute([{ code: 'caravans.km', where: { type: '讲座/报告会' } }])).rejects.toMatchObject({ code: 'STATS_UNKNOWN_DIMENSION' });
    const response = await cityViewer.get('/api/v1/stats/breakdown?code=caravans.km&dimension=type&year=2024');
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'STATS_UNKNOWN_DIMENSION', message: '指标“caravans.km”不能按“type”筛选或分组' });
    expect((await cityViewer.get('/api/v1/stats/values?year=2024&codes=activities.nothing')).json().error.code).toBe('STATS_UNKNOWN_INDICATOR');
  });

  it('breaks down by county with every county present, zeros included, and the city’s own level beside them', async () => {
    const rows = await computeBreakdown(kexie.db, { code: 'activities.count', dimension: 'county', orgId: kexie.root.id, ...y2024, locale: 'zh-CN' });
    expect(rows.slice(0, 3).map((r) => [r.label, r.value, r.previous])).toEqual([
      ['方城县科协', 2, 1],
      ['唐河县科协', 1, 1],
      ['南阳市科协本级', 1, 0],
    ]);
    expect(rows).toHaveLength(14);
    expect(rows.filter((r) => r.value === 0 && r.previous === 0)).toHaveLength(11);
  });

  it('breaks down by month in calendar order with every month present, each beside the same month a year before', async () => {
    const response = await cityViewer.get('/api/v1/stats/breakdown?code=activities.count&dimension=month&year=2024');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ dimension: 'month', period: y2024, previousPeriod: yearPeriod(2023), indicator: { code: 'activities.count' } });
    expect(body.items.map((r: { key: string }) => r.key)).toEqual(Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`));
    const month = (key: string) => body.items.find((r: { key: string }) => r.key === key);
    expect(month('2024-05')).toEqual({ key: '2024-05', label: '2024年5月', value: 2, previous: 0 });
    expect(month('2024-06')).toMatchObject({ value: 0, previous: 1 });
    expect(month('2024-12')).toMatchObject({ value: 1, previous: 1 });
  });

  it('breaks down by type, largest first, narrowed by county', async () => {
    const rows = await computeBreakdown(kexie.db, { code: 'activities.participants', dimension: 'type', orgId: kexie.root.id, ...y2024, where: { county: '方城县科协' }, locale: 'zh-CN' });
    expect(rows.map((r) => [r.label, r.value, r.previous])).toEqual([
      ['讲座/报告会', 100, 30],
      ['展览/展板', 50, 0],
    ]);
  });

  it('shows a county user their own county, and answers 404 for another county like a missing org', async () => {
    const own = await fangchengReporter.get('/api/v1/stats/values?year=2024&codes=activities.count,activities.participants');
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ org: { id: fangcheng.id, name: '方城县科协' }, period: y2024, previousPeriod: yearPeriod(2023) });
    expect(own.json().items.map((v: { value: number; previous: number }) => [v.value, v.previous])).toEqual([[2, 1], [150, 30]]);
    const other = await fangchengReporter.get(`/api/v1/stats/values?year=2024&orgId=${tanghe.id}`);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('STATS_ORG_NOT_FOUND');
    expect((await fangchengReporter.get(`/api/v1/stats/breakdown?orgId=${tanghe.id}`)).statusCode).toBe(404);
    const city = await cityViewer.get(`/api/v1/stats/values?year=2024&orgId=${tanghe.id}&codes=activities.count`);
    expect(city.json().items[0]).toMatchObject({ value: 1, previous: 1, filters: { orgName: '唐河县科协' } });
  });
});
