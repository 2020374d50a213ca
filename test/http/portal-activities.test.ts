import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicActivitiesVersion } from '../../src/modules/activities/index.ts';
import { beijingToday } from '../../src/modules/portal/portal.text.ts';
import { startTestKexie, type TestClient, type TestKexie } from '../helpers/test-app.ts';

/** A day relative to today in Beijing, as the portal counts days. */
const dayFrom = (today: string, days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('the portal’s activity calendar and activity pages', () => {
  let kexie: TestKexie;
  let cityAdmin: TestClient;
  let cityReviewer: TestClient;
  let reporter: TestClient;
  let fangchengId: string;
  let tangheId: string;
  let lectureTypeId: string;
  let trainingTypeId: string;
  let scienceDayId: string;
  const today = beijingToday();
  const anonymous = () => kexie.client();

  beforeAll(async () => {
    kexie = await startTestKexie({ publicBaseUrl: 'https://www.example.org' });
    fangchengId = (await kexie.org('411322')).id;
    tangheId = (await kexie.org('411328')).id;
    cityAdmin = await kexie.signIn(kexie.root.id, ['admin']);
    cityReviewer = await kexie.signIn(kexie.root.id, ['reviewer']);
    reporter = await kexie.signIn(fangchengId, ['reporter']);
    const types = (await cityAdmin.get('/api/v1/activity-types')).json().items as { id: string; name: string }[];
    lectureTypeId = types.find((t) => t.name === '讲座/报告会')!.id;
    trainingTypeId = types.find((t) => t.name === '培训')!.id;
    scienceDayId = ((await cityAdmin.get('/api/v1/activity-campaigns')).json().items as { id: string; name: string }[]).find((c) => c.name === '全国科普日')!.id;
  });
  afterAll(() => kexie.close());

  let sequence = 0;
  /** A county report; `verify` has the city verify it. */
  async function report(fields: Record<string, unknown>, options: { verify?: boolean; as?: TestClient; orgId?: string } = {}): Promise<{ id: string; title: string }> {
    sequence += 1;
    const startDate = (fields.startDate as string | undefined) ?? dayFrom(today, 7);
    const body = {
      title: `科普讲座进社区第${sequence}场`,
      typeId: lectureTypeId,
      startDate,
      endDate: startDate,
      orgId: options.orgId ?? fangchengId,
      venue: '方城县博望镇文化广场',
      organiser: '方城县科协',
      participants: 260,
      public: true,
      ...fields,
    };
    const created = await (options.as ?? reporter).post('/api/v1/activities', body);
    if (created.statusCode !== 201) throw new Error(created.body);
    if (options.verify) expect((await cityReviewer.post(`/api/v1/activities/${created.json().id}/verify`)).statusCode).toBe(200);
    return { id: created.json().id, title: body.title as string };
  }

  it('keeps the 公开 flag through create, read, update and the list filter; internal by default', async () => {
    const shown = await report({});
    expect((await reporter.get(`/api/v1/activities/${shown.id}`)).json().public).toBe(true);
    const internal = await report({ public: undefined, typeId: trainingTypeId, title: '科协干部业务培训' });
    expect((await reporter.get(`/api/v1/activities/${internal.id}`)).json().public).toBe(false);

    const publicIds = (await reporter.get('/api/v1/activities?public=true&pageSize=100')).json().items.map((a: { id: string }) => a.id);
    expect(publicIds).toContain(shown.id);
    expect(publicIds).not.toContain(internal.id);
    const internalIds = (await reporter.get('/api/v1/activities?public=false&pageSize=100')).json().items.map((a: { id: string }) => a.id);
    expect(internalIds).toContain(internal.id);
    expect(internalIds).not.toContain(shown.id);

    const current = (await reporter.get(`/api/v1/activities/${shown.id}`)).json();
    const { id: _id, orgName: _o, typeName: _t, unit: _u, campaignName: _c, status: _s, returnReason: _r, verifiedAt: _v, createdAt: _ca, updatedAt: _ua, permissions: _p, ...input } = current;
    const made = await reporter.put(`/api/v1/activities/${shown.id}`, { ...input, public: false });
    expect(made.json().public).toBe(false);
  });

  it('imports Excel rows as internal records: the template has no 公开 column', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('科普活动');
    sheet.addRow(['活动名称', '活动类型', '主题活动', '开始日期', '结束日期', '所属县区', '活动地点', '主办单位', '合作单位', '受益人次', '形式', '数量', '备注']);
    sheet.addRow(['导入的科普讲座（方城县）', '讲座/报告会', '', '2025-02-11', '2025-02-11', '方城县科协', '方城县图书馆', '方城县科协', '', 90, '线下', 1, '']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const started = await reporter.request('POST', '/api/v1/activities/excel/import', bytes, { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(started.statusCode, started.body).toBe(202);
    let job = { status: 'running', imported: 0 };
    for (let poll = 0; poll < 500 && job.status === 'running'; poll++) {
      job = (await reporter.get(`/api/v1/imports/${started.json().id}`)).json();
      if (job.status === 'running') await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(job).toMatchObject({ status: 'succeeded', imported: 1 });
    const [imported] = (await reporter.get(`/api/v1/activities?q=${encodeURIComponent('导入的科普讲座')}`)).json().items;
    expect(imported).toMatchObject({ title: '导入的科普讲座（方城县）', public: false });
  });

  it('sorts the console list by start date, 受益人次 or status on the server', async () => {
    const county = await kexie.signIn(tangheId, ['reporter']);
    const small = await report({ participants: 10, startDate: '2023-03-01' }, { as: county, orgId: tangheId });
    const big = await report({ participants: 9000, startDate: '2023-03-02' }, { as: county, orgId: tangheId, verify: true });
    const returned = await report({ participants: 500, startDate: '2023-03-03' }, { as: county, orgId: tangheId });
    await cityReviewer.post(`/api/v1/activities/${returned.id}/return`, { reason: '请补充照片' });
    const order = async (query: string) => (await county.get(`/api/v1/activities?year=2023&${query}`)).json().items.map((a: { id: string }) => a.id);
    expect(await order('')).toEqual([returned.id, big.id, small.id]);
    expect(await order('sort=start_date&order=asc')).toEqual([small.id, big.id, returned.id]);
    expect(await order('sort=participants&order=desc')).toEqual([big.id, returned.id, small.id]);
    expect(await order('sort=status&order=asc')).toEqual([returned.id, small.id, big.id]);
    expect((await county.get('/api/v1/activities?sort=title')).statusCode).toBe(400);
  });

  it('lists only public, verified activities from today on, grouped by date, with what a reader needs', async () => {
    const upcoming = await report({ title: '“科普讲堂”走进方城县第一高级中学', startDate: dayFrom(today, 10), endDate: dayFrom(today, 11), campaignId: scienceDayId, partners: ['方城县教育局'] }, { verify: true });
    const internal = await report({ title: '全市科协系统业务骨干培训', typeId: trainingTypeId, public: false }, { verify: true });
    const unverified = await report({ title: '尚未核实的科普展览' });
    const returned = await report({ title: '被退回的科技咨询' });
    await cityReviewer.post(`/api/v1/activities/${returned.id}/return`, { reason: '地点不详' });
    const past = await report({ title: '上个月的科普电影放映', startDate: dayFrom(today, -40) }, { verify: true });

    const page = await anonymous().get('/activities');
    expect(page.statusCode).toBe(200);
    const body = page.body;
    expect(body).toContain(`<a href="/activities/${upcoming.id}">${upcoming.title}</a>`);
    for (const hidden of [internal, unverified, returned, past]) expect(body).not.toContain(hidden.title);
    const day = dayFrom(today, 10);
    expect(body).toContain(`<h2 id="day-${day}"><time datetime="${day}">`);
    expect(body).toContain(`<time datetime="${day}">${day}</time> 至 <time datetime="${dayFrom(today, 11)}">${dayFrom(today, 11)}</time>`);
    for (const fact of ['方城县科协', '方城县博望镇文化广场', '讲座/报告会', '全国科普日', '线下']) expect(body).toContain(`<dd>${fact}</dd>`);
    expect(body).toContain('<link rel="canonical" href="https://www.example.org/activities">');
    expect(body).toMatch(/<a href="\/activities" aria-current="page">活动日历<\/a>/);
    expect(body).not.toMatch(/<script|style=/);

    // Filters: by county and by type; another county's filter shows the empty state in Chinese.
    expect((await anonymous().get(`/activities?county=${fangchengId}&type=${lectureTypeId}`)).body).toContain(upcoming.title);
    const otherType = await anonymous().get(`/activities?type=${trainingTypeId}`);
    expect(otherType.body).not.toContain(upcoming.title);
    expect(otherType.body).toContain('没有符合筛选条件的活动，请换个条件试试。');
    // The county filter offers the orgs that have public activities; an unknown value is ignored, not an error.
    expect(body).toContain(`<option value="${fangchengId}">方城县科协</option>`);
    expect((await anonymous().get('/activities?county=nonsense&month=2026-13')).body).toContain(upcoming.title);
  });

  it('shows a month, past or coming, and moves between months', async () => {
    const past = await report({ title: '往期的科普志愿服务', startDate: '2025-06-10' }, { verify: true });
    const page = await anonymous().get('/activities?month=2025-06');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1 id="calendar-heading">2025年6月活动</h1>');
    expect(page.body).toContain(`<a href="/activities/${past.id}">${past.title}</a>`);
    expect(page.body).toContain('<a href="/activities?month=2025-05" rel="prev">‹ 2025年5月</a>');
    expect(page.body).toContain('<a href="/activities?month=2025-07" rel="next">2025年7月 ›</a>');
    expect(page.body).toContain('<link rel="canonical" href="https://www.example.org/activities?month=2025-06">');
    // Links keep the filters chosen.
    expect((await anonymous().get(`/activities?month=2025-06&county=${fangchengId}`)).body).toContain(`href="/activities?month=2025-07&amp;county=${fangchengId}"`);
    const empty = await anonymous().get('/activities?month=2025-07');
    expect(empty.body).toContain('2025年7月没有公开活动。');
    // December rolls into January.
    expect((await anonymous().get('/activities?month=2025-12')).body).toContain('href="/activities?month=2026-01" rel="next"');
  });

  it('shows one activity with its photos, canonical URL and Open Graph tags; 受益人次 only once it has ended', async () => {
    const jpeg = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#2d5f9a' } }).jpeg().toBuffer();
    const { payload, headers } = multipart('现场.jpg', jpeg);
    const photo = (await reporter.post('/api/v1/media', payload, headers)).json();
    const coming = await report({ title: '青少年无人机科普课堂', description: '现场体验无人机编程。\n欢迎家长陪同。', partners: ['方城县教育局', '方城县青少年宫'], series: '无人机机器人课堂', evidenceMediaIds: [photo.id] }, { verify: true });
    const page = await anonymous().get(`/activities/${coming.id}`);
    expect(page.statusCode).toBe(200);
    const body = page.body;
    expect(body).toContain('<h1 id="activity-title">青少年无人机科普课堂</h1>');
    expect(body).toContain(`<link rel="canonical" href="https://www.example.org/activities/${coming.id}">`);
    expect(body).toContain('<meta property="og:type" content="article">');
    expect(body).toContain('<meta property="og:description" content="现场体验无人机编程。">');
    expect(body).toMatch(/<meta property="og:image" content="https:\/\/www\.example\.org\/media\/images\//);
    expect(body).toContain('<dd>方城县教育局、方城县青少年宫</dd>');
    expect(body).toContain('<dd>无人机机器人课堂</dd>');
    expect(body).toContain('<p>欢迎家长陪同。</p>');
    expect(body).toMatch(/<picture>.*srcset="[^"]+ 480w/s);
    expect(body).toContain('<dd>即将开始</dd>');
    expect(body).not.toContain('受益人次');
    // The library keeps a photo an activity shows.
    const removal = await cityAdmin.request('DELETE', `/api/v1/media/${photo.id}`);
    expect(removal.statusCode).toBe(409);
    expect(removal.json().error).toMatchObject({ code: 'MEDIA_IN_USE' });
    expect(removal.json().error.message).toContain('科普活动：青少年无人机科普课堂');

    const ended = await report({ title: '已结束的科普报告会', startDate: dayFrom(today, -3), participants: 1234 }, { verify: true });
    const endedBody = (await anonymous().get(`/activities/${ended.id}`)).body;
    expect(endedBody).toContain('<dt>受益人次</dt><dd>1,234 人次</dd>');
    expect(endedBody).toContain('<dd>已结束</dd>');
  });

  it('answers the 404 page alike for an internal, an unverified and a missing activity', async () => {
    const internal = await report({ public: false }, { verify: true });
    const unverified = await report({});
    for (const id of [internal.id, unverified.id, '0190f0f0-0000-7000-8000-000000000000', 'not-an-id']) {
      const page = await anonymous().get(`/activities/${id}`);
      expect(page.statusCode, id).toBe(404);
      expect(page.body).toContain('页面不存在');
    }
  });

  it('drops cached pages at once when an activity is verified, made internal or deleted', async () => {
    const activity = await report({ title: '科技活动周科普展览（方城县）' });
    const calendar = () => anonymous().get('/activities');
    // Reported: not shown, and the page is now cached without it.
    expect((await calendar()).body).not.toContain(activity.title);
    expect((await anonymous().get('/')).body).not.toContain(activity.title);
    // Returned: still not shown; corrected and verified: shown at once, on the calendar, its page, the home page and the sitemap.
    await cityReviewer.post(`/api/v1/activities/${activity.id}/return`, { reason: '请补充合作单位' });
    expect((await calendar()).body).not.toContain(activity.title);
    const fields = { title: activity.title, typeId: lectureTypeId, startDate: dayFrom(today, 7), endDate: dayFrom(today, 7), orgId: fangchengId, participants: 300, public: true, partners: ['方城县科技馆'] };
    expect((await reporter.put(`/api/v1/activities/${activity.id}`, fields)).statusCode).toBe(200);
    await cityReviewer.post(`/api/v1/activities/${activity.id}/verify`);
    expect((await calendar()).body).toContain(activity.title);
    expect((await anonymous().get(`/activities/${activity.id}`)).statusCode).toBe(200);
    const home = (await anonymous().get('/')).body;
    expect(home).toContain('<h2 id="activities-heading">近期活动</h2>');
    expect(home).toContain(`<a href="/activities/${activity.id}">${activity.title}</a>`);
    const sitemap = (await anonymous().get('/sitemap.xml')).body;
    expect(sitemap).toContain('<loc>https://www.example.org/activities</loc>');
    expect(sitemap).toContain(`<loc>https://www.example.org/activities/${activity.id}</loc>`);

    // An administrator makes it internal: gone from every page at once.
    expect((await cityAdmin.put(`/api/v1/activities/${activity.id}`, { ...fields, public: false })).json()).toMatchObject({ status: 'verified', public: false });
    expect((await calendar()).body).not.toContain(activity.title);
    expect((await anonymous().get(`/activities/${activity.id}`)).statusCode).toBe(404);
    expect((await anonymous().get('/')).body).not.toContain(activity.title);
    expect((await anonymous().get('/sitemap.xml')).body).not.toContain(activity.id);

    // Public again, then deleted: gone again.
    await cityAdmin.put(`/api/v1/activities/${activity.id}`, fields);
    expect((await anonymous().get(`/activities/${activity.id}`)).statusCode).toBe(200);
    expect((await cityAdmin.request('DELETE', `/api/v1/activities/${activity.id}`)).statusCode).toBe(204);
    expect((await anonymous().get(`/activities/${activity.id}`)).statusCode).toBe(404);
    expect((await calendar()).body).not.toContain(activity.title);
  });

  it('notices within the poll interval a change another server process made', async () => {
    const activity = await report({ title: '另一进程修改的科普活动' }, { verify: true });
    expect((await anonymous().get('/activities')).body).toContain(activity.title);
    expect((await anonymous().get(`/activities/${activity.id}`)).statusCode).toBe(200);
    // Written straight to the database, as another process sharing it would: no in-process signal.
    await kexie.db.updateTable('activities').set({ is_public: 0, updated_at: new Date().toISOString() }).where('id', '=', activity.id).execute();
    expect((await anonymous().get('/activities')).body, 'still the cached page before the poll').toContain(activity.title);
    await expect.poll(async () => (await anonymous().get('/activities')).body, { timeout: 6000, interval: 250 }).not.toContain(activity.title);
    expect((await anonymous().get(`/activities/${activity.id}`)).statusCode).toBe(404);
  });

  it('gives other processes a new version when a record is created and deleted between two of their polls', async () => {
    // A page one of them rendered in between, with the record on it, must not outlive the record.
    const before = await publicActivitiesVersion(kexie.db);
    const activity = await report({ title: '两次轮询之间新建又删除的活动' }, { verify: true });
    expect((await cityAdmin.request('DELETE', `/api/v1/activities/${activity.id}`)).statusCode).toBe(204);
    expect(await publicActivitiesVersion(kexie.db)).not.toBe(before);
  });

  it('refuses evidence photos that are not images of the reporter’s own scope', async () => {
    const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#aa3333' } }).jpeg().toBuffer();
    const tangheEditor = await kexie.signIn(tangheId, ['editor']);
    const { payload, headers } = multipart('唐河.jpg', jpeg);
    const tanghePhoto = (await tangheEditor.post('/api/v1/media', payload, headers)).json();
    const pdf = multipart('方案.pdf', Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'));
    const attachment = (await cityAdmin.post('/api/v1/media', pdf.payload, pdf.headers)).json();
    for (const mediaId of [tanghePhoto.id, attachment.id, '0190f0f0-0000-7000-8000-000000000000']) {
      const refused = await reporter.post('/api/v1/activities', { title: `带照片的活动${mediaId}`, typeId: lectureTypeId, startDate: '2025-01-02', endDate: '2025-01-02', orgId: fangchengId, participants: 1, evidenceMediaIds: [mediaId] });
      expect(refused.statusCode, mediaId).toBe(400);
      expect(refused.json().error).toMatchObject({ code: 'ACTIVITY_EVIDENCE_UNUSABLE', details: [{ path: 'body.evidenceMediaIds.0' }] });
    }
  });
});

/** One file in a multipart/form-data body, as a browser uploads it. */
function multipart(fileName: string, bytes: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----kexieActivityPhoto';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
