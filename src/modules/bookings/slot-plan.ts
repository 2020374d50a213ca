import type { GenerateSlotsInput } from './booking.schemas.ts';

/**
 * An opening plan written on the command line, read into the shape the
 * console sends: `--weekdays 2-7`, `--times 09:00-10:30,14:30-16:00`,
 * `--closed 2026-12-25,2027-01-01`. Each reader throws a SlotPlanError that
 * says what it expected. No imports beyond types: the command line reads
 * its options before it loads any module.
 */
export class SlotPlanError extends Error {}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const clockTime = /^([01]\d|2[0-3]):[0-5]\d$/;
const list = (value: string) => value.split(/[,，]/).map((part) => part.trim()).filter(Boolean);

/** `2-7`, `1,3,5`, `1-5,7` → the ISO weekdays (1 = Monday … 7 = Sunday), in order. */
export function parseWeekdays(value: string): number[] {
  const days = new Set<number>();
  for (const part of list(value)) {
    const match = /^([1-7])(?:-([1-7]))?$/.exec(part);
    if (!match || Number(match[2] ?? match[1]) < Number(match[1])) throw new SlotPlanError(`weekdays are 1 (Monday) to 7 (Sunday), as 2-7 or 1,3,5; not "${part}"`);
    for (let day = Number(match[1]); day <= Number(match[2] ?? match[1]); day++) days.add(day);
  }
  if (days.size === 0) throw new SlotPlanError('name at least one weekday, as 2-7');
  return [...days].sort();
}

/** `09:00-10:30,14:30-16:00` → the day's time ranges. */
export function parseTimeRanges(value: string): GenerateSlotsInput['times'] {
  const ranges = list(value).map((part) => {
    const [start = '', end = ''] = part.split(/[-–~]/).map((s) => s.trim());
    if (!clockTime.test(start) || !clockTime.test(end)) throw new SlotPlanError(`time ranges are HH:MM-HH:MM, as 09:00-10:30; not "${part}"`);
    return { start, end };
  });
  if (ranges.length === 0) throw new SlotPlanError('name at least one time range, as 09:00-10:30');
  return ranges;
}

export function parseDate(value: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  if (!isoDate.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) throw new SlotPlanError(`dates are YYYY-MM-DD; not "${value}"`);
  return value;
}

export const parseDates = (value: string): string[] => [...new Set(list(value).map(parseDate))];
