import { Tag } from 'antd';
import { useT } from '../../app/i18n.tsx';
import type { BookingStatus } from './api.ts';
import { bookingMessages } from './messages.ts';

// Solid tags in dark shades, so the white text reads at 4.5:1 or better.
const statusColours: Record<BookingStatus, string> = {
  booked: '#0958d9',
  confirmed: '#237804',
  waitlisted: '#ad4e00',
  attended: '#135200',
  no_show: '#595959',
  refused: '#cf1322',
  cancelled: '#595959',
};

export function BookingStatusTag({ status }: { status: BookingStatus }) {
  const t = useT(bookingMessages);
  return <Tag color={statusColours[status]}>{t(`status.${status}`)}</Tag>;
}
