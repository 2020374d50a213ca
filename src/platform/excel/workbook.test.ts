import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { column, defineSheet } from './sheet.ts';
import { readSheet } from './workbook-reader.ts';
import { writeRows, writeTemplate } from './workbook-writer.ts';

const sheet = defineSheet('活动', {
  title: column.text('名称', { required: true, maxLength: 20 }),
  kind: column.choice('类型', [
    { value: 'lecture', labels: ['讲座', 'Lecture'] },
    { value: 'fair', labels: ['科普日', 'Fair'] },
  ], { required: true }),
  heldOn: column.date('日期'),
  people: column.integer('人数', { min: 0 }),
});

/** A workbook as someone might fill one in: any header row, any cells. */
async function workbookOf(rows: ExcelJS.CellValue[][], name = '活动'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet(name);
  rows.forEach((row) => worksheet.addRow(row));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const read = (bytes: Buffer, maxRows = 100) => readSheet(sheet, bytes, { locale: 'zh-CN', maxRows });

describe('Excel templates', () => {
  it('writes the header row in column order, then an instructions sheet naming every column', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeTemplate(sheet, { locale: 'zh-CN', maxRows: 50 })) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['活动', '填写说明']);
    expect(workbook.worksheets[0]!.getRow(1).values).toEqual([undefined, '名称', '类型', '日期', '人数']);
    expect(workbook.worksheets[0]!.rowCount).toBe(1);
    const instructions = workbook.worksheets[1]!.getSheetValues().flat().map(String).join('\n');
    expect(instructions).toContain('从下拉列表中选择：讲座、科普日');
    expect(instructions).toContain('一次最多导入 50 行');
  });

  it('writes instructions in English for an English reader, keeping the Chinese header row', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeTemplate(sheet, { locale: 'en-US', maxRows: 50 })) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['活动', 'Instructions']);
    expect(workbook.worksheets[0]!.getRow(1).values).toEqual([undefined, '名称', '类型', '日期', '人数']);
  });

  it('reads back what it exports', async () => {
    const rows = [
      { title: '科普讲座', kind: 'lecture' as const, heldOn: '2024-09-20', people: 120 },
      { title: '科普日', kind: 'fair' as const, heldOn: null, people: null },
    ];
    const read_ = await read(await writeRows(sheet, rows, { locale: 'zh-CN' }));
    expect(read_.map((row) => row.values)).toEqual(rows);
    expect(read_.map((row) => row.row)).toEqual([2, 3]);
  });

  it('exports an empty list as the header row alone', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeRows(sheet, [], { locale: 'zh-CN' })) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['活动']);
    expect(workbook.worksheets[0]!.rowCount).toBe(1);
  });
});

describe('reading a filled-in workbook', () => {
  it('finds columns by header in any order, with spaces and a required-marking asterisk around them', async () => {
    const rows = await read(await workbookOf([[' 人数 ', '类型*', '名称', '日 期'], [12, '讲座', '科普讲座', '2024年9月20日']]));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ row: 2, complete: true, values: { title: '科普讲座', kind: 'lecture', heldOn: '2024-09-20', people: 12 } });
  });

  it('reads an optional column left out of the file as blank', async () => {
    const rows = await read(await workbookOf([['名称', '类型'], ['科普讲座', '讲座']]));
    expect(rows[0]!.values).toEqual({ title: '科普讲座', kind: 'lecture', heldOn: null, people: null });
  });

  it('skips blank rows and keeps Excel row numbers', async () => {
    const rows = await read(await workbookOf([['名称', '类型'], ['甲', '讲座'], [], ['  ', null], ['乙', '讲座']]));
    expect(rows.map((row) => [row.row, row.values.title])).toEqual([[2, '甲'], [5, '乙']]);
  });

  it('reports every bad cell of every row with row, column header and reason', async () => {
    const rows = await read(await workbookOf([
      ['名称', '类型', '日期', '人数'],
      ['', '沙龙', '2024-02-30', -5],
      ['科普讲座', '讲座', 'soon', 'many'],
    ]));
    expect(rows.flatMap((row) => row.errors)).toEqual([
      { row: 2, column: '名称', code: 'excel.cell.required', message: '必填，不能为空' },
      { row: 2, column: '类型', code: 'excel.cell.notAChoice', message: '“沙龙”不是可选的值，可选：讲座、科普日' },
      { row: 2, column: '日期', code: 'excel.cell.noSuchDate', message: '日期“2024-02-30”不存在' },
      { row: 2, column: '人数', code: 'excel.cell.negative', message: '不能为负数（填的是 -5）' },
      { row: 3, column: '日期', code: 'excel.cell.notDate', message: '“soon”不是可识别的日期，请写成 2024-09-20、2024/9/20 或 2024年9月20日' },
      { row: 3, column: '人数', code: 'excel.cell.notNumber', message: '“many”不是数字' },
    ]);
    expect(rows.map((row) => row.complete)).toEqual([false, false]);
  });

  it('reads rich text, hyperlinks and formula results as what the cell shows, and reports error values', async () => {
    const rows = await read(await workbookOf([
      ['名称', '类型', '人数'],
      [{ richText: [{ text: '科普' }, { text: '讲座' }] }, { text: '讲座', hyperlink: 'https://example.org' }, { formula: '10+2', result: 12 }],
      ['甲', '讲座', { error: '#N/A' }],
    ] as ExcelJS.CellValue[][]));
    expect(rows[0]!.values).toMatchObject({ title: '科普讲座', kind: 'lecture', people: 12 });
    expect(rows[1]!.errors).toEqual([{ row: 3, column: '人数', code: 'excel.cell.errorValue', message: '单元格是错误值 #N/A，请改为实际内容' }]);
  });

  it('refuses unknown, duplicated and missing required headers, all at once, naming each', async () => {
    const error = await refusal(read(await workbookOf([['名称', '地点', '名称'], ['甲', '南阳', '乙']])));
    expect(error.code).toBe('EXCEL_HEADER_INVALID');
    expect(error.options.details).toEqual([
      { row: 1, column: '地点', code: 'excel.header.unknown', message: '“地点”不是模板中的列，可用的列：名称、类型、日期、人数' },
      { row: 1, column: '名称', code: 'excel.header.duplicate', message: '列“名称”出现了不止一次' },
      { row: 1, column: '类型', code: 'excel.header.missing', message: '缺少必填列“类型”' },
    ]);
  });

  it('refuses more rows than the limit, an empty sheet, a header without rows, and a file that is not a workbook', async () => {
    const many = [['名称', '类型'], ...Array.from({ length: 6 }, (_, i) => [`活动${i}`, '讲座'])];
    expect((await refusal(read(await workbookOf(many), 5))).options.params).toEqual({ max: 5 });
    expect((await refusal(read(await workbookOf([])))).code).toBe('EXCEL_SHEET_EMPTY');
    expect((await refusal(read(await workbookOf([['名称', '类型']])))).code).toBe('EXCEL_NO_ROWS');
    expect((await refusal(read(Buffer.from('名称,类型\n甲,讲座\n')))).code).toBe('EXCEL_FILE_UNREADABLE');
  });

  it('reads the data sheet even when the instructions sheet was moved before it', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('填写说明').addRow(['说明']);
    const data = workbook.addWorksheet('活动');
    data.addRow(['名称', '类型']);
    data.addRow(['甲', '讲座']);
    const rows = await read(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(rows.map((row) => row.values.title)).toEqual(['甲']);
  });
});
