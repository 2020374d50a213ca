/** Periods are inclusive ISO dates; a figure is always shown beside the same figure for the period just before. */
export interface Period {
  from: string;
  to: string;
}

export function yearPeriod(year: number): Period {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

const dayMs = 86_400_000;
const toDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / dayMs;
const fromDay = (day: number) => new Date(day * dayMs).toISOString().slice(0, 10);
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Whole months, e.g. 2024-01-01 … 2024-12-31 or 2024-04-01 … 2024-06-30: their count, else undefined. */
export function wholeMonths(period: Period): number | undefined {
  const [fy, fm, fd] = period.from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = period.to.split('-').map(Number) as [number, number, number];
  if (fd !== 1 || td !== lastDayOfMonth(ty, tm)) return undefined;
  return (ty - fy) * 12 + (tm - fm) + 1;
}

/** `2024-05` moved by whole months. */
export function shiftMonth(month: string, by: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The period of equal length just before: whole months map to the same
 * months earlier (a calendar year to the previous calendar year, a quarter
 * to the previous quarter); any other period to the same number of days.
 */
export function previousPeriod(period: Period): Period {
  const months = wholeMonths(period);
  if (months !== undefined) {
    const from = `${shiftMonth(period.from.slice(0, 7), -months)}-01`;
    const lastMonth = shiftMonth(period.to.slice(0, 7), -months);
    const [year, month] = lastMonth.split('-').map(Number) as [number, number];
    return { from, to: `${lastMonth}-${String(lastDayOfMonth(year, month)).padStart(2, '0')}` };
  }
  const length = toDay(period.to) - toDay(period.from) + 1;
  return { from: fromDay(toDay(period.from) - length), to: fromDay(toDay(period.from) - 1) };
}

/** Every month a period touches, in order. */
export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  for (let month = period.from.slice(0, 7); month <= period.to.slice(0, 7); month = shiftMonth(month, 1)) months.push(month);
  return months;
}

/** How far the period's months lie after the previous period's: a previous-period month key plus this is the month it is compared with. */
export function monthOffset(period: Period, previous: Period): number {
  const [py, pm] = previous.from.split('-').map(Number) as [number, number];
  const [cy, cm] = period.from.split('-').map(Number) as [number, number];
  return (cy - py) * 12 + (cm - pm);
}
