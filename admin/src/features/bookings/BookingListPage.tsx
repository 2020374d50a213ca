import { Card, Grid, Tabs, Typography } from 'antd';
import { useBreadcrumbs } from '../../app/AppLayout.tsx';
import { useT } from '../../app/i18n.tsx';
import { pageTitleStyle } from '../orgs/page-title.ts';
import { BookingsTab } from './BookingsTab.tsx';
import { SlotsTab } from './SlotsTab.tsx';
import { bookingMessages } from './messages.ts';

/** /bookings: 团体预约 — the bookings of the venues in scope, and each venue's time slots. */
export default function BookingListPage() {
  const t = useT(bookingMessages);
  const narrow = !Grid.useBreakpoint().sm;
  useBreadcrumbs([{ title: t('title') }]);
  return (
    <Card size={narrow ? 'small' : 'default'} title={<Typography.Title level={1} style={pageTitleStyle}>{t('title')}</Typography.Title>}>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'bookings', label: t('tabBookings'), children: <BookingsTab /> },
          { key: 'slots', label: t('tabSlots'), children: <SlotsTab /> },
        ]}
      />
    </Card>
  );
}
