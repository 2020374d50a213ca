import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { listIndicators } from '../stats/index.ts';
import { writeStatisticalReturn } from './statistical-return.excel.ts';
import { statisticalReturnForms, type StatisticalReturn } from './statistical-return.ts';

describe('the statistical return forms', () => {
  const indicators = new Map(listIndicators('zh-CN').map((info) => [info.code, info]));
  const rows = statisticalReturnForms.flatMap((form) => form.rows.map((row) => ({ form: form.table, row })));

  it('fills the four forms of the 科协统计年报 in order, each with rows', () => {
    expect(statisticalReturnForms.map((form) => `${form.table} ${form.title['zh-CN']}`)).toEqual(['表1 科学技术普及', '表2 青少年科技教育', '表3 科普基础设施建设', '表4 组织建设']);
    for (const form of statisticalReturnForms) expect(form.rows.length, form.table).toBeGreaterThan(3);
  });

  it('asks only for declared indicators, narrowed only by dimensions they have', () => {
    for (const { form, row } of rows) {
      if (!row.source) continue;
      const info = indicators.get(row.source.code);
      expect(info, `${form} ${row.name['zh-CN']}: ${row.source.code}`).toBeDefined();
      for (const dimension of Object.keys(row.source.where ?? {})) expect(info!.dimensions, `${form} ${row.name['zh-CN']}`).toContain(dimension);
    }
  });

  it('names every row once per form, in both languages', () => {
    for (const form of statisticalReturnForms) {
      const names = form.rows.map((row) => row.name['zh-CN']);
      expect(new Set(names).size, form.table).toBe(names.length);
      for (const row of form.rows) expect(row.name['en-US'], row.name['zh-CN']).toMatch(/[a-z]/);
    }
  });

  it('keeps the rows no module records yet, with the module each waits for', () => {
    const pending = rows.filter(({ row }) => row.source === null).map(({ row }) => row.name['zh-CN']);
    expect(pending).toEqual(expect.arrayContaining(['科普中国信息员 注册人数', '青少年科技竞赛 省级以上获奖', '学会 个人会员']));
  });
});

describe('the statistical return workbook', () => {
  const period = { from: '2024-01-01', to: '2024-12-31' };
  const sample: StatisticalReturn = {
    org: { id: 'org-1', name: '南阳市科协' },
    year: 2024,
    period,
    previousPeriod: { from: '2023-01-01', to: '2023-12-31' },
    title: '2024年度南阳市科协统计年报',
    forms: [
      {
        table: '表3',
        title: '科普基础设施建设',
        rows: [
          { table: '表3', line: 1, name: '科普大篷车 行驶里程', unit: '公里', value: 20512.5, previous: 0, source: '科普大篷车行驶里程（caravans.km）', indicator: null },
          { table: '表3', line: 2, name: '科技馆 建筑面积', unit: '平方米', value: null, previous: null, source: '暂无数据来源（待科技馆体系模块的面积字段）', indicator: null },
        ],
      },
    ],
  };

  async function read(bytes: Buffer) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    return workbook.worksheets[0]!;
  }

  it('titles the sheet, freezes the header row and keeps figures as numbers', async () => {
    const sheet = await read(await writeStatisticalReturn(sample, 'zh-CN', new Date('2025-01-05T02:00:00Z')));
    expect(sheet.getCell('A1').value).toBe('2024年度南阳市科协统计年报');
    expect(sheet.getCell('A2').value).toBe('填报单位：南阳市科协');
    expect(String(sheet.getCell('A3').value)).toContain('2024-01-01 至 2024-12-31');
    expect(sheet.getRow(5).values).toEqual([undefined, '表号', '行次', '指标名称', '计量单位', '本年', '上年', '数据来源']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    expect(sheet.getRow(6).getCell(3).value).toBe('科普基础设施建设');
    const km = sheet.getRow(7);
    expect([km.getCell(3).value, km.getCell(5).value, km.getCell(6).value]).toEqual(['科普大篷车 行驶里程', 20512.5, 0]);
  });

  it('writes 暂无数据来源 across both figure columns of a row without a source, never 0', async () => {
    const sheet = await read(await writeStatisticalReturn(sample, 'zh-CN'));
    const area = sheet.getRow(8);
    expect(area.getCell(5).value).toBe('暂无数据来源（待科技馆体系模块的面积字段）');
    expect(area.getCell(6).isMerged).toBe(true);
    expect(typeof area.getCell(5).value).not.toBe('number');
  });
});
