import { DatePicker, Form } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../app/i18n.tsx';
import { venueMessages } from './messages.ts';

/** A date picker whose value is the YYYY-MM-DD text a list's query takes (and the address bar keeps). */
function IsoDatePicker({ id, value, onChange }: { id?: string; value?: string; onChange?: (date: string | undefined) => void }) {
  return <DatePicker id={id} value={value ? dayjs(value) : null} onChange={(day) => onChange?.(day ? day.format('YYYY-MM-DD') : undefined)} style={{ width: 140 }} />;
}

/** 从 … 到 …: the from/to filters every dated list of the museum system takes. */
export function DateFilterFields() {
  const t = useT(venueMessages);
  return (
    <>
      <Form.Item name="from" label={t('from')}>
        <IsoDatePicker />
      </Form.Item>
      <Form.Item name="to" label={t('to')}>
        <IsoDatePicker />
      </Form.Item>
    </>
  );
}
