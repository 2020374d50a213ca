import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Form, Input, InputNumber, Select } from 'antd';
import { useT } from '../../app/i18n.tsx';
import { appMessages } from '../../app/messages.ts';
import { FormModal, type DialogControl } from '../../shared/FormModal.tsx';
import { generateSlots, type GenerateSlotsInput, type GenerateSlotsResult } from './api.ts';
import { bookingMessages } from './messages.ts';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const clockTime = /^([01]\d|2[0-3]):[0-5]\d$/;
const weekdays = [
  [1, 'weekday.1'],
  [2, 'weekday.2'],
  [3, 'weekday.3'],
  [4, 'weekday.4'],
  [5, 'weekday.5'],
  [6, 'weekday.6'],
  [7, 'weekday.7'],
] as const;

/** 生成时段: opening days × the day's time ranges over a date range (at first, the one the list shows), with closure dates left out. */
export function GenerateSlotsModal({ venueId, range, onGenerated, ...dialog }: DialogControl & { venueId: string; range: { from: string; to: string }; onGenerated(result: GenerateSlotsResult): void }) {
  const t = useT(bookingMessages);
  const tApp = useT(appMessages);
  const required = { required: true, message: tApp('required') };
  const date = [required, { pattern: isoDate, message: t('dateFormat') }];
  return (
    <FormModal<GenerateSlotsInput, GenerateSlotsResult>
      {...dialog}
      title={t('generateTitle')}
      name="generateSlots"
      intro={<p>{t('generateIntro')}</p>}
      initialValues={{ ...range, weekdays: [2, 3, 4, 5, 6, 7], times: [{ start: '09:00', end: '11:00' }, { start: '14:00', end: '16:00' }], capacity: 60, closedDates: [] }}
      fieldNames={['from', 'to', 'weekdays', 'times', 'capacity', 'closedDates']}
      onSubmit={(plan) => generateSlots(venueId, plan)}
      onSaved={onGenerated}
    >
      <Flex gap={12} wrap>
        <Form.Item name="from" label={t('from')} rules={date} style={{ flex: '1 1 140px' }}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="to" label={t('to')} rules={date} style={{ flex: '1 1 140px' }}>
          <Input type="date" />
        </Form.Item>
      </Flex>
      <Form.Item name="weekdays" label={t('weekdays')} rules={[required]}>
        <Checkbox.Group options={weekdays.map(([day, key]) => ({ value: day, label: t(key) }))} />
      </Form.Item>
      <Form.List name="times">
        {(fields, { add, remove }) => (
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <legend style={{ fontSize: 14, marginBottom: 8 }}>{t('times')}</legend>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="baseline">
                <Form.Item name={[field.name, 'start']} label={t('start')} rules={[required, { pattern: clockTime, message: 'HH:MM' }]}>
                  <Input type="time" />
                </Form.Item>
                <Form.Item name={[field.name, 'end']} label={t('end')} rules={[required, { pattern: clockTime, message: 'HH:MM' }]}>
                  <Input type="time" />
                </Form.Item>
                {fields.length > 1 && <Button type="text" icon={<MinusCircleOutlined aria-hidden />} aria-label={t('removeTime', { n: index + 1 })} onClick={() => remove(field.name)} />}
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({ start: '', end: '' })} style={{ marginBottom: 16 }}>
              {t('addTime')}
            </Button>
          </fieldset>
        )}
      </Form.List>
      <Form.Item name="capacity" label={t('capacity')} rules={[required]}>
        <InputNumber min={1} max={2000} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        name="closedDates"
        label={t('closedDates')}
        extra={t('closedDatesHint')}
        rules={[{ validator: async (_, dates: string[] | undefined) => ((dates ?? []).every((d) => isoDate.test(d)) ? undefined : Promise.reject(new Error(t('dateFormat')))) }]}
      >
        <Select mode="tags" open={false} tokenSeparators={[',', '，', ' ']} />
      </Form.Item>
    </FormModal>
  );
}
