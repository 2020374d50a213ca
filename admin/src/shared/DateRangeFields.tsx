import { DatePicker, Flex, Form } from 'antd';
import { useT } from '../app/i18n.tsx';
import { appMessages } from '../app/messages.ts';
import { endsBeforeStart } from './date-range.ts';

interface DateRangeFieldsProps {
  startLabel: string;
  endLabel: string;
  /** The error under the end date when it comes before the start. */
  endBeforeStartMessage: string;
}

/** 开始日期 and 结束日期 side by side, both required, the end checked against the start: form fields named `startDate` and `endDate`. */
export function DateRangeFields({ startLabel, endLabel, endBeforeStartMessage }: DateRangeFieldsProps) {
  const tApp = useT(appMessages);
  const required = { required: true, message: tApp('required') };
  return (
    <Flex gap={16} wrap>
      <Form.Item name="startDate" label={startLabel} rules={[required]} style={{ flex: '1 1 160px' }}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="endDate"
        label={endLabel}
        dependencies={['startDate']}
        style={{ flex: '1 1 160px' }}
        rules={[
          required,
          ({ getFieldValue }) => ({
            validator: (_, end) => (endsBeforeStart(getFieldValue('startDate'), end) ? Promise.reject(new Error(endBeforeStartMessage)) : Promise.resolve()),
          }),
        ]}
      >
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </Flex>
  );
}
