import { translate } from '../../platform/i18n/catalogue.ts';
import './portal.messages.ts';
import './portal.activities.messages.ts';

/** The portal prints zh-CN (the en-US catalogue entries serve the console and API clients). */
export const t = (key: string, params?: Record<string, unknown>): string => translate('zh-CN', key, params);

const beijing = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
const beijingTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** 2024-05-30, in Beijing time whatever the server's zone. */
export function beijingDate(iso: string): string {
  return beijing.format(new Date(iso));
}

/** Today's date in Beijing, 2024-05-30: what "upcoming" and "ended" are measured from. */
export function beijingToday(): string {
  return beijing.format(new Date());
}

/** 2024-05-30 09:30, in Beijing time. */
export function beijingDateTime(iso: string): string {
  const date = new Date(iso);
  return `${beijing.format(date)} ${beijingTime.format(date)}`;
}

/** 1.2 MB, 340 KB: attachment sizes as a reader expects them. */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
