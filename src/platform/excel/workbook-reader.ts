import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError, type ErrorDetail } from '../errors.ts';
import type { Locale } from '../i18n/catalogue.ts';
import type { CellValue } from './cells.ts';
import { describe, describeProblem } from './excel.messages.ts';
import { columnsOf, type Column, type Sheet } from './sheet.ts';

/** A problem with one cell: which row (as Excel numbers it), which column (its header), and why, in the reader's language. */
export interface RowError extends ErrorDetail {
  row: number;
  column: string;
  code: string;
  message: string;
}

/** One data row: the cells as found (for a preview) and the parsed values, complete only when every cell passed. */
export type ReadRow<Row> = {
  row: number;
  cells: { [K in keyof Row]: CellValue };
  errors: RowError[];
} & ({ complete: true; values: Row } | { complete: false; values: Partial<Row> });

export interface ReadOptions {
  locale: Locale;
  /** More data rows than this is refused before the rest of the file is read. */
  maxRows: number;
}

/** An Excel error value such as #N/A or #REF!, kept apart so it is reported rather than read as text. */
interface ErrorCell {
  error: string;
}

/** Reduces what exceljs gives for a cell (rich text, hyperlink, formula …) to what the cell shows. */
function shownValue(value: ExcelJS.CellValue | undefined): CellValue | ErrorCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return { error: String(value.error) };
  if ('hyperlink' in value) return shownValue(value.text as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return shownValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  return null;
}

/** Header text as people vary it: surrounding and inner spaces, full-width forms, a * marking a required column. */
const headerKey = (text: string) => text.normalize('NFKC').replace(/[\s*]/g, '');

const instructionSheetNames = new Set(['excel.instructions.sheet'].flatMap((key) => [describe('zh-CN', key), describe('en-US', key)]));

/**
 * Reads a module's worksheet from an .xlsx file, streaming, so an oversized
 * file is refused at the first row past the limit rather than after loading
 * it all. Columns are found by header text, in any order. File-level problems
 * (not a workbook, a header that does not match) throw AppError; cell problems
 * come back on their rows, every one of them.
 */
export async function readSheet<Row>(sheet: Sheet<Row>, bytes: Buffer, options: ReadOptions): Promise<ReadRow<Row>[]> {
  const columns = columnsOf(sheet);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    sharedStrings: 'cache',
    // Styles tell a date cell from a number.
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });

  const rows: ReadRow<Row>[] = [];
  let headerFound = false;
  try {
    for await (const worksheet of reader) {
      // The template puts the data first; skip its instructions sheet if someone moved it forward.
      if (instructionSheetNames.has((worksheet as unknown as { name?: string }).name ?? '')) {
        // The streaming reader parses the file in order: a skipped sheet must still be read through, or the parse can fail under load.
        for await (const _row of worksheet) void _row;
        continue;
      }
      /** For each column of the format, where the file has it; a column the file leaves out reads as blank. */
      let positions: (number | undefined)[] | undefined;
      for await (const excelRow of worksheet) {
        const values = (excelRow.values as (ExcelJS.CellValue | undefined)[]) ?? [];
        if (!positions) {
          if (values.every((value) => isBlankShown(shownValue(value)))) continue;
          positions = matchHeader(columns, values, excelRow.number, options.locale);
          headerFound = true;
          continue;
        }
        const shown = positions.map((position) => (position === undefined ? null : shownValue(values[position])));
        if (shown.every(isBlankShown)) continue;
        if (rows.length === options.maxRows) throw new AppError('EXCEL_TOO_MANY_ROWS', 400, { params: { max: options.maxRows } });
        rows.push(parseRow<Row>(excelRow.number, columns, shown, options.locale));
      }
      break;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('EXCEL_FILE_UNREADABLE', 400);
  }
  if (!headerFound) throw new AppError('EXCEL_SHEET_EMPTY', 400);
  if (rows.length === 0) throw new AppError('EXCEL_NO_ROWS', 400);
  return rows;
}

const isBlankShown = (value: CellValue | ErrorCell) =>
  value === null || (typeof value === 'string' && value.trim() === '');

type SheetColumns = { key: string; column: Column<unknown> }[];

/** Where each column of the format is in the file's header row, or every problem with that header row. */
function matchHeader(columns: SheetColumns, values: (ExcelJS.CellValue | undefined)[], rowNumber: number, locale: Locale): (number | undefined)[] {
  const byHeader = new Map(columns.map(({ column }, i) => [headerKey(column.header), i]));
  const positions: (number | undefined)[] = columns.map(() => undefined);
  const problems: ErrorDetail[] = [];
  const headerProblem = (column: string, key: string, params: Record<string, unknown>) =>
    problems.push({ row: rowNumber, column, code: key, message: describe(locale, key, params) });
  values.forEach((value, index) => {
    const shown = shownValue(value);
    if (isBlankShown(shown) || typeof shown === 'object') return;
    const text = String(shown).trim();
    const at = byHeader.get(headerKey(text));
    if (at === undefined) return headerProblem(text, 'excel.header.unknown', { header: text, columns: columns.map(({ column }) => column.header) });
    const { header } = columns[at]!.column;
    if (positions[at] !== undefined) return headerProblem(header, 'excel.header.duplicate', { header });
    positions[at] = index;
  });
  columns.forEach(({ column }, i) => {
    if (column.required && positions[i] === undefined) headerProblem(column.header, 'excel.header.missing', { header: column.header });
  });
  if (problems.length > 0) throw new AppError('EXCEL_HEADER_INVALID', 400, { details: problems });
  return positions;
}

function parseRow<Row>(
  rowNumber: number,
  columns: SheetColumns,
  shown: (CellValue | ErrorCell)[],
  locale: Locale,
): ReadRow<Row> {
  const cells = {} as Record<string, CellValue>;
  const values = {} as Record<string, unknown>;
  const errors: RowError[] = [];
  columns.forEach(({ key, column }, i) => {
    const value = shown[i] ?? null;
    if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
      cells[key] = value.error;
      errors.push({ row: rowNumber, column: column.header, code: 'excel.cell.errorValue', message: describe(locale, 'excel.cell.errorValue', { value: value.error }) });
      return;
    }
    cells[key] = value;
    const result = column.read(value);
    if (result.ok) values[key] = result.value;
    else errors.push({ row: rowNumber, column: column.header, code: result.problem.key, message: describeProblem(locale, result.problem) });
  });
  return { row: rowNumber, cells, errors, complete: errors.length === 0, values } as ReadRow<Row>;
}
