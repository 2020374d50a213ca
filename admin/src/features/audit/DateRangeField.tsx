import { DatePicker, Form, Grid, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../app/i18n.tsx';
import { auditMessages } from './messages.ts';

/** Registers a form field that the pickers below set; renders nothing itself. */
function FieldHolder(_: { value?: string }) {
  return null;
}

interface DateRangeFieldProps {
  label: string;
  /** The two form fields (query parameters) that hold the range as ISO instants. */
  fromName: string;
  toName: string;
  id: string;
}

/**
 * A day range kept as two form fields, `from` at the start of the first day
 * and `to` at the end of the last, in the reader's time zone, as a list
 * endpoint's query expects. One RangePicker on a wide screen; on a phone, whose
 * width cannot hold the range picker's two months, two date pickers.
 */
export function DateRangeField({ label, fromName, toName, id }: DateRangeFieldProps) {
  const t = useT(auditMessages);
  const narrow = !Grid.useBreakpoint().sm;
  const form = Form.useFormInstance();
  const from: string | undefined = Form.useWatch(fromName, form);
  const to: string | undefined = Form.useWatch(toName, form);
  const start = from ? dayjs(from) : null;
  const end = to ? dayjs(to) : null;

  const setStart = (day: Dayjs | null | undefined) => form.setFieldValue(fromName, day?.startOf('day').toISOString());
  const setEnd = (day: Dayjs | null | undefined) => form.setFieldValue(toName, day?.endOf('day').toISOString());
  const placeholder: [string, string] = [t('startDate'), t('endDate')];

  return (
    <>
      <Form.Item name={fromName} noStyle>
        <FieldHolder />
      </Form.Item>
      <Form.Item name={toName} noStyle>
        <FieldHolder />
      </Form.Item>
      <Form.Item label={label} htmlFor={id}>
        {narrow ? (
          <Space.Compact>
            <DatePicker id={id} value={start} onChange={setStart} placeholder={placeholder[0]} disabledDate={(day) => !!end && day.isAfter(end, 'day')} style={{ width: 130 }} />
            <DatePicker
              aria-label={placeholder[1]}
              value={end}
              onChange={setEnd}
              placeholder={placeholder[1]}
              disabledDate={(day) => !!start && day.isBefore(start, 'day')}
              style={{ width: 130 }}
            />
          </Space.Compact>
        ) : (
          <DatePicker.RangePicker
            id={id}
            value={start || end ? [start, end] : null}
            allowEmpty={[true, true]}
            placeholder={placeholder}
            onChange={(range) => {
              setStart(range?.[0]);
              setEnd(range?.[1]);
            }}
            style={{ width: 250 }}
          />
        )}
      </Form.Item>
    </>
  );
}
