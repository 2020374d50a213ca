import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Org } from '../../src/modules/orgs/index.ts';
import { buildOrg } from '../factories/index.ts';
import { excelImportAt, locatedErrors, readWorkbook, workbookOf, xlsxContentType } from '../helpers/excel-import.ts';
import { startTestKexie, type TestClient, type TestKexie } from '../helpers/test-app.ts';

const orgHeader = ['名称', '简称', '类型', '上级组织', '行政区划代码', '成立日期'];

/** A workbook as someone fills in the org template: the header row, then the given rows. */
const orgWorkbook = (rows: ExcelJS.CellValue[][], header: ExcelJS.CellValue[] = orgHeader) => workbookOf('组织', header, rows);

const { upload, dryRun, importFile } = excelImportAt('/api/v1/orgs/excel/import');

describe('organisations in Excel: template, import and export', () => {
  let kexie: TestKexie;
  let admin: TestClient & { userId: string };

  beforeAll(async () => {
    kexie = await startTestKexie();
    admin = await kexie.signIn(kexie.root.id, ['admin']);
  });
  afterAll(() => kexie.close());

  /** The orgs directly under a parent, as the list endpoint shows them. */
  async function childrenOf(parentId: string): Promise<Org[]> {
    return (await admin.get(`/api/v1/orgs?parentId=${parentId}&pageSize=200&sort=name`)).json().items;
  }

  it('downloads a template with exactly the header row 名称 简称 类型 上级组织 行政区划代码 成立日期 and an instructions sheet', async () => {
    const response = await admin.get('/api/v1/orgs/excel/template');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(xlsxContentType);
    expect(response.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('组织导入模板.xlsx')}`);
    const { names, rows } = await readWorkbook(response.rawPayload);
    expect(names).toEqual(['组织', '填写说明']);
    expect(rows).toEqual([orgHeader]);
  });

  it('imports every row of a valid file through the service, with one audit entry each, children after parents listed below them', async () => {
    const parent = await buildOrg(kexie.db, { parentId: kexie.root.id });
    const bytes = await orgWorkbook([
      ['导入学会甲服务站', null, '学会服务站', '导入学会甲', null, '2024-10-01'],
      ['导入学会甲', '学会甲', '学会', parent.name, null, '2024-09-20'],
      ['导入学会乙', null, '学会', parent.name, '411399000001', null],
    ]);
    const report = await dryRun(admin, bytes);
    expect(report).toMatchObject({ total: 3, valid: 3, invalid: 0, errorCount: 0, errors: [], columns: orgHeader });
    expect(report.preview[0]).toEqual({ row: 2, cells: ['导入学会甲服务站', '', '学会服务站', '导入学会甲', '', '2024-10-01'], valid: true });
    expect(await childrenOf(parent.id)).toEqual([]);

    const job = await importFile(admin, bytes);
    expect(job).toMatchObject({ status: 'succeeded', phase: 'done', imported: 3, skipped: 0, processed: 3, total: 3, errors: [], failure: null });
    const children = await childrenOf(parent.id);
    expect(children.map((o) => [o.name, o.shortName, o.type, o.adminCode, o.foundedOn])).toEqual([
      ['导入学会乙', null, 'society', '411399000001', null],
      ['导入学会甲', '学会甲', 'society', null, '2024-09-20'],
    ]);
    const station = await childrenOf(children[1]!.id);
    expect(station.map((o) => [o.name, o.type, o.foundedOn])).toEqual([['导入学会甲服务站', 'service_station', '2024-10-01']]);

    const audit = await kexie.db.selectFrom('audit_log').selectAll().where('entity', '=', 'org').where('entity_id', 'in', [...children, ...station].map((o) => o.id)).execute();
    expect(audit.map((entry) => [entry.action, entry.actor_user_id])).toEqual(Array(3).fill(['create', admin.userId]));
    // One import, one request: the audit entries share the request that confirmed it.
    expect(new Set(audit.map((entry) => entry.request_id)).size).toBe(1);
  });

  it('reports unknown type, unknown parent, bad date, missing name and duplicate name by row, column and reason, and imports nothing', async () => {
    const parent = await buildOrg(kexie.db, { parentId: kexie.root.id });
    await buildOrg(kexie.db, { parentId: parent.id, name: '已有学会' });
    const bytes = await orgWorkbook([
      ['好学会', null, '学会', parent.name, null, '2024-09-20'],
      ['坏类型学会', null, '协会', parent.name, null, null],
      ['孤儿学会', null, '学会', '不存在的科协', null, null],
      ['坏日期学会', null, '学会', parent.name, null, '2024-02-30'],
      [null, '无名', '学会', parent.name, null, null],
      ['已有学会', null, '学会', parent.name, null, null],
      ['好学会', null, '学会', parent.name, null, null],
    ]);
    const report = await dryRun(admin, bytes);
    expect(report).toMatchObject({ total: 7, valid: 1, invalid: 6, errorCount: 6 });
    expect(locatedErrors(report.errors)).toEqual([
      { row: 3, column: '类型', message: '“协会”不是可选的值，可选：市科协、县区科协、学会、企业科协、学会服务站、高校科协、其他' },
      { row: 4, column: '上级组织', message: '上级组织“不存在的科协”不存在或不在您的管理范围内' },
      { row: 5, column: '成立日期', message: '日期“2024-02-30”不存在' },
      { row: 6, column: '名称', message: '必填，不能为空' },
      { row: 7, column: '名称', message: '同一上级组织下已有名为“已有学会”的组织' },
      { row: 8, column: '名称', message: '与第 2 行重复：同一上级组织下不能有两个“好学会”' },
    ]);
    expect(report.preview.map((row) => row.valid)).toEqual([true, false, false, false, false, false, false]);

    const job = await importFile(admin, bytes);
    expect(job.status).toBe('failed');
    expect(job.failure).toEqual({ code: 'IMPORT_HAS_INVALID_ROWS', message: '有 6 行未通过校验，未导入任何数据。请修改后重新上传，或选择只导入校验通过的行' });
    expect(job.errors).toHaveLength(6);
    expect(job.imported).toBe(0);
    expect((await childrenOf(parent.id)).map((o) => o.name)).toEqual(['已有学会']);
  });

  it('with skipInvalid imports the valid rows, and the rows under a refused row, and reports the rest', async () => {
    const parent = await buildOrg(kexie.db, { parentId: kexie.root.id });
    const bytes = await orgWorkbook([
      ['跳过测试甲', null, '学会', parent.name, null, null],
      ['跳过测试乙', null, '俱乐部', parent.name, null, null],
      ['跳过测试乙分会', null, '学会', '跳过测试乙', null, null],
      ['跳过测试丙', null, '学会', parent.name, null, '2024/9/20'],
    ]);
    const job = await importFile(admin, bytes, 'skipInvalid=true');
    expect(job).toMatchObject({ status: 'succeeded', imported: 2, skipped: 2, failure: null });
    expect(locatedErrors(job.errors)).toEqual([
      { row: 3, column: '类型', message: '“俱乐部”不是可选的值，可选：市科协、县区科协、学会、企业科协、学会服务站、高校科协、其他' },
      { row: 4, column: '上级组织', message: '上级组织“跳过测试乙”（第 3 行）未能导入' },
    ]);
    expect((await childrenOf(parent.id)).map((o) => o.name)).toEqual(['跳过测试丙', '跳过测试甲']);
  });

  it('reports a parent that is ambiguous in the tree or in the file, disabled, or part of a circle of rows', async () => {
    const tag = Date.now().toString(36);
    const first = await buildOrg(kexie.db, { parentId: kexie.root.id });
    const second = await buildOrg(kexie.db, { parentId: kexie.root.id });
    await buildOrg(kexie.db, { parentId: first.id, name: `同名学会${tag}` });
    await buildOrg(kexie.db, { parentId: second.id, name: `同名学会${tag}` });
    const disabled = await buildOrg(kexie.db, { parentId: kexie.root.id });
    expect((await admin.patch(`/api/v1/orgs/${disabled.id}`, { status: 'disabled' })).statusCode).toBe(200);
    const report = await dryRun(admin, await orgWorkbook([
      [`甲${tag}`, null, '学会', `同名学会${tag}`, null, null],
      [`乙${tag}`, null, '学会', disabled.name, null, null],
      [`圈一${tag}`, null, '学会', `圈二${tag}`, null, null],
      [`圈二${tag}`, null, '学会', `圈一${tag}`, null, null],
      [`重名${tag}`, null, '学会', first.name, null, null],
      [`重名${tag}`, null, '学会', second.name, null, null],
      [`丁${tag}`, null, '学会', `重名${tag}`, null, null],
    ]));
    expect(locatedErrors(report.errors)).toEqual([
      { row: 2, column: '上级组织', message: `有 2 个组织名为“同名学会${tag}”，请改填它的行政区划代码` },
      { row: 3, column: '上级组织', message: `上级组织“${disabled.name}”已停用` },
      { row: 4, column: '上级组织', message: '上级组织的引用绕成了一个圈（第 4、5 行），请检查这几行的上级组织' },
      { row: 5, column: '上级组织', message: '上级组织的引用绕成了一个圈（第 4、5 行），请检查这几行的上级组织' },
      { row: 8, column: '上级组织', message: `本表第 6、7 行都名为“重名${tag}”，无法确定上级组织是哪一行` },
    ]);
    expect(report).toMatchObject({ total: 7, valid: 2, invalid: 5 });
  });

  it('reads founding dates written as 2024-09-20, 2024/9/20 and 2024年9月20日, as Excel date cells and as Excel day numbers', async () => {
    const parent = await buildOrg(kexie.db, { parentId: kexie.root.id });
    const bytes = await orgWorkbook([
      ['日期一', null, '学会', parent.name, null, '2024-09-20'],
      ['日期二', null, '学会', parent.name, null, '2024/9/21'],
      ['日期三', null, '学会', parent.name, null, '2024年9月22日'],
      ['日期四', null, '学会', parent.name, null, new Date(Date.UTC(2024, 8, 23))],
      ['日期五', null, '学会', parent.name, null, 45559],
    ]);
    const job = await importFile(admin, bytes);
    expect(job.status, JSON.stringify(job.errors)).toBe('succeeded');
    const founded = Object.fromEntries((await childrenOf(parent.id)).map((o) => [o.name, o.foundedOn]));
    expect(founded).toEqual({ 日期一: '2024-09-20', 日期二: '2024-09-21', 日期三: '2024-09-22', 日期四: '2024-09-23', 日期五: '2024-09-24' });
  });

  it('exports a filtered list in the import format, and the file imports into another kexie as the same orgs', async () => {
    const sheqi = await kexie.org('411327');
    const society = await buildOrg(kexie.db, { parentId: sheqi.id, name: '社旗县往返学会', foundedOn: '2020-05-04' });
    await admin.patch(`/api/v1/orgs/${society.id}`, { shortName: '往返学会' });
    await buildOrg(kexie.db, { parentId: society.id, name: '往返学会服务站', type: 'service_station', foundedOn: '2021-01-02' });
    await buildOrg(kexie.db, { parentId: society.id, name: '往返学会青年分会', type: 'other' });

    const exported = await admin.get(`/api/v1/orgs/excel/export?under=${society.id}&sort=name&order=desc`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toBe(xlsxContentType);
    const { rows } = await readWorkbook(exported.rawPayload);
    expect(rows[0]).toEqual(orgHeader);
    // The list's order, children before their parent; the parent column names each parent.
    expect(rows.slice(1).map((row) => [row[0], row[2], row[3]])).toEqual([
      ['社旗县往返学会', '学会', '社旗县科协'],
      ['往返学会青年分会', '其他', '社旗县往返学会'],
      ['往返学会服务站', '学会服务站', '社旗县往返学会'],
    ]);

    const other = await startTestKexie();
    try {
      const otherAdmin = await other.signIn(other.root.id, ['admin']);
      const job = await importFile(otherAdmin, exported.rawPayload);
      expect(job.status, JSON.stringify(job)).toBe('succeeded');
      const otherSheqi = await other.org('411327');
      const summary = async (client: TestClient, underId: string) =>
        (await client.get(`/api/v1/orgs?under=${underId}&type=society&pageSize=200`)).json().items.map((o: Org) => [o.name, o.shortName, o.type, o.foundedOn]);
      expect(await summary(otherAdmin, otherSheqi.id)).toEqual(await summary(admin, sheqi.id).then((items) => items.filter((i: unknown[]) => i[0] === '社旗县往返学会')));
      const reExported = await otherAdmin.get(`/api/v1/orgs/excel/export?q=往返&sort=name&order=desc`);
      expect((await readWorkbook(reExported.rawPayload)).rows).toEqual(rows);
    } finally {
      await other.close();
    }
  });

  it('keeps a county admin to their county: no import under another county, exports of their subtree only', async () => {
    const fangcheng = await kexie.org('411322');
    const sheqi = await kexie.org('411327');
    await buildOrg(kexie.db, { parentId: fangcheng.id, name: '方城县导出学会' });
    const countyAdmin = await kexie.signIn(fangcheng.id, ['admin']);

    const outside = await dryRun(countyAdmin, await orgWorkbook([
      ['越界学会', null, '学会', '社旗县科协', null, null],
      ['越界学会二', null, '学会', '411327', null, null],
      ['本县学会', null, '学会', '方城县科协', null, null],
    ]));
    expect(locatedErrors(outside.errors)).toEqual([
      { row: 2, column: '上级组织', message: '上级组织“社旗县科协”不存在或不在您的管理范围内' },
      { row: 3, column: '上级组织', message: '上级组织“411327”不存在或不在您的管理范围内' },
    ]);
    const job = await importFile(countyAdmin, await orgWorkbook([['越界学会', null, '学会', '社旗县科协', null, null]]), 'skipInvalid=true');
    expect(job).toMatchObject({ status: 'succeeded', imported: 0, skipped: 1 });
    expect((await childrenOf(sheqi.id)).map((o) => o.name)).not.toContain('越界学会');

    const exportAll = await countyAdmin.get('/api/v1/orgs/excel/export');
    const everything = (await readWorkbook(exportAll.rawPayload)).rows.slice(1).map((row) => row[0]);
    expect(everything.sort()).toEqual(['方城县导出学会', '方城县科协']);
    const otherCounty = await countyAdmin.get(`/api/v1/orgs/excel/export?under=${sheqi.id}`);
    expect((await readWorkbook(otherCounty.rawPayload)).rows).toEqual([orgHeader]);
  });

  it('lets only admins import, and shows a job only to the user who started it', async () => {
    const reporter = await kexie.signIn(kexie.root.id, ['reporter']);
    const bytes = await orgWorkbook([['权限测试学会', null, '学会', '南阳市科协', null, null]]);
    const refused = await upload(reporter, bytes, 'dryRun=true');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');
    expect((await reporter.get('/api/v1/orgs/excel/template')).statusCode).toBe(200);

    const started = await upload(admin, bytes);
    const otherAdmin = await kexie.signIn(kexie.root.id, ['admin']);
    const peek = await otherAdmin.get(`/api/v1/imports/${started.json().id}`);
    expect(peek.statusCode).toBe(404);
    expect(peek.json().error.code).toBe('IMPORT_JOB_NOT_FOUND');
    await importFile(admin, await orgWorkbook([['权限测试学会二', null, '学会', '南阳市科协', null, null]]));
  });

  it('refuses a file whose header does not match, naming each column, and a body that is not a workbook', async () => {
    const header = await upload(admin, await orgWorkbook([['甲', '学会']], ['名称 ', '组织类型']), 'dryRun=true');
    expect(header.statusCode).toBe(400);
    expect(header.json().error).toMatchObject({ code: 'EXCEL_HEADER_INVALID', message: '表头与模板不一致，请对照模板修改表头，或重新下载模板' });
    expect(header.json().error.details.map((d: { column: string; message: string }) => [d.column, d.message])).toEqual([
      ['组织类型', '“组织类型”不是模板中的列，可用的列：名称、简称、类型、上级组织、行政区划代码、成立日期'],
      ['类型', '缺少必填列“类型”'],
      ['上级组织', '缺少必填列“上级组织”'],
    ]);

    const notWorkbook = await upload(admin, Buffer.from('名称,类型\n甲,学会\n'), 'dryRun=true');
    expect(notWorkbook.statusCode).toBe(400);
    expect(notWorkbook.json().error.code).toBe('EXCEL_FILE_UNREADABLE');
    const json = await admin.post('/api/v1/orgs/excel/import?dryRun=true', {});
    expect(json.statusCode).toBe(400);
    expect(json.json().error.code).toBe('EXCEL_FILE_REQUIRED');
  });

  it('answers in English to an English reader, keeping the Chinese column headers', async () => {
    const parent = await buildOrg(kexie.db, { parentId: kexie.root.id });
    const report = await dryRun(admin, await orgWorkbook([['英文', null, '学会', parent.name, null, 'soon']]), { 'accept-language': 'en-US' });
    expect(locatedErrors(report.errors)).toEqual([
      { row: 2, column: '成立日期', message: '"soon" is not a date; write 2024-09-20, 2024/9/20 or 2024年9月20日' },
    ]);
  });
});
