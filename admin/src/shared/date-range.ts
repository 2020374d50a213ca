import type { Dayjs } from 'dayjs';

/** True when both days are chosen and the end comes before the start (the same day is a one-day range). */
export const endsBeforeStart = (start: Dayjs | undefined | null, end: Dayjs | undefined | null) => Boolean(start && end && end.isBefore(start, 'day'));
