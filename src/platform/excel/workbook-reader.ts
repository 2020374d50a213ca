import { AppError, type ErrorDetail } from '../errors.ts';
import type { Locale } from '../i18n/catalogue.ts';
import type { CellValue } from './cells.ts';
import { describe, describeProblem } from './excel.messages.ts';
import { columnsOf, type Column, type Sheet } from './sheet.ts';
import { WorkbookFormatError, XlsxWorkbook, type ShownCell } from './xlsx-stream.ts';
import { XmlFormatError } from './xml-scanner.ts';

/** A problem with one cell: which row (as Excel numbers it), which column (its header), and why, in the reader's language. */
export interface RowError extends ErrorDetail {
  row: number;
  column: string;
  code: string;
  message: string;
}

/**
 * One data row: the parsed values, complete only when every cell passed, and
 * the row's problems. `cells` (what the file has, for a preview) is kept only
 * for the first `ReadOptions.previewRows` rows: a 100,000-row import needs no
 * second copy of every row.
 */
export type ReadRow<Row> = {
  row: number;
  cells?: { [K in keyof Row]: CellValue };
  errors: RowError[];
} & ({ complete: true; values: Row } | { complete: false; values: Partial<Row> });

export interface ReadOptions {
  locale: Locale;
  /** More data rows than this is refused before the rest of the file is read. */
  maxRows: number;
  /** How many of the first rows keep their cells as found, for a preview; none unless asked. */
  previewRows?: number;
}

/** Header text as people vary it: surrounding and inner spaces, full-width forms, a * marking a required column. */
const headerKey = (text: string) => text.normalize('NFKC').replace(/[\s*]/g, '');

const instructionSheetNames = new Set(['excel.instructions.sheet'].flatMap((key) => [describe('zh-CN', key), describe('en-US', key)]));

/**
 * Reads a module's worksheet from an .xlsx file into rows. The first sheet in
 * tab order that is not the template's instructions is read. Columns are
 * found by header text, in any order. File-level problems (not a workbook, a
 * header that does not match, too many rows) throw AppError; cell problems
 * come back on their rows, every one of them.
 */
export async function readSheet<Row>(sheet: Sheet<Row>, bytes: Buffer, options: ReadOptions): Promise<ReadRow<Row>[]> {
  const rows: ReadRow<Row>[] = [];
  for await (const batch of streamSheet(sheet, bytes, options)) for (const row of batch) rows.push(row);
  return rows;
}

/**
 * `readSheet` a batch of rows at a time, as the file is inflated and parsed,
 * so an import can check and write the first rows while reading the rest,
 * and an oversized file is refused at the first row past the limit.
 */
export async function* streamSheet<Row>(sheet: Sheet<Row>, bytes: Buffer, options: ReadOptions): AsyncGenerator<ReadRow<Row>[]> {
  const columns = columnsOf(sheet);
  const previewRows = options.previewRows ?? 0;
  let count = 0;
  let headerFound = false;
  try {
    const workbook = await XlsxWorkbook.open(bytes);
    // The template puts the data first; skip its instructions sheet if someone moved it forward.
    const worksheet = workbook.worksheets.find(({ name }) => !instructionSheetNames.has(name));
    /** For each column of the format, where the file has it; a column the file leaves out reads as blank. */
    let positions: (number | undefined)[] | undefined;
    for await (const batch of worksheet ? workbook.rows(worksheet) : []) {
      const rows: ReadRow<Row>[] = [];
      for (const { number, cells } of batch) {
        if (!positions) {
          if (cells.every(isBlankShown)) continue;
          positions = matchHeader(columns, cells, number, options.locale);
          headerFound = true;
          continue;
        }
        const shown = positions.map((position) => (position === undefined ? null : (cells[position] ?? null)));
        if (shown.every(isBlankShown)) continue;
        if (count === options.maxRows) throw new AppError('EXCEL_TOO_MANY_ROWS', 400, { params: { max: options.maxRows } });
        rows.push(parseRow<Row>(number, columns, shown, options.locale, count < previewRows));
        count++;
      }
      if (rows.length > 0) yield rows;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof WorkbookFormatError || error instanceof XmlFormatError || isZlibError(error)) throw new AppError('EXCEL_FILE_UNREADABLE', 400);
    throw error;
  }
  if (!headerFound) throw new AppError('EXCEL_SHEET_EMPTY', 400);
  if (count === 0) throw new AppError('EXCEL_NO_ROWS', 400);
}

/** A corrupt deflate stream inside the zip. */
function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('Z_');
}

/** Blank: no cell, an empty one, or only spaces. Sparse arrays skip missing cells in `every`, so those count as blank too. */
const isBlankShown = (value: ShownCell | undefined) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

type SheetColumns = { key: string; column: Column<unknown> }[];

/** Where each column of the format is in the file's header row, or every problem with that header row. */
function matchHeader(columns: SheetColumns, cells: readonly ShownCell[], rowNumber: number, locale: Locale): (number | undefined)[] {
  const byHeader = new Map(columns.map(({ column }, i) => [headerKey(column.header), i]));
  const positions: (number | undefined)[] = columns.map(() => undefined);
  const problems: ErrorDetail[] = [];
  const headerProblem = (column: string, key: string, params: Record<string, unknown>) =>
    problems.push({ row: rowNumber, column, code: key, message: describe(locale, key, params) });
  cells.forEach((shown, index) => {
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

/** Shared by every row without problems, so 100,000 good rows do not hold 100,000 empty arrays. */
const noErrors = Object.freeze([]) as unknown as RowError[];

function parseRow<Row>(rowNumber: number, columns: SheetColumns, shown: ShownCell[], locale: Locale, keepCells: boolean): ReadRow<Row> {
  const cells = {} as Record<string, CellValue>;
  const values = {} as Record<string, unknown>;
  let errors = noErrors;
  const problem = (error: RowError) => (errors === noErrors ? (errors = [error]) : errors.push(error));
  columns.forEach(({ key, column }, i) => {
    const value = shown[i] ?? null;
    if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
      cells[key] = value.error;
      problem({ row: rowNumber, column: column.header, code: 'excel.cell.errorValue', message: describe(locale, 'excel.cell.errorValue', { value: value.error }) });
      return;
    }
    cells[key] = value;
    const result = column.read(value);
    if (result.ok) values[key] = result.value;
    else problem({ row: rowNumber, column: column.header, code: result.problem.key, message: describeProblem(locale, result.problem) });
  });
  return { row: rowNumber, ...(keepCells ? { cells } : {}), errors, complete: errors === noErrors, values } as ReadRow<Row>;
}
