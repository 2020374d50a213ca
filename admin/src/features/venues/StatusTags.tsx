import { Tag } from 'antd';
import { useT } from '../../app/i18n.tsx';
import type { CaravanStatus, VenueStatus } from './api.ts';
import { venueMessages } from './messages.ts';

// Solid tags in dark shades, so the white text reads at 4.5:1 or better (Ant Design's light tags do not).
const venueStatusColours: Record<VenueStatus, string> = { planned: '#595959', under_construction: '#ad4e00', open: '#237804', closed: '#cf1322' };
const caravanStatusColours: Record<CaravanStatus, string> = { active: '#237804', retired: '#595959' };
export const bookingSourceColour = '#0958d9';

/** 规划中 · 在建 · 开放 · 闭馆 */
export function VenueStatusTag({ status }: { status: VenueStatus }) {
  const t = useT(venueMessages);
  return <Tag color={venueStatusColours[status]}>{t(`status.${status}`)}</Tag>;
}

/** 在用 · 停用 */
export function CaravanStatusTag({ status }: { status: CaravanStatus }) {
  const t = useT(venueMessages);
  return <Tag color={caravanStatusColours[status]}>{t(`caravanStatus.${status}`)}</Tag>;
}
