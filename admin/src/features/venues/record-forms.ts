import dayjs, { type Dayjs } from 'dayjs';
import type {
  Caravan, CaravanInput, CaravanStatus, CaravanTrip, DestinationKind, HostKind, OutreachInput, OutreachVisit, ShowInput, StopInput, TouringShow, TouringStop,
  TripInput, Venue, VenueFigures, VenueInput, VenueKind, VenueStatus, Visit, VisitInput, VisitPeriod,
} from './api.ts';

/**
 * The forms of the museum system as the console holds them (dates as Dayjs
 * for the pickers, optional numbers possibly empty) and as the server takes
 * them (text trimmed, dates as YYYY-MM-DD, empties as null or left out).
 */

const isoDate = 'YYYY-MM-DD';
const trimmed = (text: string | undefined | null) => (text ?? '').trim();
const dateOf = (text: string | null | undefined) => (text ? dayjs(text) : undefined);

export interface VenueFormValues {
  name: string;
  kind: VenueKind;
  ownerOrgId: string;
  countyOrgId: string;
  address?: string;
  openedOn?: Dayjs | null;
  status: VenueStatus;
  capacity?: number | null;
}

/** A new venue starts as a museum of the user's org, in operation. */
export function venueFormValues(venue: Venue | undefined, defaults: { orgId?: string } = {}): Partial<VenueFormValues> {
  if (!venue) return { kind: 'museum', status: 'open', ownerOrgId: defaults.orgId };
  return {
    name: venue.name,
    kind: venue.kind,
    ownerOrgId: venue.ownerOrgId,
    countyOrgId: venue.countyOrgId,
    address: venue.address,
    openedOn: dateOf(venue.openedOn),
    status: venue.status,
    capacity: venue.capacity,
  };
}

export function toVenueInput(values: VenueFormValues): VenueInput {
  return {
    name: values.name.trim(),
    kind: values.kind,
    ownerOrgId: values.ownerOrgId,
    countyOrgId: values.countyOrgId,
    address: trimmed(values.address),
    openedOn: values.openedOn ? values.openedOn.format(isoDate) : null,
    status: values.status,
    capacity: values.capacity ?? null,
  };
}

export interface VisitFormValues {
  period: VisitPeriod;
  /** The day counted, or any day of the month counted. */
  date: Dayjs;
  individualVisitors: number;
  groupVisitors?: number | null;
  groups?: number | null;
  note?: string;
}

export function visitFormValues(visit: Visit | undefined): Partial<VisitFormValues> {
  if (!visit) return { period: 'day', groupVisitors: 0, groups: 0 };
  return { period: visit.period, date: dayjs(visit.date), individualVisitors: visit.individualVisitors, groupVisitors: visit.groupVisitors, groups: visit.groups, note: visit.note };
}

/** A monthly figure is dated the first of its month, whichever day the picker holds. */
export function toVisitInput(values: VisitFormValues): VisitInput {
  const date = values.period === 'month' ? values.date.startOf('month') : values.date;
  return {
    date: date.format(isoDate),
    period: values.period,
    individualVisitors: values.individualVisitors,
    groupVisitors: values.groupVisitors ?? 0,
    groups: values.groups ?? 0,
    note: trimmed(values.note),
  };
}

/** 2024-05-01 for a day, 2024-05 for a month's figure. */
export const visitDateLabel = (visit: Pick<Visit, 'date' | 'period'>) => (visit.period === 'month' ? visit.date.slice(0, 7) : visit.date);

export interface OutreachFormValues {
  date: Dayjs;
  schoolName: string;
  countyOrgId: string;
  activity: string;
  people: number;
  note?: string;
}

export function outreachFormValues(outreach: OutreachVisit | undefined, defaults: { countyOrgId?: string } = {}): Partial<OutreachFormValues> {
  if (!outreach) return { countyOrgId: defaults.countyOrgId };
  return { date: dayjs(outreach.date), schoolName: outreach.schoolName, countyOrgId: outreach.countyOrgId, activity: outreach.activity, people: outreach.people, note: outreach.note };
}

export function toOutreachInput(values: OutreachFormValues): OutreachInput {
  return { date: values.date.format(isoDate), schoolName: values.schoolName.trim(), countyOrgId: values.countyOrgId, activity: values.activity.trim(), people: values.people, note: trimmed(values.note) };
}

export interface CaravanFormValues {
  name: string;
  ownerOrgId: string;
  status: CaravanStatus;
  note?: string;
}

export function caravanFormValues(caravan: Caravan | undefined, defaults: { orgId?: string } = {}): Partial<CaravanFormValues> {
  if (!caravan) return { status: 'active', ownerOrgId: defaults.orgId };
  return { name: caravan.name, ownerOrgId: caravan.ownerOrgId, status: caravan.status, note: caravan.note };
}

export function toCaravanInput(values: CaravanFormValues): CaravanInput {
  return { name: values.name.trim(), ownerOrgId: values.ownerOrgId, status: values.status, note: trimmed(values.note) };
}

export interface TripFormValues {
  date: Dayjs;
  destination: string;
  destinationKind: DestinationKind;
  countyOrgId: string;
  km: number;
  activities?: number | null;
  people: number;
  note?: string;
}

export function tripFormValues(trip: CaravanTrip | undefined): Partial<TripFormValues> {
  if (!trip) return { destinationKind: 'school', activities: 1 };
  return { date: dayjs(trip.date), destination: trip.destination, destinationKind: trip.destinationKind, countyOrgId: trip.countyOrgId, km: trip.km, activities: trip.activities, people: trip.people, note: trip.note };
}

/** An empty 活动次数 counts as one activity, as in the trip import. */
export function toTripInput(values: TripFormValues): TripInput {
  return {
    date: values.date.format(isoDate),
    destination: values.destination.trim(),
    destinationKind: values.destinationKind,
    countyOrgId: values.countyOrgId,
    km: values.km,
    activities: values.activities ?? 1,
    people: values.people,
    note: trimmed(values.note),
  };
}

export interface ShowFormValues {
  name: string;
  ownerOrgId: string;
  description?: string;
}

export function showFormValues(show: TouringShow | undefined, defaults: { orgId?: string } = {}): Partial<ShowFormValues> {
  if (!show) return { ownerOrgId: defaults.orgId };
  return { name: show.name, ownerOrgId: show.ownerOrgId, description: show.description };
}

export function toShowInput(values: ShowFormValues): ShowInput {
  return { name: values.name.trim(), ownerOrgId: values.ownerOrgId, description: trimmed(values.description) };
}

export interface StopFormValues {
  hostKind: HostKind;
  hostVenueId?: string | null;
  hostName?: string;
  countyOrgId?: string | null;
  startDate: Dayjs;
  endDate: Dayjs;
  visits: number;
  note?: string;
}

export function stopFormValues(stop: TouringStop | undefined): Partial<StopFormValues> {
  if (!stop) return { hostKind: 'school' };
  return {
    hostKind: stop.hostKind,
    hostVenueId: stop.hostVenueId,
    hostName: stop.hostName,
    countyOrgId: stop.countyOrgId,
    startDate: dayjs(stop.startDate),
    endDate: dayjs(stop.endDate),
    visits: stop.visits,
    note: stop.note,
  };
}

/**
 * A venue host is named and placed by its own record, so only its id is
 * sent; a school or place is named and placed here.
 */
export function toStopInput(values: StopFormValues): StopInput {
  const common = { hostKind: values.hostKind, startDate: values.startDate.format(isoDate), endDate: values.endDate.format(isoDate), visits: values.visits, note: trimmed(values.note) };
  return values.hostKind === 'venue'
    ? { ...common, hostVenueId: values.hostVenueId ?? null, hostName: '', countyOrgId: null }
    : { ...common, hostVenueId: null, hostName: trimmed(values.hostName), countyOrgId: values.countyOrgId ?? null };
}

/** A stop's end day is checked against its start as any date range is. */
export { endsBeforeStart } from '../../shared/date-range.ts';

export interface KindCount {
  kind: VenueKind;
  label: string;
  count: number;
  /** How many of them are in each status, in the statuses' order, leaving out the empty ones. */
  byStatus: { status: VenueStatus; label: string; count: number }[];
}

/** The venues by kind and status, folded into one entry per kind that has any, in the kinds' order. */
export function venuesByKind(rows: VenueFigures['venues']['byKindAndStatus'], kinds: readonly VenueKind[], statuses: readonly VenueStatus[]): KindCount[] {
  return kinds.flatMap((kind) => {
    const ofKind = rows.filter((row) => row.kind === kind && row.count > 0);
    if (ofKind.length === 0) return [];
    const byStatus = statuses.flatMap((status) => ofKind.filter((row) => row.status === status).map((row) => ({ status, label: row.statusLabel, count: row.count })));
    return [{ kind, label: ofKind[0]!.kindLabel, count: ofKind.reduce((sum, row) => sum + row.count, 0), byStatus }];
  });
}
