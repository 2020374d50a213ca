import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { excelImportAt, locatedErrors, readWorkbook, workbookOf } from '../helpers/excel-import.ts';
import { startTestKexie, type TestClient, type TestKexie } from '../helpers/test-app.ts';

const activityHeader = ['活动名称', '活动类型', '主题活动', '开始日期', '结束日期', '所属县区', '活动地点', '主办单位', '合作单位', '受益人次', '形式', '数量', '备注'];

type Cells = (string | number | Date | null)[];

/** A workbook as someone fills in the activity template: the header row, then the given rows. */
const activityWorkbook = (rows: Cells[]) => workbookOf('科普活动', activityHeader, rows);

const { upload, dryRun, importFile } = excelImportAt('/api/v1/activities/excel/import');

/** What a person compares after a round trip: every field the format carries, not ids or timestamps. */
const recordFields = (a: Record<string, unknown>) => ({
  title: a.title, typeName: a.typeName, campaignName: a.campaignName, startDate: a.startDate, endDate: a.endDate, orgName: a.orgName,
  venue: a.venue, organiser: a.organiser, partners: a.partners, participants: a.participants, mode: a.mode, quantity: a.quantity, description: a.description,
});

async function allActivities(client: TestClient, query = 'year=2024'): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for (let page = 1; ; page++) {
    const response = (await client.get(`/api/v1/activities?${query}&page=${page}&pageSize=200`)).json();
    items.push(...response.items);
    if (items.length >= response.total) return items;
  }
}

const counties = ['方城县', '唐河县科协', '411325', '邓州市', '南阳市科协', '市直', '淅川县'];
const types = ['讲座/报告会', '展览/展板', '竞赛', '培训', '科普电影放映', '科技咨询'];
const campaigns = ['全国科普日', '科技活动周', '', ''];

/** 500 distinct activities of 2024 across counties, types and campaigns, as text cells (a CSV has no other kind). */
function sampleRows(count: number): string[][] {
  return Array.from({ length: count }, (_, i) => {
    const month = 1 + (i % 12);
    const day = 1 + (i % 28);
    const iso = `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return [
      `科普进万家第${i + 1}场`,
      types[i % types.length]!,
      campaigns[i % campaigns.length]!,
      // Both ways people write dates in a sheet.
      i % 5 === 0 ? `2024年${month}月${day}日` : iso,
      i % 3 === 0 ? '' : iso,
      counties[i % counties.length]!,
      `社区活动中心${i % 9}`,
      '县科协',
      i % 4 === 0 ? '县教育局、县第一中学；县农业农村局' : '',
      String(50 + i),
      i % 6 === 0 ? '线上' : '线下',
      i % 2 === 0 ? String(1 + (i % 4)) : '',
      i % 7 === 0 ? '含“双引号”与,逗号的备注' : '',
    ];
  });
}

const csvField = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

function findSoffice(): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Has LibreOffice turn a UTF-8 CSV into .xlsx, as someone exporting from another system would. */
function xlsxFromCsvByLibreOffice(soffice: string, dir: string, name: string, rows: string[][]): Buffer {
  const csvPath = path.join(dir, `${name}.csv`);
  fs.writeFileSync(csvPath, [activityHeader, ...rows].map((row) => row.map(csvField).join(',')).join('\n'));
  execFileSync(
    soffice,
    [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--infilter=CSV:44,34,76,1', '--convert-to', 'xlsx', '--outdir', dir, csvPath],
    { stdio: 'pipe', timeout: 120_000 },
  );
  return fs.readFileSync(path.join(dir, `${name}.xlsx`));
}

const soffice = findSoffice();
if (!soffice && !process.env.CI) console.warn('activity-excel: soffice not found, skipping the LibreOffice round trip (apt-get install libreoffice-calc)');

describe('activities in Excel: template, import and export', () => {
  let kexie: TestKexie;
  let admin: TestClient;
  let fangchengReporter: TestClient;

  beforeAll(async () => {
    kexie = await startTestKexie();
    admin = await kexie.signIn(kexie.root.id, ['admin']);
    fangchengReporter = await kexie.signIn((await kexie.org('411322')).id, ['reporter']);
  });
  afterAll(() => kexie.close());

  it('downloads a template with exactly the header row 活动名称 … 备注 and an instructions sheet', async () => {
    const response = await admin.get('/api/v1/activities/excel/template');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain(encodeURIComponent('科普活动导入模板.xlsx'));
    const { names, rows } = await readWorkbook(response.rawPayload);
    expect(names).toEqual(['科普活动', '填写说明']);
    expect(rows).toEqual([activityHeader]);
  });

  it.runIf(soffice || process.env.CI)(
    'imports 500 rows from a LibreOffice file made from CSV, and refuses the same file with five planted errors, naming exactly those rows',
    { timeout: 180_000 },
    async () => {
      if (!soffice) throw new Error('soffice (LibreOffice) is required under CI for the round trip: apt-get install libreoffice-calc');
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kexie-activity-csv-'));
      try {
        const good = sampleRows(500);
        const bad = good.map((row) => [...row]);
        bad[10]![5] = '火星县'; // row 12: unknown county
        bad[20]![1] = '魔术表演'; // row 22: unknown type
        bad[30]![3] = '2024-07-20';
        bad[30]![4] = '2024-07-10'; // row 32: reversed dates
        bad[40]![9] = '-5'; // row 42: negative 受益人次
        bad[50]![0] = ''; // row 52: no 活动名称
        const [goodFile, badFile] = [xlsxFromCsvByLibreOffice(soffice, dir, 'good', good), xlsxFromCsvByLibreOffice(soffice, dir, 'bad', bad)];

        const refused = await importFile(admin, badFile);
        expect(refused.failure?.code).toBe('IMPORT_HAS_INVALID_ROWS');
        expect(refused.imported).toBe(0);
        expect(locatedErrors(refused.errors)).toEqual([
          { row: 12, column: '所属县区', message: '“火星县”不存在或不在您的管理范围内' },
          { row: 22, column: '活动类型', message: '没有名为“魔术表演”的在用活动类型' },
          { row: 32, column: '结束日期', message: '结束日期 2024-07-10 早于开始日期 2024-07-20' },
          { row: 42, column: '受益人次', message: '不能为负数（填的是 -5）' },
          { row: 52, column: '活动名称', message: '必填，不能为空' },
        ]);
        expect((await admin.get('/api/v1/activities?year=2024')).json().total).toBe(0);

        const job = await importFile(admin, goodFile);
        expect(job).toMatchObject({ status: 'succeeded', imported: 500, skipped: 0, errors: [] });
        const imported = await allActivities(admin);
        expect(imported).toHaveLength(500);
        const first = imported.find((a) => a.title === '科普进万家第1场')!;
        expect(recordFields(first)).toEqual({
          title: '科普进万家第1场', typeName: '讲座/报告会', campaignName: '全国科普日', startDate: '2024-01-01', endDate: '2024-01-01', orgName: '方城县科协',
          venue: '社区活动中心0', organiser: '县科协', partners: ['县教育局', '县第一中学', '县农业农村局'], participants: 50, mode: 'online', quantity: 1,
          description: '含“双引号”与,逗号的备注',
        });
        expect(imported.every((a) => a.status === 'reported')).toBe(true);
        expect(new Set(imported.map((a) => a.orgName))).toEqual(new Set(['方城县科协', '唐河县科协', '内乡县科协', '邓州市科协', '南阳市科协', '淅川县科协']));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it('exports a filtered list in the import format, and the file imports into an empty database as the same records', async () => {
    const rows: Cells[] = sampleRows(40).map((row, i) => row.map((cell, c) => (c === 9 || c === 11 ? (cell === '' ? null : Number(cell)) : cell === '' ? null : cell)).map((cell, c) => (c === 0 ? `往返${i + 1}` : cell)));
    const job = await importFile(admin, await activityWorkbook(rows));
    expect(job.imported, JSON.stringify(job.errors)).toBe(40);

    const response = await admin.get('/api/v1/activities/excel/export?year=2024&q=往返');
    expect(response.statusCode).toBe(200);
    const { rows: exported } = await readWorkbook(response.rawPayload);
    expect(exported[0]).toEqual(activityHeader);
    expect(exported).toHaveLength(41);

    const elsewhere = await startTestKexie();
    try {
      const otherAdmin = await elsewhere.signIn(elsewhere.root.id, ['admin']);
      const again = await importFile(otherAdmin, response.rawPayload);
      expect(again, JSON.stringify(again.errors)).toMatchObject({ status: 'succeeded', imported: 40 });
      const byTitle = (list: Record<string, unknown>[]) => list.map(recordFields).sort((a, b) => String(a.title).localeCompare(String(b.title)));
      expect(byTitle(await allActivities(otherAdmin, 'year=2024&q=往返'))).toEqual(byTitle(await allActivities(admin, 'year=2024&q=往返')));
    } finally {
      await elsewhere.close();
    }
  });

  it('takes a county by name, full name or code, and refuses a county outside the reporter’s scope', async () => {
    const row = (title: string, county: string): Cells => [title, '竞赛', null, '2024-03-08', null, county, null, null, null, 30, null, null, null];
    const report = await dryRun(fangchengReporter, await activityWorkbook([row('县名', '方城县'), row('全称', '方城县科协'), row('代码', '411322'), row('别县', '唐河县'), row('市本级', '市直')]));
    expect(report).toMatchObject({ total: 5, valid: 3, invalid: 2 });
    expect(locatedErrors(report.errors)).toEqual([
      { row: 5, column: '所属县区', message: '“唐河县”不存在或不在您的管理范围内' },
      { row: 6, column: '所属县区', message: '“市直”不存在或不在您的管理范围内' },
    ]);
  });

  it('reports a duplicate of an existing record and of an earlier row, and with skipInvalid imports the rest', async () => {
    const row = (title: string, date: string, campaign: string | null = null): Cells => [title, '培训', campaign, date, null, '方城县', null, null, null, 12, '线下', 1, null];
    expect((await importFile(fangchengReporter, await activityWorkbook([row('农技培训班', '2024-05-06')]))).imported).toBe(1);

    const file = await activityWorkbook([row('农技培训班', '2024-05-06'), row('果树修剪培训', '2024-05-07'), row('果树修剪培训', '2024-05-07'), row('植保培训', '2024-05-08', '不存在的主题'), row('养殖培训', '2024-05-09')]);
    const refused = await importFile(fangchengReporter, file);
    expect(refused.imported).toBe(0);
    expect(locatedErrors(refused.errors)).toEqual([
      { row: 2, column: '活动名称', message: '方城县科协在 2024-05-06 已有同名活动“农技培训班”' },
      { row: 4, column: '活动名称', message: '与第 3 行重复：同一县区同一天的同名活动' },
      { row: 5, column: '主题活动', message: '没有名为“不存在的主题”的在用主题活动' },
    ]);

    const partial = await importFile(fangchengReporter, file, 'skipInvalid=true');
    expect(partial).toMatchObject({ status: 'succeeded', imported: 2, skipped: 3 });
    expect(partial.errors.map((e) => e.row)).toEqual([2, 4, 5]);
    const titles = (await allActivities(fangchengReporter, 'year=2024&q=培训')).map((a) => a.title).sort();
    expect(titles).toEqual(['农技培训班', '果树修剪培训', '养殖培训'].sort());
  });

  it('refuses an import by someone who may not record activities', async () => {
    const viewer = await kexie.signIn(kexie.root.id, ['viewer']);
    const response = await upload(viewer, await activityWorkbook([['讲座', '竞赛', null, '2024-03-08', null, '方城县', null, null, null, 1, null, null, null]]), 'dryRun=true');
    expect(response.statusCode).toBe(403);
  });
});
