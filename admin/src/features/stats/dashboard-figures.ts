/** The dashboard's arithmetic, kept apart from React so it can be tested on its own. */

/** The figures on the cards, in the order of the seed's review: activities, museums, caravans, touring show, organisations. */
export const keyFigureCodes = [
  'activities.count',
  'activities.participants',
  'venues.visits',
  'venues.museums.open',
  'caravans.trips',
  'caravans.people',
  'touring.visits',
  'orgs.new',
] as const;

export const defaultChartIndicator = 'activities.count';

/**
 * What tells whether a year has records: figures that count only what happened
 * in the year. A stock such as the museums open is there every year, records
 * or not, so it says nothing.
 */
export const yearActivityCodes = ['activities.count', 'venues.visits', 'caravans.trips', 'touring.visits'] as const;

export type Change = { direction: 'up' | 'down' | 'same'; percent: number } | { direction: 'unknown' };

/** 同比: the change against the previous year in percent; unknown when the previous year was 0 (no base to divide by). */
export function yearOverYear(value: number, previous: number): Change {
  if (previous === 0) return value === 0 ? { direction: 'same', percent: 0 } : { direction: 'unknown' };
  const percent = ((value - previous) / previous) * 100;
  if (Math.abs(percent) < 0.05) return { direction: 'same', percent: 0 };
  return { direction: percent > 0 ? 'up' : 'down', percent: Math.abs(percent) };
}

/** 12.3%, or — when there is no change to compute. */
export function formatChange(change: Change): string {
  if (change.direction === 'unknown') return '—';
  const sign = change.direction === 'up' ? '+' : change.direction === 'down' ? '−' : '';
  return `${sign}${change.percent.toFixed(1)}%`;
}

/**
 * The year the dashboard opens on: the last complete year (a year in progress
 * compared with a whole previous year misleads), or the latest year before it
 * with any figure, found from the values API, which answers each year with the
 * one before beside it. Looks back at most `lookBack` years.
 */
export async function latestCompleteYearWithData(
  currentYear: number,
  valuesOf: (year: number) => Promise<{ value: number; previous: number }[]>,
  lookBack = 6,
): Promise<number> {
  const lastComplete = currentYear - 1;
  for (let year = lastComplete; year > lastComplete - lookBack; year -= 2) {
    const values = await valuesOf(year);
    if (values.some((v) => v.value > 0)) return year;
    if (values.some((v) => v.previous > 0)) return year - 1;
  }
  return lastComplete;
}
