const beijingDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date where the venues are (ISO), so a figure entered late in the evening is not "in the future". */
export function todayInBeijing(now: Date = new Date()): string {
  return beijingDate.format(now);
}

/** The first and last day of a year, for filtering ISO dates stored as text. */
export function yearBounds(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}
