import { App, Button, Form, Input, Select, Space, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { appMessages } from '../../app/messages.ts';
import { ReasonModal } from '../../shared/ReasonModal.tsx';
import { ServerTable } from '../../shared/ServerTable.tsx';
import { useDialogState } from '../../shared/dialog-state.ts';
import { AttendanceModal } from './AttendanceModal.tsx';
import { BookingStatusTag } from './BookingStatusTag.tsx';
import { bookingStatuses, confirmBooking, fetchBookings, refuseBooking, useBookableVenues, type Booking } from './api.ts';
import { bookingMessages } from './messages.ts';

type Decision = { kind: 'refuse' | 'attendance'; booking: Booking };

/** The bookings of the venues in scope, filtered by venue, dates, status or words; confirm, refuse and record attendance. */
export function BookingsTab() {
  const t = useT(bookingMessages);
  const tApp = useT(appMessages);
  const { message } = App.useApp();
  const { hasRole } = useAuth();
  const canManage = hasRole('admin', 'reporter');
  const venues = useBookableVenues();
  const [reloadKey, setReloadKey] = useState(0);
  const dialog = useDialogState<Decision>();
  const reload = () => setReloadKey((n) => n + 1);

  const confirm = async (booking: Booking) => {
    try {
      await confirmBooking(booking.id);
      message.success(t('confirmed', { reference: booking.reference }));
      reload();
    } catch (err) {
      message.error(err instanceof Error ? err.message : String(err));
    }
  };

  const columns: TableColumnsType<Booking> = [
    { key: 'slot', title: t('slot'), render: (_, b) => `${b.date} ${b.startsAt}–${b.endsAt}` },
    { key: 'venue', title: t('venue'), dataIndex: 'venueName' },
    { key: 'organisation', title: t('organisation'), dataIndex: 'organisation' },
    {
      key: 'people',
      title: t('people'),
      render: (_, b) => (b.attendedPeople !== null && b.status === 'attended' ? `${b.people}（${t('attended', { people: b.attendedPeople })}）` : b.people),
    },
    { key: 'contact', title: t('contact'), render: (_, b) => `${b.contactName} ${b.contactPhone}` },
    { key: 'reference', title: t('reference'), dataIndex: 'reference' },
    { key: 'status', title: t('status'), render: (_, b) => <BookingStatusTag status={b.status} /> },
    ...(canManage
      ? [
          {
            key: 'actions',
            title: tApp('actions'),
            fixed: 'right' as const,
            render: (_: unknown, b: Booking) => (
              <Space size={0} role="group" aria-label={t('rowActions', { reference: b.reference })}>
                {b.status === 'booked' && (
                  <Button type="link" size="small" onClick={() => confirm(b)}>
                    {t('confirm')}
                  </Button>
                )}
                {(b.status === 'booked' || b.status === 'waitlisted') && (
                  <Button type="link" size="small" danger onClick={() => dialog.show({ kind: 'refuse', booking: b })}>
                    {t('refuse')}
                  </Button>
                )}
                {(b.status === 'confirmed' || b.status === 'attended' || b.status === 'no_show') && (
                  <Button type="link" size="small" onClick={() => dialog.show({ kind: 'attendance', booking: b })}>
                    {t('attendance')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  const subject = dialog.subject;
  return (
    <>
      <ServerTable<Booking>
        ariaLabel={t('tableLabel')}
        fetchPage={fetchBookings}
        columns={columns}
        rowKey={(b) => b.id}
        emptyDescription={t('noBookings')}
        reloadKey={reloadKey}
        filters={
          <>
            <Form.Item name="venueId" label={t('venue')}>
              <Select options={(venues ?? []).map((v) => ({ value: v.id, label: v.name }))} loading={!venues} showSearch optionFilterProp="label" allowClear placeholder={t('all')} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="from" label={t('from')}>
              <Input type="date" />
            </Form.Item>
            <Form.Item name="to" label={t('to')}>
              <Input type="date" />
            </Form.Item>
            <Form.Item name="status" label={t('status')}>
              <Select options={bookingStatuses.map((status) => ({ value: status, label: t(`status.${status}`) }))} allowClear placeholder={t('all')} style={{ width: 110 }} />
            </Form.Item>
            <Form.Item name="q" label={t('keyword')}>
              <Input placeholder={t('keywordPlaceholder')} allowClear style={{ width: 200 }} />
            </Form.Item>
          </>
        }
      />
      {subject?.kind === 'refuse' && (
        <ReasonModal
          open={dialog.open}
          title={t('refuseTitle', { reference: subject.booking.reference })}
          okText={t('refuse')}
          label={t('refuseReason')}
          hint={t('refuseReasonHint')}
          tooShort={t('refuseReasonTooShort')}
          formName="refuseBooking"
          onSubmit={async (reason) => {
            await refuseBooking(subject.booking.id, reason);
            dialog.hide();
            reload();
          }}
          onClose={dialog.hide}
          afterClose={dialog.afterClose}
        />
      )}
      {subject?.kind === 'attendance' && <AttendanceModal booking={subject.booking} open={dialog.open} onClose={dialog.hide} afterClose={dialog.afterClose} onSaved={reload} />}
    </>
  );
}
