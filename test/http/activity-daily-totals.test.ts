import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCheckedActivities, type ActivityInput } from '../../src/modules/activities/index.ts';
import { computeIndicators, yearPeriod } from '../../src/modules/stats/index.ts';
import { cliContext } from '../factories/index.ts';
import { startTestKexie, type TestClient, type TestKexie } from '../helpers/test-app.ts';

/**
 * The activities' daily totals (what the annual report reads) must say
 * exactly what the records say after every kind of write. Each step compares
 * the whole totals table with totals worked out here from the records.
 */
describe('activity daily totals follow every write', () => {
  let kexie: TestKexie;
  let fangcheng: { id: string };
  let tanghe: { id: string };
  let reporter: TestClient;
  let reviewer: TestClient;
  let admin: TestClient;
  let typeId: (name: string) => string;
  let campaignId: (name: string) => string;

  beforeAll(async () => {
    kexie = await startTestKexie();
    fangcheng = await kexie.org('411322');
    tanghe = await kexie.org('411328');
    reporter = await kexie.signIn(fangcheng.id, ['reporter']);
    reviewer = await kexie.signIn(kexie.root.id, ['reviewer']);
    admin = await kexie.signIn(kexie.root.id, ['admin']);
    const types = (await admin.get('/api/v1/activity-types')).json().items as { id: string; name: string }[];
    const campaigns = (await admin.get('/api/v1/activity-campaigns')).json().items as { id: string; name: string }[];
    typeId = (name) => types.find((t) => t.name === name)!.id;
    campaignId = (name) => campaigns.find((c) => c.name === name)!.id;
  });
  afterAll(() => kexie.close());

  const activity = (title: string, fields: Partial<ActivityInput> = {}): ActivityInput => ({
    title,
    typeId: typeId('讲座/报告会'),
    startDate: '2024-03-01',
    endDate: '2024-03-01',
    orgId: fangcheng.id,
    participants: 100,
    ...fields,
  });

  type Total = { org_id: string; start_date: string; dimension: string; key: string | null; activities: number; participants: number; quantity: number | null };
  const normalised = (rows: Record<string, unknown>[]): Total[] =>
    rows
      .map((row) => ({
        org_id: String(row.org_id),
        start_date: String(row.start_date),
        dimension: String(row.dimension),
        key: row.key == null ? null : String(row.key),
        activities: Number(row.activities),
        participants: Number(row.participants),
        quantity: row.quantity == null ? null : Number(row.quantity),
      }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

  /** The totals as the records say, worked out here one verified record at a time. */
  async function totalsFromRecords(): Promise<Total[]> {
    const records = await kexie.db.selectFrom('activities').select(['org_id', 'start_date', 'type_id', 'campaign_id', 'series', 'participants', 'quantity']).where('status', '=', 'verified').execute();
    const totals = new Map<string, Record<string, unknown>>();
    for (const record of records) {
      for (const [dimension, key] of [['*', null], ['type', record.type_id], ['campaign', record.campaign_id], ['series', record.series]] as const) {
        const id = JSON.stringify([record.org_id, record.start_date, dimension, key]);
        const total = totals.get(id) ?? { org_id: record.org_id, start_date: record.start_date, dimension, key, activities: 0, participants: 0, quantity: null };
        total.activities = Number(total.activities) + 1;
        total.participants = Number(total.participants) + record.participants;
        if (record.quantity !== null) total.quantity = Number(total.quantity ?? 0) + record.quantity;
        totals.set(id, total);
      }
    }
    return normalised([...totals.values()]);
  }

  const storedTotals = async () => normalised(await kexie.db.selectFrom('activity_daily_totals').selectAll().execute());
  const expectTotalsToMatchRecords = async () => expect(await storedTotals()).toEqual(await totalsFromRecords());

  it('counts an activity once it is verified, under its new day, type and org after a correction, and no more once deleted', async () => {
    const created = await reporter.post('/api/v1/activities', activity('方城县科普讲座', { campaignId: campaignId('全国科普日'), series: '科普讲堂', quantity: 2 }));
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect(await storedTotals()).toEqual([]); // reported, not verified: no official figure yet

    expect((await reviewer.post(`/api/v1/activities/${id}/verify`, {})).statusCode).toBe(200);
    expect((await storedTotals()).filter((t) => t.dimension === '*')).toEqual([{ org_id: fangcheng.id, start_date: '2024-03-01', dimension: '*', key: null, activities: 1, participants: 100, quantity: 2 }]);
    await expectTotalsToMatchRecords();

    // The city corrects the verified record: another day, type, org and figures.
    const corrected = await admin.put(`/api/v1/activities/${id}`, activity('方城县科普讲座', { orgId: tanghe.id, startDate: '2024-04-02', endDate: '2024-04-02', typeId: typeId('展览/展板'), participants: 250, quantity: 12 }));
    expect(corrected.statusCode).toBe(200);
    expect((await storedTotals()).some((t) => t.start_date === '2024-03-01')).toBe(false);
    await expectTotalsToMatchRecords();

    expect((await admin.delete(`/api/v1/activities/${id}`)).statusCode).toBe(204);
    await expectTotalsToMatchRecords();
  });

  it('keeps totals of a day with several records exact when one of them is returned, imported or removed', async () => {
    const ctx = await cliContext(kexie.db);
    const days = ['2024-05-01', '2024-05-02', '2024-05-03'];
    await insertCheckedActivities(
      ctx,
      days.flatMap((day, d) =>
        [0, 1, 2].map((n) =>
          activity(`导入活动${day}-${n}`, { startDate: day, endDate: day, participants: 10 * (n + 1), quantity: n === 0 ? null : n, series: n === 2 ? '科普讲堂' : '', campaignId: d === 0 ? campaignId('科技活动周') : undefined }),
        ),
      ),
      { verified: true, source: 'test' },
    );
    await expectTotalsToMatchRecords();

    const reported = (await reporter.post('/api/v1/activities', activity('同日待核实活动', { startDate: '2024-05-01', endDate: '2024-05-01', participants: 999 }))).json().id as string;
    expect((await reviewer.post(`/api/v1/activities/${reported}/return`, { reason: '请补充照片' })).statusCode).toBe(200);
    await expectTotalsToMatchRecords();
    expect((await storedTotals()).find((t) => t.start_date === '2024-05-01' && t.dimension === '*')).toMatchObject({ activities: 3, participants: 60 });

    const [one] = await kexie.db.selectFrom('activities').select('id').where('title', '=', '导入活动2024-05-02-1').execute();
    expect((await admin.delete(`/api/v1/activities/${one!.id}`)).statusCode).toBe(204);
    await expectTotalsToMatchRecords();
  });

  it('keeps a day exact when its activities are verified at the same moment', async () => {
    const day = { startDate: '2024-06-06', endDate: '2024-06-06' };
    const ids: string[] = [];
    for (let n = 0; n < 12; n++) ids.push((await reporter.post('/api/v1/activities', activity(`同时核实的活动${n}`, { ...day, participants: n + 1 }))).json().id);
    const answers = await Promise.all(ids.map((id) => reviewer.post(`/api/v1/activities/${id}/verify`, {})));
    expect(answers.map((answer) => answer.statusCode)).toEqual(ids.map(() => 200));
    expect((await storedTotals()).filter((t) => t.start_date === '2024-06-06' && t.dimension === '*')).toEqual([{ org_id: fangcheng.id, start_date: '2024-06-06', dimension: '*', key: null, activities: 12, participants: 78, quantity: null }]);
    await expectTotalsToMatchRecords();
  });

  it('gives the report the same figures as counting the records', async () => {
    const figures = await computeIndicators(kexie.db, {
      orgId: kexie.root.id,
      ...yearPeriod(2024),
      locale: 'zh-CN',
      requests: [{ code: 'activities.count' }, { code: 'activities.participants' }, { code: 'activities.quantity', where: { series: '科普讲堂' } }, { code: 'activities.count', where: { campaign: '科技活动周' } }],
    });
    const verified = await kexie.db.selectFrom('activities').select(['participants', 'quantity', 'series', 'campaign_id']).where('status', '=', 'verified').execute();
    expect(figures.map((f) => f.value)).toEqual([
      verified.length,
      verified.reduce((sum, a) => sum + a.participants, 0),
      verified.filter((a) => a.series === '科普讲堂').reduce((sum, a) => sum + (a.quantity ?? 0), 0),
      verified.filter((a) => a.campaign_id === campaignId('科技活动周')).length,
    ]);
    expect(figures[0]!.value).toBe(20);
  });
});
