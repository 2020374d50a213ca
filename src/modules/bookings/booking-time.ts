/** Slots are kept in Beijing time (dates and HH:MM), whatever zone the server runs in. */
const beijingOffsetMs = 8 * 60 * 60 * 1000;

/** Today's date in Beijing, YYYY-MM-DD. */
export function beijingToday(now: Date = new Date()): string {
  return new Date(now.getTime() + beijingOffsetMs).toISOString().slice(0, 10);
}

/** The moment a slot starts, as a Date. */
export function slotStart(slot: { slot_date: string; starts_at: string }): Date {
  return new Date(`${slot.slot_date}T${slot.starts_at}:00+08:00`);
}

export function hasStarted(slot: { slot_date: string; starts_at: string }, now: Date = new Date()): boolean {
  return slotStart(slot).getTime() <= now.getTime();
}

/** YYYY-MM-DD plus `days`. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday, as the console's weekday picker numbers them. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}
