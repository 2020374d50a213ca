import { DatePicker, Flex, Form, Input, InputNumber, Radio } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../app/i18n.tsx';
import { appMessages } from '../../app/messages.ts';
import type { DialogControl } from '../../shared/FormModal.tsx';
import { withoutAriaRequired } from '../activities/without-aria-required.tsx';
import { createVisit, updateVisit, visitPeriods, type Visit } from './api.ts';
import { venueMessages } from './messages.ts';
import { RecordFormModal } from './RecordFormModal.tsx';
import { toVisitInput, visitFormValues, type VisitFormValues } from './record-forms.ts';

const RequiredRadioGroup = withoutAriaRequired(Radio.Group);
const fieldNames: (keyof VisitFormValues & string)[] = ['date', 'period', 'individualVisitors', 'groupVisitors', 'groups', 'note'];

/** 录入参观人次 / 更正参观人次: a day's or a month's visitors at one venue. */
export function VisitFormModal({ venueId, visit, onSaved, ...dialog }: DialogControl & { venueId: string; visit?: Visit; onSaved(visit: Visit): void }) {
  const t = useT(venueMessages);
  const tApp = useT(appMessages);
  const required = { required: true, message: tApp('required') };
  const initialValues = useMemo(() => visitFormValues(visit), [visit]);
  return (
    <RecordFormModal
      {...dialog}
      record={visit}
      titles={{ create: 'createVisit', edit: 'editVisit' }}
      initialValues={initialValues}
      fieldNames={fieldNames}
      toInput={toVisitInput}
      create={(input) => createVisit(venueId, input)}
      update={(id, input) => updateVisit(venueId, id, input)}
      onSaved={onSaved}
    >
      <Form.Item name="period" label={t('period')} extra={t('periodHint')} rules={[required]}>
        <RequiredRadioGroup options={visitPeriods.map((period) => ({ value: period, label: t(`period.${period}`) }))} />
      </Form.Item>
      <DateField />
      <Flex gap={16} wrap>
        <Form.Item name="individualVisitors" label={t('individualVisitors')} rules={[required]} style={{ flex: '1 1 140px' }}>
          <InputNumber min={0} max={10_000_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="groupVisitors" label={t('groupVisitors')} style={{ flex: '1 1 140px' }}>
          <InputNumber min={0} max={10_000_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="groups"
          label={t('groups')}
          extra={t('groupsHint')}
          dependencies={['groupVisitors']}
          style={{ flex: '1 1 140px' }}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, groups: number | null | undefined) =>
                (groups ?? 0) > (getFieldValue('groupVisitors') ?? 0) ? Promise.reject(new Error(t('groupsExceedVisitors'))) : Promise.resolve(),
            }),
          ]}
        >
          <InputNumber min={0} max={10_000_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Form.Item name="note" label={t('note')}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
    </RecordFormModal>
  );
}

/** 日期 for a day's figure, 月份 for a month's: the picker follows the chosen 统计方式. */
function DateField() {
  const t = useT(venueMessages);
  const tApp = useT(appMessages);
  const period = Form.useWatch('period', Form.useFormInstance<VisitFormValues>());
  const monthly = period === 'month';
  return (
    <Form.Item name="date" label={t(monthly ? 'month' : 'date')} rules={[{ required: true, message: tApp('required') }]}>
      <DatePicker picker={monthly ? 'month' : 'date'} style={{ width: '100%' }} />
    </Form.Item>
  );
}
