import { describe, expect, it } from 'vitest';
import { SlotPlanError, parseDates, parseTimeRanges, parseWeekdays } from './slot-plan.ts';

describe('an opening plan on the command line', () => {
  it('reads weekdays as ranges and lists', () => {
    expect(parseWeekdays('2-7')).toEqual([2, 3, 4, 5, 6, 7]);
    expect(parseWeekdays('1,3,5')).toEqual([1, 3, 5]);
    expect(parseWeekdays('1-3,3-4，7')).toEqual([1, 2, 3, 4, 7]);
    for (const bad of ['0', '8', '5-2', 'Mon', '']) expect(() => parseWeekdays(bad)).toThrow(SlotPlanError);
  });

  it('reads time ranges and closure dates', () => {
    expect(parseTimeRanges('09:00-10:30, 14:30–16:00')).toEqual([{ start: '09:00', end: '10:30' }, { start: '14:30', end: '16:00' }]);
    expect(() => parseTimeRanges('9-10')).toThrow('time ranges are HH:MM-HH:MM, as 09:00-10:30; not "9-10"');
    expect(parseDates('2026-12-25,2027-01-01,2026-12-25')).toEqual(['2026-12-25', '2027-01-01']);
    expect(() => parseDates('2026-13-01')).toThrow(SlotPlanError);
    expect(() => parseDates('2026-02-30')).toThrow(SlotPlanError);
  });
});
