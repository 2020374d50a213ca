import dayjs, { type Dayjs } from 'dayjs';
import type { Activity, ActivityInput, ActivityMode } from './api.ts';

const isoDate = 'YYYY-MM-DD';

/** The activity form's values: dates as Dayjs for the pickers, optional numbers possibly left empty. */
export interface ActivityFormValues {
  title: string;
  typeId: string;
  campaignId?: string | null;
  series?: string;
  startDate: Dayjs;
  endDate: Dayjs;
  orgId: string;
  venue?: string;
  organiser?: string;
  partners?: string[];
  participants: number;
  mode: ActivityMode;
  quantity?: number | null;
  description?: string;
  /** 活动照片: media library ids. */
  evidenceMediaIds?: string[];
  /** 对公众公开 */
  public?: boolean;
}

/** The form's values for an existing activity; a new one starts as a one-day offline activity of the user's org. */
export function formValuesOf(activity: Activity | undefined, defaults: { orgId?: string } = {}): Partial<ActivityFormValues> {
  if (!activity) return { mode: 'offline', orgId: defaults.orgId, partners: [], evidenceMediaIds: [], public: false };
  return {
    title: activity.title,
    typeId: activity.typeId,
    campaignId: activity.campaignId,
    series: activity.series,
    startDate: dayjs(activity.startDate),
    endDate: dayjs(activity.endDate),
    orgId: activity.orgId,
    venue: activity.venue,
    organiser: activity.organiser,
    partners: activity.partners,
    participants: activity.participants,
    mode: activity.mode,
    quantity: activity.quantity,
    description: activity.description,
    evidenceMediaIds: activity.evidenceMediaIds,
    public: activity.public,
  };
}

const trimmed = (text: string | undefined) => (text ?? '').trim();

/**
 * What the server receives: text trimmed, blank partners dropped (a tag of
 * spaces is no 合作单位), an empty 主题活动 or 数量 sent as null so a
 * correction can clear it.
 */
export function toActivityInput(values: ActivityFormValues): ActivityInput {
  return {
    title: values.title.trim(),
    typeId: values.typeId,
    campaignId: values.campaignId || null,
    series: trimmed(values.series),
    startDate: values.startDate.format(isoDate),
    endDate: values.endDate.format(isoDate),
    orgId: values.orgId,
    venue: trimmed(values.venue),
    organiser: trimmed(values.organiser),
    partners: [...new Set((values.partners ?? []).map((partner) => partner.trim()).filter(Boolean))],
    participants: values.participants,
    mode: values.mode,
    quantity: values.quantity ?? null,
    description: trimmed(values.description),
    evidenceMediaIds: values.evidenceMediaIds ?? [],
    public: values.public ?? false,
  };
}

/** True when both dates are chosen and the activity would end before it starts. */
export const endsBeforeStart = (start: Dayjs | undefined | null, end: Dayjs | undefined | null) => Boolean(start && end && end.isBefore(start, 'day'));

/** The first and last day of a month, as the list's from/to filters. */
export function monthRange(month: Dayjs): { from: string; to: string } {
  return { from: month.startOf('month').format(isoDate), to: month.endOf('month').format(isoDate) };
}

/** Activities grouped by their start date (the day the calendar shows them on), each day in title order. */
export function byStartDate<T extends Pick<Activity, 'startDate' | 'title'>>(activities: T[]): Map<string, T[]> {
  const days = new Map<string, T[]>();
  for (const activity of activities) days.set(activity.startDate, [...(days.get(activity.startDate) ?? []), activity]);
  for (const list of days.values()) list.sort((a, b) => a.title.localeCompare(b.title, 'zh-CN'));
  return days;
}

/** 2024-03-05 or 2024-03-05 至 2024-03-07: one date when the activity lasts a day. */
export function dateSpan(activity: Pick<Activity, 'startDate' | 'endDate'>, separator: string): string {
  return activity.startDate === activity.endDate ? activity.startDate : `${activity.startDate}${separator}${activity.endDate}`;
}

/** The years the year filter offers: this year back to 2015, newest first. */
export function recentYears(now: Dayjs = dayjs(), first = 2015): number[] {
  const years: number[] = [];
  for (let year = now.year(); year >= first; year--) years.push(year);
  return years;
}
