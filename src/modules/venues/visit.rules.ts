import type { FieldProblem } from './field-problems.ts';
import type { VisitInput } from './visit.schemas.ts';
import type { VenueRow, VenueVisitRow, VisitPeriod } from './venue.table.ts';

type VisitField = keyof VisitInput;

/** How a figure's date reads in a message: the day, or the month it counts. */
export const periodLabel = (date: string, period: VisitPeriod) => (period === 'month' ? date.slice(0, 7) : date);

/**
 * The staff's visit figures (entered or imported) of some venues, to find the
 * ones a new figure would count again. Booked groups' attendance is not here:
 * it adds to the staff's count. An import adds each accepted row, so a file
 * that repeats a day is refused as surely as a day already stored.
 */
export class StaffFigures {
  private readonly byVenue = new Map<string, VenueVisitRow[]>();

  constructor(rows: readonly VenueVisitRow[] = []) {
    for (const row of rows) this.add(row);
  }

  add(row: VenueVisitRow): void {
    const list = this.byVenue.get(row.venue_id) ?? [];
    list.push(row);
    this.byVenue.set(row.venue_id, list);
  }

  /** The same day or month, a day inside a month counted whole, or days inside a month now counted whole. */
  overlapping(venueId: string, date: string, period: VisitPeriod, exceptId?: string): VenueVisitRow[] {
    const month = date.slice(0, 7);
    return (this.byVenue.get(venueId) ?? []).filter((row) => {
      if (row.id === exceptId) return false;
      if (period === 'month' || row.period === 'month') return row.visit_date.slice(0, 7) === month;
      return row.visit_date === date;
    });
  }
}

/**
 * Every rule a visit figure must meet beyond its schema: a real count for a
 * venue that was open then, not in the future, groups consistent with group
 * visitors, and no second count of the same day or month.
 */
export function visitProblems(venue: VenueRow, input: VisitInput, figures: StaffFigures, today: string, selfId?: string): FieldProblem<VisitField>[] {
  const problems: FieldProblem<VisitField>[] = [];
  const period = input.period ?? 'day';
  const groupVisitors = input.groupVisitors ?? 0;
  const groups = input.groups ?? 0;
  if (period === 'month' && !input.date.endsWith('-01')) problems.push({ field: 'date', code: 'VENUE_VISIT_MONTH_START', params: { date: input.date } });
  if (input.date > today) problems.push({ field: 'date', code: 'VENUE_VISIT_IN_FUTURE', params: { date: input.date } });
  const lastDay = period === 'month' ? `${input.date.slice(0, 7)}-31` : input.date;
  if (!venue.opened_on) problems.push({ field: 'date', code: 'VENUE_VISIT_NOT_OPEN', params: { venue: venue.name } });
  else if (lastDay < venue.opened_on) problems.push({ field: 'date', code: 'VENUE_VISIT_BEFORE_OPENING', params: { venue: venue.name, date: input.date, openedOn: venue.opened_on } });
  if (groups > groupVisitors) problems.push({ field: 'groups', code: 'VENUE_VISIT_GROUPS_EXCEED_VISITORS', params: { groups, groupVisitors } });
  if (groupVisitors > 0 && groups === 0) problems.push({ field: 'groups', code: 'VENUE_VISIT_GROUPS_MISSING' });
  const [clash] = figures.overlapping(venue.id, input.date, period, selfId);
  if (clash) {
    const same = clash.period === period && clash.visit_date === input.date;
    problems.push({
      field: 'date',
      code: same ? 'VENUE_VISIT_EXISTS' : 'VENUE_VISIT_PERIOD_OVERLAP',
      status: 409,
      params: { venue: venue.name, date: periodLabel(input.date, period), existing: periodLabel(clash.visit_date, clash.period), visitors: clash.individual_visitors + clash.group_visitors, existingId: clash.id },
    });
  }
  return problems;
}
