import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildVenue } from '../factories/venues.ts';
import { excelImportAt, locatedErrors, readWorkbook, workbookOf } from '../helpers/excel-import.ts';
import { startTestKexie, type TestClient, type TestKexie } from '../helpers/test-app.ts';

const visitHeader = ['场馆', '日期', '统计方式', '散客人次', '团体人次', '团体数', '备注'];
const tripHeader = ['车辆', '日期', '目的地', '目的地类型', '所在县区', '行驶里程', '活动次数', '服务人次', '备注'];

describe('Excel imports of visit figures and caravan trips', () => {
  let kexie: TestKexie;
  let reporter: TestClient;
  let venueName: string;
  let venueId: string;

  const visitImport = excelImportAt('/api/v1/venues/excel/visits/import');
  const tripImport = excelImportAt('/api/v1/caravans/excel/trips/import');
  const visitCount = async () => (await reporter.get(`/api/v1/venues/${venueId}/visits?pageSize=200`)).json().total as number;

  beforeAll(async () => {
    kexie = await startTestKexie();
    const fangcheng = await kexie.org('411322');
    reporter = await kexie.signIn(fangcheng.id, ['reporter']);
    const venue = await buildVenue(kexie.db, { ownerOrgId: fangcheng.id, openedOn: '2022-09-16' });
    [venueName, venueId] = [venue.name, venue.id];
    await buildVenue(kexie.db, { ownerOrgId: (await kexie.org('411328')).id, name: '唐河县科技馆（导入测试）' });
  });
  afterAll(() => kexie.close());

  it('offers a template with the visit columns', async () => {
    const response = await reporter.get('/api/v1/venues/excel/visits/template');
    expect(response.statusCode).toBe(200);
    const { rows } = await readWorkbook(response.rawPayload, '参观人数');
    expect(rows[0]).toEqual(visitHeader);
  });

  it('reports each bad row by row, column and reason, and imports nothing while any row is bad', async () => {
    const bytes = await workbookOf('参观人数', visitHeader, [
      [venueName, '2024-03-02', '日', 800, 90, 2, '学雷锋日'],
      ['唐河县科技馆（导入测试）', '2024-03-02', '日', 100, null, null, null],
      [venueName, '2024-03-15', '月', 9000, null, null, null],
      [venueName, '2024-03-02', null, 10, null, null, null],
      [venueName, '2024-03-03', '日', 500, 100, 0, null],
      [venueName, '2024-03-04', '日', -1, null, null, null],
    ]);
    const report = await visitImport.dryRun(reporter, bytes);
    expect(report).toMatchObject({ total: 6, valid: 1, invalid: 5 });
    expect(locatedErrors(report.errors)).toEqual([
      { row: 3, column: '场馆', message: '没有名为“唐河县科技馆（导入测试）”的场馆，或不在您的管理范围内' },
      { row: 4, column: '日期', message: '按月填报时，日期须为该月 1 日（2024-03-15 不是）' },
      { row: 4, column: '日期', message: '与第 2 行重复：同一场馆同一天（或同一月）的参观人数' },
      { row: 5, column: '日期', message: '与第 2 行重复：同一场馆同一天（或同一月）的参观人数' },
      { row: 6, column: '团体数', message: '填写了团体人次，请填写团体数' },
      { row: 7, column: '散客人次', message: expect.any(String) },
    ]);
    const job = await visitImport.importFile(reporter, bytes);
    expect(job).toMatchObject({ status: 'failed', imported: 0 });
    expect(await visitCount()).toBe(0);
  });

  it('imports the valid rows with skipInvalid, and refuses the same file again as already recorded', async () => {
    const bytes = await workbookOf('参观人数', visitHeader, [
      [venueName, '2024-04-02', '日', 800, 90, 2, null],
      [venueName, '2024-05-01', '月', 21000, 600, 12, null],
      [venueName, '2024-05-09', '日', 300, null, null, null],
    ]);
    const job = await visitImport.importFile(reporter, bytes, 'skipInvalid=true');
    expect(job).toMatchObject({ status: 'succeeded', imported: 2, skipped: 1 });
    expect(locatedErrors(job.errors)).toEqual([{ row: 4, column: '日期', message: '与第 3 行重复：同一场馆同一天（或同一月）的参观人数' }]);
    const items = (await reporter.get(`/api/v1/venues/${venueId}/visits`)).json().items;
    expect(items.map((v: { visitors: number; source: string }) => [v.visitors, v.source])).toEqual([
      [21600, 'import'],
      [890, 'import'],
    ]);
    const again = await visitImport.dryRun(reporter, bytes);
    expect(again.valid).toBe(0);
    expect(again.errors[0]!.message).toBe(`${venueName} 2024-04-02 的参观人数已录入（890 人次），不能重复录入；如需更正，请修改原记录`);
  });

  it('imports a caravan’s trips and names the row of a repeated trip and of an unknown county', async () => {
    const caravan = (await reporter.post('/api/v1/caravans', { name: '豫R·F9999', ownerOrgId: (await kexie.org('411322')).id })).json();
    const bytes = await workbookOf('出车记录', tripHeader, [
      ['豫R·F9999', '2024-04-18', '方城县第一初级中学', '学校', '方城县', 86, 1, 760, null],
      ['豫R·F9999', '2024-04-19', '方城县人民广场', '其他地点', '411322', 40, null, 1200, null],
      ['豫R·F9999', '2024-04-18', '方城县 第一初级中学', '学校', '方城县科协', 86, 1, 760, null],
      ['豫R·F9999', '2024-04-20', '某中学', '学校', '火星县', 10, 1, 10, null],
      ['豫R·X0000', '2024-04-20', '某中学', '学校', '方城县', 10, 1, 10, null],
    ]);
    const report = await tripImport.dryRun(reporter, bytes);
    expect(locatedErrors(report.errors)).toEqual([
      { row: 4, column: '目的地', message: '与第 2 行重复：同一辆车同一天到同一目的地' },
      { row: 5, column: '所在县区', message: '没有名为“火星县”的县区' },
      { row: 6, column: '车辆', message: '没有车牌号或名称为“豫R·X0000”的科普大篷车，或不在您的管理范围内' },
    ]);
    const job = await tripImport.importFile(reporter, bytes, 'skipInvalid=true');
    expect(job).toMatchObject({ status: 'succeeded', imported: 2, skipped: 3 });
    const trips = (await reporter.get(`/api/v1/caravans/${caravan.id}/trips`)).json();
    expect(trips.items.map((t: { destination: string; activities: number }) => [t.destination, t.activities])).toEqual([
      ['方城县人民广场', 1],
      ['方城县第一初级中学', 1],
    ]);
  });
});
