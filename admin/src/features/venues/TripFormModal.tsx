import { DatePicker, Flex, Form, Input, InputNumber, Radio } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../app/i18n.tsx';
import { appMessages } from '../../app/messages.ts';
import type { DialogControl } from '../../shared/FormModal.tsx';
import { withoutAriaRequired } from '../activities/without-aria-required.tsx';
import { CountySelect } from './CountySelect.tsx';
import { createTrip, destinationKinds, updateTrip, type CaravanTrip } from './api.ts';
import { venueMessages } from './messages.ts';
import { RecordFormModal } from './RecordFormModal.tsx';
import { toTripInput, tripFormValues, type TripFormValues } from './record-forms.ts';

const RequiredRadioGroup = withoutAriaRequired(Radio.Group);
const fieldNames: (keyof TripFormValues & string)[] = ['date', 'destination', 'destinationKind', 'countyOrgId', 'km', 'activities', 'people', 'note'];

/** 新增出车记录 / 编辑出车记录: one trip of one vehicle. */
export function TripFormModal({ caravanId, trip, onSaved, ...dialog }: DialogControl & { caravanId: string; trip?: CaravanTrip; onSaved(trip: CaravanTrip): void }) {
  const t = useT(venueMessages);
  const tApp = useT(appMessages);
  const required = { required: true, message: tApp('required') };
  const initialValues = useMemo(() => tripFormValues(trip), [trip]);
  const count = (name: 'km' | 'activities' | 'people', label: string, max: number, options: { required?: boolean; extra?: string } = {}) => (
    <Form.Item name={name} label={label} extra={options.extra} rules={options.required ? [required] : []} style={{ flex: '1 1 120px' }}>
      <InputNumber min={0} max={max} precision={0} style={{ width: '100%' }} />
    </Form.Item>
  );
  return (
    <RecordFormModal
      {...dialog}
      record={trip}
      titles={{ create: 'createTrip', edit: 'editTrip' }}
      initialValues={initialValues}
      fieldNames={fieldNames}
      toInput={toTripInput}
      create={(input) => createTrip(caravanId, input)}
      update={(id, input) => updateTrip(caravanId, id, input)}
      onSaved={onSaved}
    >
      <Form.Item name="date" label={t('date')} rules={[required]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="destination" label={t('destination')} rules={[{ ...required, whitespace: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="destinationKind" label={t('destinationKind')} rules={[required]}>
        <RequiredRadioGroup options={destinationKinds.map((kind) => ({ value: kind, label: t(`destinationKind.${kind}`) }))} />
      </Form.Item>
      <Form.Item name="countyOrgId" label={t('county')} rules={[required]}>
        <CountySelect />
      </Form.Item>
      <Flex gap={16} wrap>
        {count('km', t('tripKm'), 5000, { required: true })}
        {count('activities', t('tripActivities'), 100, { extra: t('tripActivitiesHint') })}
        {count('people', t('people'), 1_000_000, { required: true })}
      </Flex>
      <Form.Item name="note" label={t('note')}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
    </RecordFormModal>
  );
}
