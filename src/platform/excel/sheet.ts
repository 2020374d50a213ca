import type { Locale } from '../i18n/catalogue.ts';
import {
  accept,
  isBlank,
  parseChoice,
  parseDate,
  parseInteger,
  parseText,
  refuse,
  type CellResult,
  type CellValue,
  type Choice,
  type DateRules,
  type IntegerRules,
  type TextRules,
} from './cells.ts';
import { describe } from './excel.messages.ts';

/**
 * One column of a module's Excel format. The header is the Chinese text of the
 * header row: it is part of the file format (a file written in one language
 * imports in the other), so it is not translated; the instructions are.
 */
export interface Column<V> {
  readonly header: string;
  readonly required: boolean;
  /** Reads one cell: blank is null, or "required" when the column must be filled. */
  read(cell: CellValue): CellResult<V>;
  /** Writes a value back as a cell, in the form `read` accepts. */
  write(value: V): CellValue;
  /** What to enter, for the instructions sheet and the header cell's note. */
  rule(locale: Locale): string;
  readonly example?: string;
  readonly width: number;
  /** Excel number format for the column's cells: '@' keeps codes as text, dates show as dates. */
  readonly numFmt?: string;
  /** Allowed values offered as a drop-down in the template. */
  readonly dropdown?: readonly string[];
}

export interface ColumnOptions {
  required?: boolean;
  /** A catalogue key with more guidance than the kind of value gives ("name or code of an org in your scope"). */
  note?: string;
  example?: string;
  width?: number;
}

/** Required columns read as T, optional ones as T | null. */
type ValueOf<O, T> = O extends { required: true } ? T : T | null;

interface ColumnKind<T> {
  parse(cell: CellValue): CellResult<T>;
  write(value: T): CellValue;
  rule(locale: Locale): string;
  numFmt?: string;
  dropdown?: readonly string[];
  width: number;
}

function makeColumn<T>(header: string, options: ColumnOptions, kind: ColumnKind<T>): Column<T | null> {
  const required = options.required === true;
  return {
    header,
    required,
    read: (cell) => (isBlank(cell) ? (required ? refuse('excel.cell.required') : accept(null)) : kind.parse(cell)),
    write: (value) => (value === null ? null : kind.write(value)),
    rule: (locale) => [kind.rule(locale), options.note ? describe(locale, options.note) : ''].filter(Boolean).join(locale === 'zh-CN' ? '；' : '; '),
    width: options.width ?? kind.width,
    ...(options.example === undefined ? {} : { example: options.example }),
    ...(kind.numFmt ? { numFmt: kind.numFmt } : {}),
    ...(kind.dropdown ? { dropdown: kind.dropdown } : {}),
  };
}

/** Excel stores dates as days; a date cell at midnight UTC reads back as the same day everywhere. */
const dateCell = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Column builders. Each parses with the matching cell parser and writes what it parses. */
export const column = {
  text<O extends ColumnOptions & TextRules>(header: string, options?: O): Column<ValueOf<O, string>> {
    const rules: ColumnOptions & TextRules = options ?? {};
    return makeColumn(header, rules, {
      parse: (cell) => parseText(cell, rules),
      write: (value) => value,
      rule: (locale) => (rules.maxLength ? describe(locale, 'excel.rule.textMax', { max: rules.maxLength }) : describe(locale, 'excel.rule.text')),
      numFmt: '@',
      width: Math.min(40, Math.max(12, Math.ceil((rules.maxLength ?? 20) / 2))),
    }) as Column<ValueOf<O, string>>;
  },

  integer<O extends ColumnOptions & IntegerRules>(header: string, options?: O): Column<ValueOf<O, number>> {
    const rules: ColumnOptions & IntegerRules = options ?? {};
    return makeColumn(header, rules, {
      parse: (cell) => parseInteger(cell, rules),
      write: (value) => value,
      rule: (locale) =>
        rules.min !== undefined && rules.max !== undefined
          ? describe(locale, 'excel.rule.integerRange', { min: rules.min, max: rules.max })
          : rules.min !== undefined
            ? describe(locale, 'excel.rule.integerMin', { min: rules.min })
            : describe(locale, 'excel.rule.integer'),
      numFmt: '0',
      width: 12,
    }) as Column<ValueOf<O, number>>;
  },

  /** Dates as YYYY-MM-DD strings, the form the API and the database use. */
  date<O extends ColumnOptions & DateRules>(header: string, options?: O): Column<ValueOf<O, string>> {
    const rules: ColumnOptions & DateRules = options ?? {};
    return makeColumn(header, rules, {
      parse: (cell) => parseDate(cell, rules),
      write: dateCell,
      rule: (locale) => describe(locale, 'excel.rule.date'),
      numFmt: 'yyyy-mm-dd',
      width: 14,
    }) as Column<ValueOf<O, string>>;
  },

  /** One of a fixed set of values, written by its Chinese label (the first label of each choice). */
  choice<T extends string, O extends ColumnOptions>(header: string, choices: readonly Choice<T>[], options?: O): Column<ValueOf<O, T>> {
    const labels = choices.map((choice) => choice.labels[0] ?? choice.value);
    const labelOf = new Map(choices.map((choice, i) => [choice.value, labels[i]!]));
    return makeColumn(header, options ?? {}, {
      parse: (cell) => parseChoice(cell, choices),
      write: (value) => labelOf.get(value) ?? value,
      rule: (locale) => describe(locale, 'excel.rule.choice', { choices: labels }),
      dropdown: labels,
      width: Math.max(10, ...labels.map((label) => label.length * 2 + 2)),
    }) as Column<ValueOf<O, T>>;
  },
};

/** A worksheet format: its name and its columns, keyed by the field each column fills. */
export interface Sheet<Row> {
  readonly name: string;
  readonly columns: { readonly [K in keyof Row]: Column<Row[K]> };
}

export type RowOf<S> = S extends Sheet<infer Row> ? Row : never;

type ColumnsRow<C> = { [K in keyof C]: C[K] extends Column<infer V> ? V : never };

/** Declares a module's Excel format once; its template, reader, error messages and export all come from it. */
export function defineSheet<C extends Record<string, Column<any>>>(name: string, columns: C): Sheet<ColumnsRow<C>> {
  return { name, columns: columns as Sheet<ColumnsRow<C>>['columns'] };
}

/** The columns in the template's order, with the field each fills. */
export function columnsOf<Row>(sheet: Sheet<Row>): { key: keyof Row & string; column: Column<unknown> }[] {
  return Object.entries(sheet.columns).map(([key, column]) => ({ key: key as keyof Row & string, column: column as Column<unknown> }));
}

/** The choices of an enumeration from its catalogue labels: `org.type.society` → 学会 / Society. */
export function choicesFromCatalogue<T extends string>(values: readonly T[], labelKey: (value: T) => string): Choice<T>[] {
  const locales: Locale[] = ['zh-CN', 'en-US'];
  return values.map((value) => ({ value, labels: locales.map((locale) => describe(locale, labelKey(value))) }));
}
