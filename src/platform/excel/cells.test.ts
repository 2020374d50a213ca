import { describe, expect, it } from 'vitest';
import { cellText, excelSerialToIsoDate, isBlank, parseChoice, parseDate, parseInteger, parseText } from './cells.ts';
import { describeProblem } from './excel.messages.ts';

const problemOf = (result: { ok: boolean; problem?: { key: string } }) => (result.ok ? undefined : result.problem?.key);

describe('date cells', () => {
  it.each([
    ['2024-09-20', '2024-09-20'],
    ['2024-9-2', '2024-09-02'],
    ['2024/9/20', '2024-09-20'],
    ['2024/09/20', '2024-09-20'],
    ['2024.9.20', '2024-09-20'],
    ['2024年9月20日', '2024-09-20'],
    ['2024 年 9 月 20 日', '2024-09-20'],
    ['２０２４年９月２０日', '2024-09-20'],
    ['  2024-09-20  ', '2024-09-20'],
    ['2024-09-20 14:30', '2024-09-20'],
    ['2024-09-20T14:30:00Z', '2024-09-20'],
  ])('reads the text %j as %s', (text, iso) => {
    expect(parseDate(text)).toEqual({ ok: true, value: iso });
  });

  it('reads an Excel date cell (midnight UTC, as exceljs gives it) as its calendar day', () => {
    expect(parseDate(new Date(Date.UTC(2024, 8, 20)))).toEqual({ ok: true, value: '2024-09-20' });
    expect(parseDate(new Date(Date.UTC(2024, 8, 20, 23, 59, 59)))).toEqual({ ok: true, value: '2024-09-20' });
  });

  it('reads an Excel serial day number, including a time of day, minding the 1900 leap-year bug', () => {
    expect(parseDate(45555)).toEqual({ ok: true, value: '2024-09-20' });
    expect(parseDate(45555.75)).toEqual({ ok: true, value: '2024-09-20' });
    expect(excelSerialToIsoDate(1)).toBe('1900-01-01');
    expect(excelSerialToIsoDate(59)).toBe('1900-02-28');
    expect(excelSerialToIsoDate(60)).toBeUndefined();
    expect(excelSerialToIsoDate(61)).toBe('1900-03-01');
    expect(excelSerialToIsoDate(0)).toBeUndefined();
  });

  it.each([['2024-02-30'], ['2023年2月29日'], ['2024/13/01'], ['2024-00-10']])('refuses %j as a date that does not exist', (text) => {
    expect(problemOf(parseDate(text))).toBe('excel.cell.noSuchDate');
  });

  it.each([['next Friday'], ['20/09/2024'], ['2024-09'], ['九月二十日']])('refuses %j as not a date, naming the accepted forms', (text) => {
    const result = parseDate(text);
    expect(problemOf(result)).toBe('excel.cell.notDate');
    if (!result.ok) expect(describeProblem('zh-CN', result.problem)).toBe(`“${text}”不是可识别的日期，请写成 2024-09-20、2024/9/20 或 2024年9月20日`);
  });

  it('refuses a number too large to be an Excel day and a boolean', () => {
    expect(problemOf(parseDate(20240920))).toBe('excel.cell.notDate');
    expect(problemOf(parseDate(true))).toBe('excel.cell.notDate');
  });

  it('refuses dates outside the allowed range, saying which bound', () => {
    const result = parseDate('2024-09-20', { max: '2024-01-01' });
    expect(problemOf(result)).toBe('excel.cell.dateTooLate');
    if (!result.ok) expect(describeProblem('zh-CN', result.problem)).toBe('日期不能晚于 2024-01-01（填的是 2024-09-20）');
    expect(problemOf(parseDate('1899-12-31', { min: '1900-01-01' }))).toBe('excel.cell.dateTooEarly');
  });
});

describe('integer cells', () => {
  it.each([
    [12, 12],
    ['12', 12],
    [' 1,200 ', 1200],
    ['１２', 12],
    ['12.0', 12],
    [0, 0],
  ])('reads %j as %d', (cell, value) => {
    expect(parseInteger(cell, { min: 0 })).toEqual({ ok: true, value });
  });

  it('refuses negative counts where counts start at zero', () => {
    const result = parseInteger(-3, { min: 0 });
    expect(problemOf(result)).toBe('excel.cell.negative');
    if (!result.ok) expect(describeProblem('zh-CN', result.problem)).toBe('不能为负数（填的是 -3）');
    expect(problemOf(parseInteger('-3', { min: 0 }))).toBe('excel.cell.negative');
  });

  it('refuses text, fractions, dates and values beyond the maximum', () => {
    expect(problemOf(parseInteger('十二'))).toBe('excel.cell.notNumber');
    expect(problemOf(parseInteger('12人'))).toBe('excel.cell.notNumber');
    expect(problemOf(parseInteger(12.5))).toBe('excel.cell.notInteger');
    expect(problemOf(parseInteger('12.5'))).toBe('excel.cell.notInteger');
    expect(problemOf(parseInteger(new Date()))).toBe('excel.cell.notNumber');
    expect(problemOf(parseInteger(101, { max: 100 }))).toBe('excel.cell.tooLarge');
    expect(problemOf(parseInteger(4, { min: 5 }))).toBe('excel.cell.tooSmall');
    expect(problemOf(parseInteger(2 ** 60))).toBe('excel.cell.tooLarge');
  });
});

describe('text cells', () => {
  it('trims surrounding spaces, ideographic ones too, and reads numbers as their digits', () => {
    expect(parseText('\u3000 南阳市科协 ')).toEqual({ ok: true, value: '南阳市科协' });
    expect(parseText(411300)).toEqual({ ok: true, value: '411300' });
    expect(parseText(new Date(Date.UTC(2024, 8, 20)))).toEqual({ ok: true, value: '2024-09-20' });
  });

  it('counts characters, not UTF-16 units, against the maximum length', () => {
    expect(parseText('科'.repeat(5), { maxLength: 5 }).ok).toBe(true);
    expect(parseText('😀'.repeat(5), { maxLength: 5 }).ok).toBe(true);
    const result = parseText('科'.repeat(6), { maxLength: 5 });
    expect(problemOf(result)).toBe('excel.cell.tooLong');
    if (!result.ok) expect(describeProblem('zh-CN', result.problem)).toBe('不能超过 5 个字（现有 6 个）');
  });

  it('refuses the NUL character, which PostgreSQL cannot store', () => {
    expect(problemOf(parseText('a\0b'))).toBe('excel.cell.nul');
  });

  it('applies a pattern with its own problem', () => {
    const pattern = { regex: /^\d{6}$/, problem: { key: 'excel.cell.notNumber', params: { value: 'x' } } };
    expect(parseText('41130', { pattern }).ok).toBe(false);
    expect(parseText(411300, { pattern }).ok).toBe(true);
  });
});

describe('enumeration cells', () => {
  const types = [
    { value: 'society', labels: ['学会', 'Society'] },
    { value: 'other', labels: ['其他', 'Other'] },
  ] as const;

  it('reads the Chinese label, the English label and the code, ignoring case and spaces', () => {
    expect(parseChoice(' 学会 ', types)).toEqual({ ok: true, value: 'society' });
    expect(parseChoice('SOCIETY', types)).toEqual({ ok: true, value: 'society' });
    expect(parseChoice('other', types)).toEqual({ ok: true, value: 'other' });
  });

  it('refuses an unknown value and lists the Chinese labels', () => {
    const result = parseChoice('协会', types);
    expect(problemOf(result)).toBe('excel.cell.notAChoice');
    if (!result.ok) {
      expect(describeProblem('zh-CN', result.problem)).toBe('“协会”不是可选的值，可选：学会、其他');
      expect(describeProblem('en-US', result.problem)).toBe('"协会" is not one of the allowed values: 学会, 其他');
    }
  });
});

describe('blank cells and cell text', () => {
  it('treats nothing and whitespace as blank, zero and FALSE as filled', () => {
    expect([null, '', '   ', '\u3000'].map(isBlank)).toEqual([true, true, true, true]);
    expect([0, false, '0'].map(isBlank)).toEqual([false, false, false]);
  });

  it('shows dates as YYYY-MM-DD and booleans as Excel does', () => {
    expect(cellText(new Date(Date.UTC(2024, 0, 5)))).toBe('2024-01-05');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(null)).toBe('');
  });
});
