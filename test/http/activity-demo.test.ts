import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../src/bootstrap.ts';
import { comingDemoActivities, demoActivities2024 } from '../../src/modules/activities/activity.demo.ts';
import { nanyangSeed } from '../../src/modules/orgs/index.ts';
import { startTestKexie, TestClient, type TestKexie } from '../helpers/test-app.ts';

interface Group {
  key: string;
  label: string;
  count: number;
  participants: number;
  quantity: number;
}

/** The seed's 2024 work review, figure by figure, out of the demo's activity records. */
describe('the demo activities reproduce the 2024 review', () => {
  let kexie: TestKexie;
  let admin: TestClient;
  let fangchengReporter: TestClient;
  let cityReviewer: TestClient;
  let campaigns: { id: string; name: string }[];

  /** Signs in as one of the demo accounts, as a visitor to the demo would. */
  async function demoLogin(username: string): Promise<TestClient> {
    const client = kexie.client();
    const response = await client.login(username, kexie.config.demoAdminPassword);
    if (response.statusCode !== 200) throw new Error(`demo login ${username} failed: ${response.body}`);
    return client;
  }
  const figures = async (query = '') => (await admin.get(`/api/v1/activities/figures?year=2024${query}`)).json() as Group & { groups: Group[] };
  const group = (groups: Group[], label: string) => groups.find((g) => g.label === label);
  const campaignId = (name: string) => campaigns.find((c) => c.name === name)!.id;

  beforeAll(async () => {
    kexie = await startTestKexie();
    await loadDemoData(kexie.db, kexie.config);
    admin = await demoLogin('admin');
    fangchengReporter = await demoLogin('fangcheng');
    cityReviewer = await demoLogin('reviewer1');
    campaigns = (await admin.get('/api/v1/activity-campaigns')).json().items;
  }, 120_000);
  afterAll(() => kexie.close());

  it('counts 2758 verified activities in 2024 reaching more than 2,000,000 people (P2, P3)', async () => {
    const official = await figures();
    expect(official.count).toBe(2758);
    expect(official.participants).toBeGreaterThan(2_000_000);
    // The city verified its whole history: nothing of 2024 waits outside the official figures.
    expect((await figures('&verifiedOnly=false')).count).toBe(2758);
  });

  it('spreads the year over the city and its thirteen counties, busiest in May and September', async () => {
    const byOrg = (await figures('&by=org')).groups;
    expect(byOrg.map((g) => g.label)).toHaveLength(14);
    expect(byOrg.map((g) => g.label)).toEqual(expect.arrayContaining(['南阳市科协', '方城县科协', '唐河县科协', '邓州市科协']));
    for (const org of byOrg) expect(org.count, org.label).toBeGreaterThan(100);

    const byMonth = (await figures('&by=month')).groups;
    expect(byMonth.map((g) => g.key)).toEqual(Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`));
    const busiest = [...byMonth].sort((a, b) => b.count - a.count).slice(0, 2).map((g) => g.key);
    expect(busiest.sort()).toEqual(['2024-05', '2024-09']);
  });

  it('holds the 全国科普日 flagship in September at 南阳市科协 with 20 partner units (P1)', async () => {
    expect(group((await figures('&by=campaign')).groups, '全国科普日')?.count).toBeGreaterThan(13);
    const list = (await admin.get(`/api/v1/activities?year=2024&campaignId=${campaignId('全国科普日')}&orgId=${kexie.root.id}&q=${encodeURIComponent('启动仪式')}`)).json();
    expect(list.total).toBe(1);
    const flagship = (await admin.get(`/api/v1/activities/${list.items[0].id}`)).json();
    expect(flagship).toMatchObject({ orgName: '南阳市科协', campaignName: '全国科普日', status: 'verified' });
    expect(flagship.startDate).toMatch(/^2024-09-/);
    expect(flagship.partners).toHaveLength(20);
    expect(new Set(flagship.partners).size).toBe(20);
    expect(flagship.partners).toEqual(expect.arrayContaining(['中共南阳市委宣传部', '南阳市教育局']));
  });

  it('gives the 科学家精神 series 6 lectures, 48 display boards and 85 screenings (T7)', async () => {
    const spirit = (await figures(`&by=type&series=${encodeURIComponent('科学家精神')}`)).groups;
    expect(group(spirit, '讲座/报告会')).toMatchObject({ count: 6, quantity: 6 });
    expect(group(spirit, '展览/展板')?.quantity).toBe(48);
    expect(group(spirit, '科普电影放映')?.quantity).toBe(85);
    expect(spirit.map((g) => g.label).sort()).toEqual(['展览/展板', '科普电影放映', '讲座/报告会']);
  });

  it('runs 200+ featured events serving 200万, 60+ touring film screenings, and teaches 800+ pupils with drones and robots (P4, V6, V9)', async () => {
    const bySeries = (await figures('&by=series')).groups;
    const featured = bySeries.filter((g) => ['科普面对面', '科普讲堂', '科普专家基层行', '科普知识在线有奖竞答', 'i科普志愿服务', '银龄跨越数字鸿沟'].includes(g.label));
    expect(featured).toHaveLength(6);
    expect(featured.reduce((sum, g) => sum + g.count, 0)).toBeGreaterThan(200);
    expect(featured.reduce((sum, g) => sum + g.participants, 0)).toBeGreaterThanOrEqual(2_000_000);
    expect(group(bySeries, '光影科学梦')?.count).toBeGreaterThan(60);
    expect(group(bySeries, '无人机机器人课堂')?.participants).toBeGreaterThan(800);
  });

  /** The verified 2024 records matching `where`, summed by type straight from the tables. */
  async function sumsByType(where: { venue?: string; series?: string }) {
    let query = kexie.db
      .selectFrom('activities')
      .innerJoin('activity_types', 'activity_types.id', 'activities.type_id')
      .select(['activity_types.name as type', 'activity_types.unit as unit'])
      .select((eb) => [eb.fn.countAll<number>().as('records'), eb.fn.sum<number>('activities.quantity').as('quantity'), eb.fn.sum<number>('activities.is_public').as('public')])
      .select((eb) => [eb.fn.min('activities.organiser').as('firstOrganiser'), eb.fn.max('activities.organiser').as('lastOrganiser'), eb.fn.max('activities.org_id').as('orgId')])
      .where('activities.status', '=', 'verified')
      .where('activities.start_date', '>=', '2024-01-01')
      .where('activities.start_date', '<=', '2024-12-31')
      .groupBy(['activity_types.name', 'activity_types.unit']);
    if (where.venue !== undefined) query = query.where('activities.venue', '=', where.venue);
    if (where.series !== undefined) query = query.where('activities.series', '=', where.series);
    const rows = await query.execute();
    return rows.map((r) => ({ ...r, records: Number(r.records), quantity: Number(r.quantity), public: Number(r.public) }));
  }

  it('holds 3000 场次 of 科教活动 at 南阳市科技馆, each type counted in sessions, all public and run by the museum (V6)', async () => {
    const atMuseum = await sumsByType({ venue: '南阳市科技馆' });
    expect(atMuseum.reduce((sum, t) => sum + t.quantity, 0)).toBe(3000);
    // Sessions only: boards (块) and courses (期) would not add up with them.
    for (const t of atMuseum) expect(['场', '次'], t.type).toContain(t.unit);
    expect(atMuseum.map((t) => t.type).sort()).toEqual(['其他', '参观开放', '竞赛', '讲座/报告会']);
    for (const t of atMuseum) {
      expect(t.public, t.type).toBe(t.records);
      expect([t.firstOrganiser, t.lastOrganiser, t.orgId], t.type).toEqual(['南阳市科技馆', '南阳市科技馆', kexie.root.id]);
    }
  });

  it('tours more than 60 光影科学梦 screenings, one 场 each, to schools and neighbourhoods rather than the museum (V6)', async () => {
    const films = await sumsByType({ series: '光影科学梦' });
    expect(films.map((t) => t.type)).toEqual(['科普电影放映']);
    expect(films[0]!.records).toBeGreaterThan(60);
    expect(films[0]!.quantity).toBe(films[0]!.records);
    expect([films[0]!.firstOrganiser, films[0]!.lastOrganiser]).toEqual(['南阳市科技馆', '南阳市科技馆']);
    expect(await sumsByType({ series: '光影科学梦', venue: '南阳市科技馆' })).toEqual([]);
  });

  it('keeps more than 10 “大练兵、大比武” staff trainings of the museum internal, and out of its 场次 (V10)', async () => {
    const drills = await sumsByType({ series: '大练兵、大比武' });
    expect(drills.map((t) => t.type)).toEqual(['培训']);
    expect(drills[0]!.records).toBeGreaterThan(10);
    expect(drills[0]!.public).toBe(0);
    expect([drills[0]!.firstOrganiser, drills[0]!.lastOrganiser]).toEqual(['南阳市科技馆', '南阳市科技馆']);
    expect(await sumsByType({ series: '大练兵、大比武', venue: '南阳市科技馆' })).toEqual([]);
    // Where a person would look for them: the figures by series.
    expect(group((await figures('&by=series')).groups, '大练兵、大比武')?.count).toBe(drills[0]!.records);
  });

  it('tags the theme days and weeks on their dates (P5)', async () => {
    const startDates = async (campaign: string) => {
      const dates: string[] = [];
      for (let page = 1; ; page += 1) {
        const list = (await admin.get(`/api/v1/activities?year=2024&campaignId=${campaignId(campaign)}&pageSize=200&page=${page}`)).json();
        dates.push(...list.items.map((a: { startDate: string }) => a.startDate));
        if (dates.length >= list.total) return dates;
      }
    };
    expect(new Set(await startDates('全民国家安全教育日'))).toEqual(new Set(['2024-04-15']));
    expect(new Set(await startDates('全国科技工作者日'))).toEqual(new Set(['2024-05-30']));
    for (const [campaign, month] of [['学雷锋纪念日', '03'], ['科技活动周', '05'], ['防灾减灾日', '05'], ['全国科普日', '09']] as const) {
      const dates = await startDates(campaign);
      expect(dates.length, campaign).toBeGreaterThan(13);
      expect(dates.every((d) => d.startsWith(`2024-${month}-`)), campaign).toBe(true);
    }
    expect((await startDates('食品安全宣传周')).length).toBeGreaterThan(13);
  });

  it('counts 2759 once 方城县 reports one more and the city verifies it, and 2758 again when it is deleted (must show 4)', async () => {
    const before = await figures();
    const fangcheng = await kexie.org('411322');
    const types = (await admin.get('/api/v1/activity-types')).json().items as { id: string; name: string }[];
    const reported = await fangchengReporter.post('/api/v1/activities', {
      title: '秋季小麦播种技术培训（方城县拐河镇）',
      typeId: types.find((t) => t.name === '培训')!.id,
      startDate: '2024-10-18',
      endDate: '2024-10-18',
      orgId: fangcheng.id,
      venue: '方城县拐河镇农技推广站',
      participants: 86,
      quantity: 1,
    });
    expect(reported.statusCode, reported.body).toBe(201);
    const id = reported.json().id;
    // Reported is not yet official.
    expect((await figures()).count).toBe(2758);
    expect((await figures('&verifiedOnly=false')).count).toBe(2759);

    expect((await cityReviewer.post(`/api/v1/activities/${id}/verify`)).json().status).toBe('verified');
    const after = await figures();
    expect(after.count).toBe(2759);
    expect(after.participants).toBe(before.participants + 86);

    expect((await admin.delete(`/api/v1/activities/${id}`)).statusCode).toBe(204);
    expect((await figures()).count).toBe(2758);
  });

  it('leaves 方城县’s 2025 reports in the city’s verify queue', async () => {
    const queue = (await cityReviewer.get('/api/v1/activities?awaitingMyVerification=true&pageSize=50')).json();
    expect(queue.total).toBe(5);
    for (const activity of queue.items) expect(activity).toMatchObject({ orgName: '方城县科协', status: 'reported', permissions: { verify: true } });
    expect(queue.items.every((a: { startDate: string }) => a.startDate.startsWith('2025-'))).toBe(true);
  });

  it('shows the flagship, the public series and the theme days on the portal, never a training', async () => {
    const flagship = (await admin.get(`/api/v1/activities?year=2024&q=${encodeURIComponent('全国科普日活动启动仪式')}`)).json().items[0];
    expect(flagship.public).toBe(true);
    const total = async (query: string) => (await admin.get(`/api/v1/activities?year=2024&pageSize=1&${query}`)).json().total as number;
    const publicCount = await total('public=true');
    expect(publicCount).toBeGreaterThan(300);
    expect(publicCount).toBeLessThan(2758 / 2);
    const training = ((await admin.get('/api/v1/activity-types')).json().items as { id: string; name: string }[]).find((t) => t.name === '培训')!.id;
    expect(await total(`public=true&typeId=${training}`)).toBe(0);
    expect(await total(`public=false&typeId=${training}`)).toBeGreaterThan(100);
  });

  it('fills the portal’s calendar with the coming weeks’ public activities, verified by the city', async () => {
    const calendar = (await kexie.client().get('/activities')).body;
    expect(calendar).toContain('共 13 项活动');
    expect(calendar).toContain('“科普讲堂”：人工智能与日常生活');
    expect(calendar).not.toContain('全市科协系统科普信息员业务培训');
    expect((await kexie.client().get('/')).body).toContain('<h2 id="activities-heading">近期活动</h2>');
  });

  it('dates the coming activities one to eight weeks from the day the demo is loaded, and nothing else varies', () => {
    const orgs = [{ ...nanyangOrg('411300'), parent_id: null }, ...nanyangSeed.counties.map(([, code]) => nanyangOrg(code))];
    const coming = comingDemoActivities(orgs, '2030-01-28');
    expect(coming).toHaveLength(14);
    expect(coming.filter((a) => a.public)).toHaveLength(13);
    for (const activity of coming) {
      expect(activity.startDate >= '2030-02-04' && activity.endDate <= '2030-03-25', activity.title).toBe(true);
      expect(activity.endDate >= activity.startDate).toBe(true);
    }
    const later = comingDemoActivities(orgs, '2030-06-01');
    expect(later.map(({ startDate: _s, endDate: _e, ...rest }) => rest)).toEqual(coming.map(({ startDate: _s, endDate: _e, ...rest }) => rest));
    expect(later[0]!.startDate).toBe('2030-06-08');
  });

  it('creates nothing when the demo is loaded again', async () => {
    const parts = await loadDemoData(kexie.db, kexie.config);
    expect(parts.find((p) => p.part === 'activities')?.created).toBe(0);
    expect((await figures()).count).toBe(2758);
  });

  /** An org row as the seed makes it, enough for the generators. */
  function nanyangOrg(code: string) {
    return { id: code, name: code, admin_code: code, short_name: null, type: 'county_association' as const, parent_id: '411300' as string | null, founded_on: null, status: 'active' as const, created_at: '', updated_at: '' };
  }

  it('draws the same records on every run: the generator has a fixed seed', () => {
    const org = (id: string, name: string, admin_code: string) => ({ id, name, admin_code, short_name: null, type: 'county_association' as const, parent_id: 'city', founded_on: null, status: 'active' as const, created_at: '', updated_at: '' });
    const city = { ...org('city', '南阳市科协', '411300'), type: 'city_association' as const, parent_id: null };
    const counties = nanyangSeed.counties.map(([name, code]) => org(code, name, code));
    const first = demoActivities2024(city, counties);
    expect(first).toHaveLength(2758);
    expect(demoActivities2024(city, counties)).toEqual(first);
  });
});
