import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { venueKinds, venueStatuses, type TouringStop, type Venue, type VenueFigures } from './api.ts';
import { endsBeforeStart, stopFormValues, toStopInput, toTripInput, toVenueInput, toVisitInput, venueFormValues, venuesByKind, visitDateLabel, type StopFormValues } from './record-forms.ts';

describe('venue form', () => {
  it('sends trimmed text, the opening date as YYYY-MM-DD and an empty capacity or date as null', () => {
    const input = toVenueInput({ name: ' 新野县科技馆 ', kind: 'museum', ownerOrgId: 'org-xy', countyOrgId: 'org-xy', address: '  ', openedOn: dayjs('2024-05-18'), status: 'open', capacity: undefined });
    expect(input).toEqual({ name: '新野县科技馆', kind: 'museum', ownerOrgId: 'org-xy', countyOrgId: 'org-xy', address: '', openedOn: '2024-05-18', status: 'open', capacity: null });
    expect(toVenueInput({ name: '社旗县科技馆', kind: 'museum', ownerOrgId: 'o', countyOrgId: 'c', openedOn: null, status: 'under_construction' }).openedOn).toBeNull();
  });

  it('starts a new venue as an open museum of the user’s org and reads an existing one back unchanged', () => {
    expect(venueFormValues(undefined, { orgId: 'org-1' })).toEqual({ kind: 'museum', status: 'open', ownerOrgId: 'org-1' });
    const venue = { id: 'v', name: '南阳市科技馆', kind: 'museum', ownerOrgId: 'o', countyOrgId: 'c', address: '南阳市', openedOn: '2010-09-01', status: 'open', capacity: 3000 } as Venue;
    expect(toVenueInput(venueFormValues(venue) as Parameters<typeof toVenueInput>[0])).toEqual({ name: '南阳市科技馆', kind: 'museum', ownerOrgId: 'o', countyOrgId: 'c', address: '南阳市', openedOn: '2010-09-01', status: 'open', capacity: 3000 });
  });
});

describe('visit form', () => {
  it('dates a monthly figure the first of its month, whichever day the picker holds', () => {
    expect(toVisitInput({ period: 'month', date: dayjs('2024-05-17'), individualVisitors: 12_000 }).date).toBe('2024-05-01');
    expect(toVisitInput({ period: 'day', date: dayjs('2024-05-17'), individualVisitors: 800 }).date).toBe('2024-05-17');
  });

  it('counts empty group fields as zero and trims the note', () => {
    expect(toVisitInput({ period: 'day', date: dayjs('2024-05-17'), individualVisitors: 800, groupVisitors: null, groups: undefined, note: ' 雨天 ' })).toEqual({
      date: '2024-05-17', period: 'day', individualVisitors: 800, groupVisitors: 0, groups: 0, note: '雨天',
    });
  });

  it('labels a month’s figure by its month and a day’s by its date', () => {
    expect(visitDateLabel({ date: '2024-05-01', period: 'month' })).toBe('2024-05');
    expect(visitDateLabel({ date: '2024-05-01', period: 'day' })).toBe('2024-05-01');
  });
});

describe('trip form', () => {
  it('counts an empty 活动次数 as one activity', () => {
    const trip = toTripInput({ date: dayjs('2024-04-18'), destination: ' 方城县第一初级中学 ', destinationKind: 'school', countyOrgId: 'c', km: 86, activities: null, people: 760 });
    expect(trip).toMatchObject({ date: '2024-04-18', destination: '方城县第一初级中学', activities: 1, note: '' });
  });
});

describe('stop form', () => {
  const base: StopFormValues = { hostKind: 'venue', hostVenueId: 'venue-1', hostName: '旧名称', countyOrgId: 'county-1', startDate: dayjs('2024-03-01'), endDate: dayjs('2024-03-20'), visits: 12_000 };

  it('sends only the venue for a venue host, which names and places the stop itself', () => {
    expect(toStopInput(base)).toEqual({ hostKind: 'venue', hostVenueId: 'venue-1', hostName: '', countyOrgId: null, startDate: '2024-03-01', endDate: '2024-03-20', visits: 12_000, note: '' });
  });

  it('sends the name and county for a school or place, and no venue even if one was chosen before switching', () => {
    expect(toStopInput({ ...base, hostKind: 'school', hostName: ' 唐河县第一高级中学 ' })).toMatchObject({ hostKind: 'school', hostVenueId: null, hostName: '唐河县第一高级中学', countyOrgId: 'county-1' });
  });

  it('reads a stored stop back into the same input', () => {
    const stop = { hostKind: 'place', hostVenueId: null, hostName: '白河广场', countyOrgId: 'c', startDate: '2024-06-01', endDate: '2024-06-03', visits: 5000, note: '' } as unknown as TouringStop;
    expect(toStopInput(stopFormValues(stop) as StopFormValues)).toEqual({ hostKind: 'place', hostVenueId: null, hostName: '白河广场', countyOrgId: 'c', startDate: '2024-06-01', endDate: '2024-06-03', visits: 5000, note: '' });
  });

  it('finds an end before the start only when both dates are chosen', () => {
    expect(endsBeforeStart(dayjs('2024-03-02'), dayjs('2024-03-01'))).toBe(true);
    expect(endsBeforeStart(dayjs('2024-03-02'), dayjs('2024-03-02'))).toBe(false);
    expect(endsBeforeStart(undefined, dayjs('2024-03-01'))).toBe(false);
  });
});

describe('venues by kind', () => {
  const row = (kind: Venue['kind'], status: Venue['status'], count: number) => ({ kind, kindLabel: `K:${kind}`, status, statusLabel: `S:${status}`, count });
  const rows: VenueFigures['venues']['byKindAndStatus'] = [row('museum', 'under_construction', 2), row('rural_school_museum', 'open', 12), row('museum', 'open', 7), row('digital_museum', 'open', 0)];

  it('folds the rows into one entry per kind in the kinds’ order, with its statuses in order and empty ones left out', () => {
    expect(venuesByKind(rows, venueKinds, venueStatuses)).toEqual([
      { kind: 'museum', label: 'K:museum', count: 9, byStatus: [{ status: 'under_construction', label: 'S:under_construction', count: 2 }, { status: 'open', label: 'S:open', count: 7 }] },
      { kind: 'rural_school_museum', label: 'K:rural_school_museum', count: 12, byStatus: [{ status: 'open', label: 'S:open', count: 12 }] },
    ]);
  });
});
