import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKexie, type TestClient, type TestKexie } from '../helpers/test-app.ts';

describe('activities: county reporting, verification by the level above, scope', () => {
  let kexie: TestKexie;
  let fangcheng: { id: string };
  let tanghe: { id: string };
  let reporter: TestClient;
  let tangheReporter: TestClient;
  let cityReviewer: TestClient;
  let types: { id: string; name: string; unit: string }[];
  let campaigns: { id: string; name: string }[];

  beforeAll(async () => {
    kexie = await startTestKexie();
    fangcheng = await kexie.org('411322');
    tanghe = await kexie.org('411328');
    reporter = await kexie.signIn(fangcheng.id, ['reporter']);
    tangheReporter = await kexie.signIn(tanghe.id, ['reporter']);
    cityReviewer = await kexie.signIn(kexie.root.id, ['reviewer']);
    types = (await reporter.get('/api/v1/activity-types')).json().items;
    campaigns = (await reporter.get('/api/v1/activity-campaigns')).json().items;
  });
  afterAll(() => kexie.close());

  const typeId = (name: string) => types.find((t) => t.name === name)!.id;
  const activity = (orgId: string, fields: Record<string, unknown> = {}) => ({
    title: '科普讲座进社区',
    typeId: typeId('讲座/报告会'),
    startDate: '2024-09-20',
    endDate: '2024-09-20',
    orgId,
    participants: 120,
    ...fields,
  });

  it('seeds the activity types with their units and the theme campaigns', () => {
    expect(types.map((t) => `${t.name}/${t.unit}`)).toEqual(['讲座/报告会/场', '展览/展板/块', '竞赛/场', '培训/期', '科普电影放映/场', '科技咨询/次', '志愿服务/次', '参观开放/次', '其他/次']);
    expect(campaigns.map((c) => c.name)).toContain('全国科普日');
  });

  it('lets a county reporter record, and the city verify; a returned record shows its reason and goes back up when corrected', async () => {
    const created = await reporter.post('/api/v1/activities', activity(fangcheng.id, { campaignId: campaigns[0]!.id, partners: ['方城县教育局', '方城县一中'], quantity: 2 }));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ status: 'reported', orgName: '方城县科协', typeName: '讲座/报告会', unit: '场', campaignName: '全国科普日', partners: ['方城县教育局', '方城县一中'] });
    const id = created.json().id;

    // The county cannot verify its own record; the city can.
    const self = await kexie.signIn(fangcheng.id, ['reviewer']);
    expect((await self.post(`/api/v1/activities/${id}/verify`)).json().error.code).toBe('ACTIVITY_VERIFY_OWN_LEVEL');
    const returned = await cityReviewer.post(`/api/v1/activities/${id}/return`, { reason: '受益人次与照片不符，请核对' });
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: '受益人次与照片不符，请核对' });
    expect((await reporter.get(`/api/v1/activities/${id}`)).json()).toMatchObject({ status: 'returned', returnReason: '受益人次与照片不符，请核对' });

    const corrected = await reporter.put(`/api/v1/activities/${id}`, activity(fangcheng.id, { participants: 80 }));
    expect(corrected.json()).toMatchObject({ status: 'reported', returnReason: null, participants: 80 });
    expect((await cityReviewer.post(`/api/v1/activities/${id}/verify`)).json()).toMatchObject({ status: 'verified' });
    expect((await reporter.put(`/api/v1/activities/${id}`, activity(fangcheng.id))).json().error.code).toBe('ACTIVITY_VERIFIED_LOCKED');
  });

  it('never lets 方城县 see, edit, verify or record for 唐河县', async () => {
    const theirs = (await tangheReporter.post('/api/v1/activities', activity(tanghe.id, { title: '唐河县科普日活动' }))).json();
    expect((await reporter.get(`/api/v1/activities/${theirs.id}`)).statusCode).toBe(404);
    expect((await reporter.put(`/api/v1/activities/${theirs.id}`, activity(fangcheng.id))).statusCode).toBe(404);
    expect((await reporter.delete(`/api/v1/activities/${theirs.id}`)).statusCode).toBe(404);
    const fangchengReviewer = await kexie.signIn(fangcheng.id, ['reviewer']);
    expect((await fangchengReviewer.post(`/api/v1/activities/${theirs.id}/verify`)).statusCode).toBe(404);
    const list = (await reporter.get('/api/v1/activities?year=2024&pageSize=200')).json();
    expect(list.items.every((a: { orgId: string }) => a.orgId === fangcheng.id)).toBe(true);
    expect((await reporter.get(`/api/v1/activities?orgId=${tanghe.id}`)).json().total).toBe(0);
    const recordForThem = await reporter.post('/api/v1/activities', activity(tanghe.id, { title: '冒名活动' }));
    expect(recordForThem.statusCode).toBe(404);
    expect(recordForThem.json().error.code).toBe('ACTIVITY_ORG_OUT_OF_SCOPE');
    expect((await reporter.get(`/api/v1/activities/figures?year=2024&orgId=${tanghe.id}`)).statusCode).toBe(404);
  });

  it('names each field that breaks a rule, and refuses a duplicate of the same title, day and org', async () => {
    const bad = await reporter.post('/api/v1/activities', activity(fangcheng.id, { title: '日期颠倒', startDate: '2024-09-21', endDate: '2024-09-20' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'ACTIVITY_DATES_REVERSED', message: '结束日期 2024-09-20 早于开始日期 2024-09-21', details: [{ path: 'body.endDate' }] });
    const negative = await reporter.post('/api/v1/activities', activity(fangcheng.id, { participants: -1 }));
    expect(negative.json().error.details[0].path).toBe('body.participants');
    await reporter.post('/api/v1/activities', activity(fangcheng.id, { title: '重复的活动' }));
    const duplicate = await reporter.post('/api/v1/activities', activity(fangcheng.id, { title: '重复的活动' }));
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.message).toBe('方城县科协在 2024-09-20 已有同名活动“重复的活动”');
  });

  it('counts only verified activities in the official figures, and all of them when asked', async () => {
    const admin = await kexie.signIn(kexie.root.id, ['admin']);
    const before = (await admin.get('/api/v1/activities/figures?year=2023')).json();
    const a = (await reporter.post('/api/v1/activities', activity(fangcheng.id, { title: '2023年活动', startDate: '2023-05-01', endDate: '2023-05-01', participants: 300 }))).json();
    expect((await admin.get('/api/v1/activities/figures?year=2023')).json()).toMatchObject({ count: before.count, participants: before.participants });
    await cityReviewer.post(`/api/v1/activities/${a.id}/verify`);
    const after = (await admin.get('/api/v1/activities/figures?year=2023&by=org')).json();
    expect(after).toMatchObject({ count: before.count + 1, participants: before.participants + 300 });
    expect(after.groups).toContainEqual(expect.objectContaining({ key: fangcheng.id, label: '方城县科协', count: 1, participants: 300 }));
    expect((await admin.get('/api/v1/activities/figures?year=2023&verifiedOnly=false&by=month')).json().groups).toContainEqual(expect.objectContaining({ key: '2023-05' }));
  });
});
