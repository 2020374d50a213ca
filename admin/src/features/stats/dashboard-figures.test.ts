import { describe, expect, it } from 'vitest';
import { formatChange, latestCompleteYearWithData, yearOverYear } from './dashboard-figures.ts';

describe('yearOverYear', () => {
  it('gives the change in percent against the previous year, up or down', () => {
    expect(yearOverYear(2758, 2400)).toEqual({ direction: 'up', percent: expect.closeTo(14.92, 2) });
    expect(formatChange(yearOverYear(2758, 2400))).toBe('+14.9%');
    expect(formatChange(yearOverYear(90, 120))).toBe('−25.0%');
  });

  it('shows — when the previous year was 0, and no change when both were', () => {
    expect(yearOverYear(7, 0)).toEqual({ direction: 'unknown' });
    expect(formatChange(yearOverYear(7, 0))).toBe('—');
    expect(formatChange(yearOverYear(0, 0))).toBe('0.0%');
    expect(yearOverYear(1000, 1000)).toEqual({ direction: 'same', percent: 0 });
  });
});

describe('latestCompleteYearWithData', () => {
  /** A values API over figures kept by year: each answer carries the year before as `previous`. */
  const valuesOver = (figures: Record<number, number>, asked: number[] = []) => async (year: number) => {
    asked.push(year);
    return [{ value: figures[year] ?? 0, previous: figures[year - 1] ?? 0 }];
  };

  it('opens on the last complete year when it has figures', async () => {
    expect(await latestCompleteYearWithData(2026, valuesOver({ 2025: 10, 2026: 3 }))).toBe(2025);
  });

  it('steps back to the latest year with figures, reading two years from each answer', async () => {
    const asked: number[] = [];
    expect(await latestCompleteYearWithData(2026, valuesOver({ 2024: 2758 }, asked))).toBe(2024);
    expect(asked).toEqual([2025]);
    expect(await latestCompleteYearWithData(2026, valuesOver({ 2022: 5 }))).toBe(2022);
  });

  it('falls back to the last complete year when nothing was recorded in the years it looks at', async () => {
    expect(await latestCompleteYearWithData(2026, valuesOver({ 2010: 1 }))).toBe(2025);
  });
});
