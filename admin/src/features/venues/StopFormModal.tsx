import { Form, Input, InputNumber, Radio, Select } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../app/i18n.tsx';
import { appMessages } from '../../app/messages.ts';
import { DateRangeFields } from '../../shared/DateRangeFields.tsx';
import type { DialogControl } from '../../shared/FormModal.tsx';
import { withoutAriaRequired } from '../activities/without-aria-required.tsx';
import { CountySelect } from './CountySelect.tsx';
import { createStop, hostKinds, updateStop, useVenueChoices, type TouringStop } from './api.ts';
import { venueMessages } from './messages.ts';
import { RecordFormModal } from './RecordFormModal.tsx';
import { stopFormValues, toStopInput, type StopFormValues } from './record-forms.ts';

const RequiredRadioGroup = withoutAriaRequired(Radio.Group);
const RequiredSelect = withoutAriaRequired(Select);
const fieldNames: (keyof StopFormValues & string)[] = ['hostKind', 'hostVenueId', 'hostName', 'countyOrgId', 'startDate', 'endDate', 'visits', 'note'];

/** 新增站点 / 编辑站点: where the show stood (a venue, or a school or place in a county), when, and its visitors. */
export function StopFormModal({ showId, stop, onSaved, ...dialog }: DialogControl & { showId: string; stop?: TouringStop; onSaved(stop: TouringStop): void }) {
  const t = useT(venueMessages);
  const tApp = useT(appMessages);
  const required = { required: true, message: tApp('required') };
  const initialValues = useMemo(() => stopFormValues(stop), [stop]);
  return (
    <RecordFormModal
      {...dialog}
      record={stop}
      titles={{ create: 'createStop', edit: 'editStop' }}
      initialValues={initialValues}
      fieldNames={fieldNames}
      toInput={toStopInput}
      create={(input) => createStop(showId, input)}
      update={(id, input) => updateStop(showId, id, input)}
      onSaved={onSaved}
    >
      <Form.Item name="hostKind" label={t('hostKind')} rules={[required]}>
        <RequiredRadioGroup options={hostKinds.map((kind) => ({ value: kind, label: t(`hostKind.${kind}`) }))} />
      </Form.Item>
      <HostFields />
      <DateRangeFields startLabel={t('startDate')} endLabel={t('endDate')} endBeforeStartMessage={t('endBeforeStart')} />
      <Form.Item name="visits" label={t('stopVisits')} rules={[required]}>
        <InputNumber min={0} max={10_000_000} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="note" label={t('note')}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
    </RecordFormModal>
  );
}

/** A venue host is chosen from the venues; a school or place is named, with its county. */
function HostFields() {
  const t = useT(venueMessages);
  const tApp = useT(appMessages);
  const required = { required: true, message: tApp('required') };
  const hostKind = Form.useWatch('hostKind', Form.useFormInstance<StopFormValues>());
  const venues = useVenueChoices();
  if (hostKind === 'venue') {
    return (
      <Form.Item name="hostVenueId" label={t('hostVenue')} extra={t('hostCountyHint')} rules={[required]}>
        <RequiredSelect options={(venues ?? []).map((venue) => ({ value: venue.id, label: venue.name }))} loading={!venues} showSearch optionFilterProp="label" />
      </Form.Item>
    );
  }
  return (
    <>
      <Form.Item name="hostName" label={t('hostName')} rules={[{ ...required, whitespace: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="countyOrgId" label={t('county')} rules={[required]}>
        <CountySelect />
      </Form.Item>
    </>
  );
}
