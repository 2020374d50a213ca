import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../src/bootstrap.ts';
import type { OrgRow } from '../../src/modules/orgs/index.ts';
import { startTestKexie, type TestClient, type TestKexie } from '../helpers/test-app.ts';

/** The return's worksheet as { 指标名称: [本年, 上年] }, and its heading lines. */
async function readReturn(response: LightMyRequestResponse) {
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toContain('spreadsheetml');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows = new Map<string, { value: ExcelJS.CellValue; previous: ExcelJS.CellValue; source: ExcelJS.CellValue }>();
  sheet.eachRow((row, number) => {
    if (number > 5 && typeof row.getCell(2).value === 'number') {
      rows.set(String(row.getCell(3).value), { value: row.getCell(5).value, previous: row.getCell(6).value, source: row.getCell(7).value });
    }
  });
  return { title: sheet.getCell('A1').value, org: sheet.getCell('A2').value, rows };
}

/** The statistical return (科协统计年报) over the demo data, as staff download it. */
describe('GET /api/v1/reports/statistical-return.xlsx and the dashboard’s /stats/breakdown.xlsx', () => {
  let kexie: TestKexie;
  let admin: TestClient;
  let fangchengReporter: TestClient;
  let fangcheng: OrgRow;
  let tanghe: OrgRow;

  const returnOf = (client: TestClient, query: string) => client.get(`/api/v1/reports/statistical-return.xlsx?${query}`);
  const statsValue = async (client: TestClient, code: string, orgQuery = '') =>
    ((await client.get(`/api/v1/stats/values?year=2024&codes=${code}${orgQuery}`)).json() as { items: { value: number }[] }).items[0]!.value;

  beforeAll(async () => {
    kexie = await startTestKexie();
    await loadDemoData(kexie.db, kexie.config);
    admin = await kexie.signIn(kexie.root.id, ['admin']);
    fangcheng = await kexie.org('411322');
    tanghe = await kexie.org('411328');
    fangchengReporter = await kexie.signIn(fangcheng.id, ['reporter']);
  }, 180_000);
  afterAll(() => kexie.close());

  it('fills the city’s 2024 return from records: 2758 activities, 6 caravans, 270 trips, 208000 people reached', async () => {
    const statisticalReturn = await readReturn(await returnOf(admin, 'year=2024'));
    expect(statisticalReturn.title).toBe('2024年度南阳市科协统计年报');
    expect(statisticalReturn.org).toBe('填报单位：南阳市科协');
    expect(statisticalReturn.rows.get('科普活动 举办次数')?.value).toBe(2758);
    expect(statisticalReturn.rows.get('科普大篷车 辆数')?.value).toBe(6);
    expect(statisticalReturn.rows.get('科普大篷车 活动次数')?.value).toBe(270);
    expect(statisticalReturn.rows.get('科普大篷车 受益人次')?.value).toBe(208000);
    expect(statisticalReturn.rows.get('科技馆 开放个数')?.value).toBe(7);
    expect(statisticalReturn.rows.get('其中：新成立学会')?.value).toBe(4);
    expect(String(statisticalReturn.rows.get('科普大篷车 辆数')?.source)).toContain('caravans.vehicles');
  });

  it('agrees with the stats API on narrowed rows: lectures held, visits to the science museums', async () => {
    const statisticalReturn = await readReturn(await returnOf(admin, 'year=2024'));
    const lectures = statisticalReturn.rows.get('其中：科普讲座（报告会） 举办次数')!;
    const lecturesFromApi = ((await admin.get('/api/v1/stats/breakdown?year=2024&code=activities.count&dimension=type')).json() as { items: { label: string; value: number }[] }).items.find(
      (row) => row.label === '讲座/报告会',
    )!.value;
    expect(lectures.value).toBe(lecturesFromApi);
    expect(String(lectures.source)).toContain('（activities.count；类型 = 讲座/报告会）');
    expect(lecturesFromApi).toBeGreaterThan(0);

    const museumsFromApi = ((await admin.get('/api/v1/stats/breakdown?year=2024&code=venues.visits&dimension=kind')).json() as { items: { key: string; value: number }[] }).items.find(
      (row) => row.key === 'museum',
    )!.value;
    expect(statisticalReturn.rows.get('其中：实体科技馆 参观人次')?.value).toBe(museumsFromApi);
    expect(museumsFromApi).toBeLessThan(statisticalReturn.rows.get('科技馆体系场馆 参观人次')!.value as number);
  });

  it('says 暂无数据来源 for a row no module records yet, never 0', async () => {
    const statisticalReturn = await readReturn(await returnOf(admin, 'year=2024'));
    const informants = statisticalReturn.rows.get('科普中国信息员 注册人数')!;
    expect(informants.value).toBe('暂无数据来源（待科普志愿者模块）');
    expect(informants.previous).not.toBe(0);
    expect(statisticalReturn.rows.get('学会 个人会员')?.value).toBe('暂无数据来源（平台尚无对应模块）');
  });

  it('covers only 方城县 for a 方城县 user', async () => {
    const statisticalReturn = await readReturn(await returnOf(fangchengReporter, 'year=2024'));
    expect(statisticalReturn.title).toBe('2024年度方城县科协统计年报');
    const count = statisticalReturn.rows.get('科普活动 举办次数')!.value as number;
    expect(count).toBe(await statsValue(fangchengReporter, 'activities.count'));
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(2758);
    // Asking for 方城县 by id is the same return.
    expect((await readReturn(await returnOf(fangchengReporter, `year=2024&orgId=${fangcheng.id}`))).rows.get('科普活动 举办次数')!.value).toBe(count);
  });

  it('answers 404 for 唐河县 to a 方城县 user, as for an org that does not exist', async () => {
    for (const orgId of [tanghe.id, 'no-such-org']) {
      const response = await returnOf(fangchengReporter, `year=2024&orgId=${orgId}`);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('ORG_NOT_FOUND');
    }
  });

  it('writes the dashboard’s breakdown workbook row for row as GET /stats/breakdown answers, within the user’s scope', async () => {
    const query = 'year=2024&code=activities.count&dimension=county';
    const breakdown = (await admin.get(`/api/v1/stats/breakdown?${query}`)).json() as { indicator: { label: string; unit: string }; items: { label: string; value: number; previous: number }[] };
    const response = await admin.get(`/api/v1/stats/breakdown.xlsx?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toContain(encodeURIComponent(`2024年南阳市科协${breakdown.indicator.label}按县区.xlsx`));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe(`2024年南阳市科协${breakdown.indicator.label}（${breakdown.indicator.unit}）按县区`);
    expect(sheet.getRow(2).values).toEqual([undefined, '排名', '县区', '2024 年', '2023 年', '同比']);
    const rows: unknown[][] = [];
    sheet.eachRow((row, number) => number > 2 && rows.push((row.values as unknown[]).slice(1, 5)));
    expect(rows).toEqual(breakdown.items.map((item, index) => [index + 1, item.label, item.value, item.previous]));

    expect((await fangchengReporter.get(`/api/v1/stats/breakdown.xlsx?${query}&orgId=${tanghe.id}`)).statusCode).toBe(404);
    const unknown = await admin.get('/api/v1/stats/breakdown.xlsx?year=2024&code=no.such&dimension=county');
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([400, 'STATS_UNKNOWN_INDICATOR']);
  });

  it('refuses a year that is not a year, and anyone not signed in', async () => {
    const badYear = await returnOf(admin, 'year=24x');
    expect(badYear.statusCode).toBe(400);
    expect(badYear.json().error.details[0].path).toContain('year');
    expect((await returnOf(kexie.client(), 'year=2024')).statusCode).toBe(401);
  });
});
