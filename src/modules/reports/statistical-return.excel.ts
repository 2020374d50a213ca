import ExcelJS from 'exceljs';
import { translate, type Locale } from '../../platform/i18n/catalogue.ts';
import type { StatisticalReturn } from './statistical-return.ts';

const columnKeys = ['table', 'line', 'name', 'unit', 'value', 'previous', 'source'] as const;
const columnWidths = [8, 6, 40, 10, 14, 14, 60];
const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFBFBFBF' } };
const border: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F4FF' } };
const formFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF5F5F5' } };
/** Whole numbers without decimals, kilometres with up to one. */
const numberFormat = '#,##0.#;-#,##0.#;0';

/**
 * The return as one worksheet in the forms' layout: a title, the reporting org
 * and period, a frozen header row, then each form's heading and rows. Figures
 * are numbers; a row without a source says so across 本年 and 上年.
 */
export async function writeStatisticalReturn(statisticalReturn: StatisticalReturn, locale: Locale, generatedAt = new Date()): Promise<Buffer> {
  const t = (key: string, params?: Record<string, unknown>) => translate(locale, key, params);
  const workbook = new ExcelJS.Workbook();
  workbook.title = statisticalReturn.title;
  workbook.created = generatedAt;
  const headerRow = 5;
  const sheet = workbook.addWorksheet(t('return.sheet'), {
    views: [{ state: 'frozen', ySplit: headerRow }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}` },
  });
  sheet.columns = columnWidths.map((width, i) => ({ key: columnKeys[i], width }));
  const lastColumn = columnKeys.length;
  const merged = (row: number, text: string, style: Partial<ExcelJS.Style>) => {
    sheet.mergeCells(row, 1, row, lastColumn);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    Object.assign(cell, style);
  };

  const { period, previousPeriod } = statisticalReturn;
  merged(1, statisticalReturn.title, { font: { bold: true, size: 16 }, alignment: { horizontal: 'center' } });
  merged(2, t('return.reportingOrg', { org: statisticalReturn.org.name }), {});
  merged(3, t('return.period', { from: period.from, to: period.to, previousFrom: previousPeriod.from, previousTo: previousPeriod.to }), {});
  merged(4, t('return.generatedAt', { time: generatedAt.toISOString().slice(0, 16).replace('T', ' ') + ' UTC' }), { font: { color: { argb: 'FF8C8C8C' } } });

  const header = sheet.getRow(headerRow);
  header.values = columnKeys.map((key) => t(`return.column.${key}`));
  header.eachCell((cell) => Object.assign(cell, { font: { bold: true }, fill: headerFill, border, alignment: { horizontal: 'center' } }));

  for (const form of statisticalReturn.forms) {
    const heading = sheet.addRow([form.table, '', form.title]);
    sheet.mergeCells(heading.number, 3, heading.number, lastColumn);
    heading.font = { bold: true };
    heading.eachCell({ includeEmpty: true }, (cell) => Object.assign(cell, { fill: formFill, border }));
    for (const row of form.rows) {
      const line = sheet.addRow([row.table, row.line, row.name, row.unit, row.value ?? row.source, row.previous, row.indicator ? row.source : '']);
      if (row.value === null) {
        // Across both figure columns, so nobody reads the empty 上年 as a zero.
        sheet.mergeCells(line.number, 5, line.number, 6);
        line.getCell(5).font = { italic: true, color: { argb: 'FF8C8C8C' } };
        line.getCell(5).alignment = { horizontal: 'center' };
      } else {
        line.getCell(5).numFmt = numberFormat;
        line.getCell(6).numFmt = numberFormat;
      }
      line.getCell(2).alignment = { horizontal: 'center' };
      line.getCell(7).alignment = { wrapText: true, vertical: 'top' };
      line.eachCell({ includeEmpty: true }, (cell) => (cell.border = border));
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const statisticalReturnFileName = (statisticalReturn: StatisticalReturn, locale: Locale) =>
  translate(locale, 'return.fileName', { year: statisticalReturn.year, org: statisticalReturn.org.name });
