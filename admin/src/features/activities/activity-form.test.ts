import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { byStartDate, dateSpan, endsBeforeStart, formValuesOf, monthRange, recentYears, toActivityInput, type ActivityFormValues } from './activity-form.ts';

const values: ActivityFormValues = {
  title: '  科普讲堂：走进人工智能 ',
  typeId: 'type-1',
  campaignId: undefined,
  series: ' 科普讲堂 ',
  startDate: dayjs('2024-05-18'),
  endDate: dayjs('2024-05-19'),
  orgId: 'org-1',
  venue: '方城县文化馆',
  organiser: undefined,
  partners: ['方城县教育局', '  ', '方城县教育局', ' 县图书馆 '],
  participants: 320,
  mode: 'offline',
  quantity: undefined,
  description: '',
  evidenceMediaIds: ['media-1'],
  public: true,
};

describe('toActivityInput', () => {
  it('trims text, drops blank and repeated partners, and sends an empty campaign and quantity as null', () => {
    expect(toActivityInput(values)).toEqual({
      title: '科普讲堂：走进人工智能',
      typeId: 'type-1',
      campaignId: null,
      series: '科普讲堂',
      startDate: '2024-05-18',
      endDate: '2024-05-19',
      orgId: 'org-1',
      venue: '方城县文化馆',
      organiser: '',
      partners: ['方城县教育局', '县图书馆'],
      participants: 320,
      mode: 'offline',
      quantity: null,
      description: '',
      evidenceMediaIds: ['media-1'],
      public: true,
    });
  });

  it('starts a new activity internal: it reaches the portal only when someone says so', () => {
    expect(formValuesOf(undefined).public).toBe(false);
    expect(toActivityInput({ ...values, public: undefined }).public).toBe(false);
  });

  it('keeps a quantity of 0, which is a figure and not an empty field', () => {
    expect(toActivityInput({ ...values, quantity: 0 }).quantity).toBe(0);
  });

  it('round-trips an activity through the form unchanged', () => {
    const input = toActivityInput(values);
    const activity = { ...(input as Required<typeof input>), id: 'a', orgName: '', typeName: '', unit: '场', campaignName: null, status: 'returned' as const, returnReason: 'x', verifiedAt: null, createdAt: '', updatedAt: '', permissions: { edit: true, verify: false } };
    expect(toActivityInput(formValuesOf(activity) as ActivityFormValues)).toEqual(input);
  });
});

describe('date helpers', () => {
  it('flags an end before the start, not the same day nor a missing date', () => {
    expect(endsBeforeStart(dayjs('2024-05-18'), dayjs('2024-05-17'))).toBe(true);
    expect(endsBeforeStart(dayjs('2024-05-18'), dayjs('2024-05-18'))).toBe(false);
    expect(endsBeforeStart(dayjs('2024-05-18'), undefined)).toBe(false);
  });

  it('gives a month’s first and last day, February of a leap year included', () => {
    expect(monthRange(dayjs('2024-02-10'))).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });

  it('shows one date for a one-day activity and a span otherwise', () => {
    expect(dateSpan({ startDate: '2024-05-18', endDate: '2024-05-18' }, ' 至 ')).toBe('2024-05-18');
    expect(dateSpan({ startDate: '2024-05-18', endDate: '2024-05-20' }, ' 至 ')).toBe('2024-05-18 至 2024-05-20');
  });

  it('groups activities on their start day, in title order', () => {
    const days = byStartDate([
      { startDate: '2024-05-18', title: '科技馆开放日' },
      { startDate: '2024-05-20', title: '防震减灾讲座' },
      { startDate: '2024-05-18', title: '安全用电展板' },
    ]);
    expect([...days.keys()]).toEqual(['2024-05-18', '2024-05-20']);
    expect(days.get('2024-05-18')!.map((a) => a.title)).toEqual(['安全用电展板', '科技馆开放日']);
  });

  it('offers the years from this one back to the first', () => {
    expect(recentYears(dayjs('2026-03-01'), 2023)).toEqual([2026, 2025, 2024, 2023]);
  });
});
