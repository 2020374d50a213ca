/**
 * Cell parsers: turn what a spreadsheet cell holds into the value a service
 * takes, or say why not. Pure functions, so every rule here is unit-tested
 * without a workbook. A problem is a catalogue key plus its parameters; the
 * reader translates it into the reader's language and adds row and column.
 */

/** A cell's value once rich text, hyperlinks and formulas are reduced to what the cell shows. */
export type CellValue = string | number | boolean | Date | null;

/** Why a cell was refused: a message key of excel.messages.ts and its parameters. */
export interface CellProblem {
  key: string;
  params?: Record<string, unknown>;
}

export type CellResult<T> = { ok: true; value: T } | { ok: false; problem: CellProblem };

export const accept = <T>(value: T): CellResult<T> => ({ ok: true, value });
export const refuse = (key: string, params?: Record<string, unknown>): CellResult<never> => ({ ok: false, problem: { key, ...(params ? { params } : {}) } });

/** Blank cells (nothing, or only spaces) are "not filled in"; whether that is allowed is the column's business. */
export function isBlank(cell: CellValue): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

/** What the person sees in the cell, as text: for previews and error messages. */
export function cellText(cell: CellValue): string {
  if (cell === null) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : isoDateOf(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell).trim();
}

/** Full-width digits and punctuation (２０２４／９／２０) typed with a Chinese input method read as their ASCII forms. */
const halfWidth = (text: string) => text.normalize('NFKC');

// ---------------------------------------------------------------------------
// Text

export interface TextRules {
  maxLength?: number;
  /** The whole trimmed text must match; `problem` says what was expected. */
  pattern?: { regex: RegExp; problem: CellProblem };
}

export function parseText(cell: CellValue, rules: TextRules = {}): CellResult<string> {
  // A number typed into a text column (a code such as 411300) is meant as its digits.
  const text = cell instanceof Date ? cellText(cell) : typeof cell === 'number' ? numberText(cell) : cellText(cell);
  // PostgreSQL text cannot hold U+0000 while SQLite can; refuse it so both databases see the same.
  if (text.includes('\0')) return refuse('excel.cell.nul');
  if (rules.maxLength !== undefined && [...text].length > rules.maxLength) {
    return refuse('excel.cell.tooLong', { max: rules.maxLength, length: [...text].length });
  }
  if (rules.pattern && !rules.pattern.regex.test(text)) return { ok: false, problem: rules.pattern.problem };
  return accept(text);
}

/** 411300, not 411300.0000001 or 4.113e5. */
function numberText(value: number): string {
  return Number.isInteger(value) ? value.toFixed(0) : String(value);
}

// ---------------------------------------------------------------------------
// Whole numbers (counts, person-times)

export interface IntegerRules {
  min?: number;
  max?: number;
}

export function parseInteger(cell: CellValue, rules: IntegerRules = {}): CellResult<number> {
  let value: number;
  if (typeof cell === 'number') {
    value = cell;
  } else if (typeof cell === 'string') {
    // "1,200" and "1 200" are how people write thousands; "12.0" is still twelve.
    const text = halfWidth(cell).trim().replace(/[,\s]/g, '');
    if (!/^[-+]?\d+(\.0*)?$/.test(text)) return refuse(/^[-+]?\d*\.\d+$/.test(text) ? 'excel.cell.notInteger' : 'excel.cell.notNumber', { value: cell.trim() });
    value = Number(text);
  } else {
    return refuse('excel.cell.notNumber', { value: cellText(cell) });
  }
  if (!Number.isFinite(value)) return refuse('excel.cell.notNumber', { value: cellText(cell) });
  if (!Number.isInteger(value)) return refuse('excel.cell.notInteger', { value: cellText(cell) });
  if (!Number.isSafeInteger(value)) return refuse('excel.cell.tooLarge', { max: rules.max ?? Number.MAX_SAFE_INTEGER });
  if (rules.min !== undefined && value < rules.min) {
    return refuse(rules.min === 0 ? 'excel.cell.negative' : 'excel.cell.tooSmall', { min: rules.min, value });
  }
  if (rules.max !== undefined && value > rules.max) return refuse('excel.cell.tooLarge', { max: rules.max, value });
  return accept(value);
}

// ---------------------------------------------------------------------------
// Dates

export interface DateRules {
  /** Earliest and latest allowed, as YYYY-MM-DD. */
  min?: string;
  max?: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function isoDateOf(date: Date): string {
  // Excel dates carry no time zone; exceljs hands them over as midnight UTC.
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Excel's day number (1 = 1900-01-01) as a date, minding the 1900-02-29 that Lotus invented and Excel kept (day 60). */
export function excelSerialToIsoDate(serial: number): string | undefined {
  const day = Math.floor(serial);
  if (!Number.isFinite(serial) || day < 1 || day > 2958465 || day === 60) return undefined;
  const epoch = Date.UTC(1899, 11, day < 60 ? 31 : 30);
  return isoDateOf(new Date(epoch + day * 86_400_000));
}

function isoDateFromParts(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2024-02-30 over into March; a real date comes back unchanged.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return isoDateOf(date);
}

/**
 * The ways people write a date in a cell: 2024-09-20, 2024/9/20, 2024.9.20 and
 * 2024年9月20日, each optionally followed by a time of day, which is dropped.
 */
const datePatterns = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/,
];

export function parseDate(cell: CellValue, rules: DateRules = {}): CellResult<string> {
  let iso: string | undefined;
  if (cell instanceof Date) {
    iso = Number.isNaN(cell.getTime()) ? undefined : isoDateOf(cell);
  } else if (typeof cell === 'number') {
    iso = excelSerialToIsoDate(cell);
  } else if (typeof cell === 'string') {
    const text = halfWidth(cell).trim();
    const match = datePatterns.map((pattern) => pattern.exec(text)).find((m) => m !== null);
    if (!match) return refuse('excel.cell.notDate', { value: cell.trim() });
    iso = isoDateFromParts(Number(match[1]), Number(match[2]), Number(match[3]));
    if (!iso) return refuse('excel.cell.noSuchDate', { value: cell.trim() });
  }
  if (!iso) return refuse('excel.cell.notDate', { value: cellText(cell) });
  if (rules.min && iso < rules.min) return refuse('excel.cell.dateTooEarly', { min: rules.min, value: iso });
  if (rules.max && iso > rules.max) return refuse('excel.cell.dateTooLate', { max: rules.max, value: iso });
  return accept(iso);
}

// ---------------------------------------------------------------------------
// Enumerations, written by their Chinese label

/** One allowed value and every spelling that names it (the Chinese label first). */
export interface Choice<T extends string> {
  value: T;
  labels: readonly string[];
}

const choiceKey = (text: string) => halfWidth(text).trim().toLowerCase();

export function parseChoice<T extends string>(cell: CellValue, choices: readonly Choice<T>[]): CellResult<T> {
  const wanted = choiceKey(cellText(cell));
  const found = choices.find((choice) => choice.value.toLowerCase() === wanted || choice.labels.some((label) => choiceKey(label) === wanted));
  if (found) return accept(found.value);
  return refuse('excel.cell.notAChoice', { value: cellText(cell), choices: choices.map((choice) => choice.labels[0] ?? choice.value) });
}
