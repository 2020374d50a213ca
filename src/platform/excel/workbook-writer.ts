import ExcelJS from 'exceljs';
import type { Locale } from '../i18n/catalogue.ts';
import { describe } from './excel.messages.ts';
import { columnsOf, type Sheet } from './sheet.ts';

const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F4FF' } };
const requiredFont: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFCF1322' } };
const headerFont: Partial<ExcelJS.Font> = { bold: true };

/** exceljs supports range validations at runtime (`worksheet.dataValidations.add`) but leaves them out of its types. */
interface RangeValidations {
  add(range: string, validation: ExcelJS.DataValidation): void;
}

function columnLetter(index: number): string {
  let letters = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The data worksheet: the header row, then one row per record; the same layout for a template and an export. */
function addDataSheet<Row>(workbook: ExcelJS.Workbook, sheet: Sheet<Row>, rows: readonly Row[], locale: Locale, formattedRows: number) {
  const columns = columnsOf(sheet);
  const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = columns.map(({ key, column }) => ({ key, width: column.width, ...(column.numFmt ? { style: { numFmt: column.numFmt } } : {}) }));
  const header = worksheet.getRow(1);
  columns.forEach(({ column }, i) => {
    const cell = header.getCell(i + 1);
    cell.value = column.header;
    cell.font = column.required ? requiredFont : headerFont;
    cell.fill = headerFill;
    cell.numFmt = 'General';
    // Hovering the header tells what to enter without leaving the sheet.
    cell.note = column.rule(locale);
  });
  for (const row of rows) {
    worksheet.addRow(columns.map(({ key, column }) => column.write(row[key])));
  }
  // Drop-downs for enumerations over the rows people are expected to fill.
  const lastRow = Math.max(rows.length, formattedRows) + 1;
  if (lastRow < 2) return;
  columns.forEach(({ column }, i) => {
    const list = column.dropdown?.join(',');
    // Excel refuses an inline list longer than 255 characters; the instructions still name every value.
    if (!list || list.length > 250) return;
    const letter = columnLetter(i + 1);
    (worksheet as unknown as { dataValidations: RangeValidations }).dataValidations.add(`${letter}2:${letter}${lastRow}`, {
      type: 'list',
      allowBlank: !column.required,
      formulae: [`"${list}"`],
      showErrorMessage: true,
      errorStyle: 'warning',
      error: column.rule(locale),
    });
  });
}

function addInstructionsSheet<Row>(workbook: ExcelJS.Workbook, sheet: Sheet<Row>, locale: Locale, maxRows: number) {
  const t = (key: string, params?: Record<string, unknown>) => describe(locale, key, params);
  const worksheet = workbook.addWorksheet(t('excel.instructions.sheet'));
  worksheet.columns = [{ width: 16 }, { width: 10 }, { width: 70 }, { width: 24 }];
  worksheet.addRow([t('excel.instructions.title', { sheet: sheet.name })]).font = { bold: true, size: 14 };
  for (const key of ['excel.instructions.whereToWrite', 'excel.instructions.limit', 'excel.instructions.dryRun']) {
    const row = worksheet.addRow([t(key, { sheet: sheet.name, max: maxRows })]);
    worksheet.mergeCells(row.number, 1, row.number, 4);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.height = 32;
  }
  worksheet.addRow([]);
  const header = worksheet.addRow([t('excel.instructions.column'), t('excel.instructions.required'), t('excel.instructions.rules'), t('excel.instructions.example')]);
  header.font = headerFont;
  header.eachCell((cell) => (cell.fill = headerFill));
  for (const { column } of columnsOf(sheet)) {
    const row = worksheet.addRow([column.header, t(column.required ? 'excel.instructions.yes' : 'excel.instructions.no'), column.rule(locale), column.example ?? '']);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
}

/** The blank template: the header row, drop-downs and formats ready for `maxRows` rows, and a sheet of instructions. */
export async function writeTemplate<Row>(sheet: Sheet<Row>, options: { locale: Locale; maxRows: number }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  addDataSheet(workbook, sheet, [], options.locale, options.maxRows);
  addInstructionsSheet(workbook, sheet, options.locale, options.maxRows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Records in the template's format, so an export can be edited and imported again. */
export async function writeRows<Row>(sheet: Sheet<Row>, rows: readonly Row[], options: { locale: Locale }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  addDataSheet(workbook, sheet, rows, options.locale, 0);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
