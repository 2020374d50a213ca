import { Form, InputNumber, Radio } from 'antd';
import { useT } from '../../app/i18n.tsx';
import { appMessages } from '../../app/messages.ts';
import { FormModal, type DialogControl } from '../../shared/FormModal.tsx';
import { recordAttendance, type Booking } from './api.ts';
import { bookingMessages } from './messages.ts';

interface AttendanceValues {
  came: 'yes' | 'no';
  people?: number;
}

/** 登记到馆: the group came with this many people (counted in the venue's visits for the day), or did not come. */
export function AttendanceModal({ booking, onSaved, ...dialog }: DialogControl & { booking: Booking; onSaved(): void }) {
  const t = useT(bookingMessages);
  const tApp = useT(appMessages);
  return (
    <FormModal<AttendanceValues, Booking>
      {...dialog}
      title={t('attendanceTitle', { organisation: booking.organisation })}
      name="attendance"
      intro={<p>{t('attendanceIntro', { date: booking.date, time: `${booking.startsAt}–${booking.endsAt}`, people: booking.people })}</p>}
      initialValues={{ came: booking.status === 'no_show' ? 'no' : 'yes', people: booking.attendedPeople ?? booking.people }}
      fieldNames={['came', 'people']}
      savedMessage={t('attendanceSaved')}
      onSubmit={(values) => recordAttendance(booking.id, values.came === 'yes' ? { attended: true, people: values.people } : { attended: false })}
      onSaved={onSaved}
    >
      <Form.Item name="came" label={t('cameQuestion')} rules={[{ required: true, message: tApp('required') }]}>
        <Radio.Group
          options={[
            { value: 'yes', label: t('came') },
            { value: 'no', label: t('noShow') },
          ]}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={['came']}>
        {({ getFieldValue }) =>
          getFieldValue('came') === 'yes' && (
            <Form.Item name="people" label={t('attendedPeople')} rules={[{ required: true, message: tApp('required') }]}>
              <InputNumber min={1} max={2000} precision={0} style={{ width: 160 }} />
            </Form.Item>
          )
        }
      </Form.Item>
    </FormModal>
  );
}
