import { DatePicker, Flex, Form, Input, InputNumber } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../app/i18n.tsx';
import { appMessages } from '../../app/messages.ts';
import type { DialogControl } from '../../shared/FormModal.tsx';
import { CountySelect } from './CountySelect.tsx';
import { createOutreach, updateOutreach, type OutreachVisit, type Venue } from './api.ts';
import { venueMessages } from './messages.ts';
import { RecordFormModal } from './RecordFormModal.tsx';
import { outreachFormValues, toOutreachInput, type OutreachFormValues } from './record-forms.ts';

const fieldNames: (keyof OutreachFormValues & string)[] = ['date', 'schoolName', 'countyOrgId', 'activity', 'people', 'note'];

/** 新增到校活动 / 编辑到校活动; a new one starts in the venue's own county. */
export function OutreachFormModal({ venue, outreach, onSaved, ...dialog }: DialogControl & { venue: Venue; outreach?: OutreachVisit; onSaved(outreach: OutreachVisit): void }) {
  const t = useT(venueMessages);
  const tApp = useT(appMessages);
  const required = { required: true, message: tApp('required') };
  const initialValues = useMemo(() => outreachFormValues(outreach, { countyOrgId: venue.countyOrgId }), [outreach, venue.countyOrgId]);
  return (
    <RecordFormModal
      {...dialog}
      record={outreach}
      titles={{ create: 'createOutreach', edit: 'editOutreach' }}
      initialValues={initialValues}
      fieldNames={fieldNames}
      toInput={toOutreachInput}
      create={(input) => createOutreach(venue.id, input)}
      update={(id, input) => updateOutreach(venue.id, id, input)}
      onSaved={onSaved}
    >
      <Form.Item name="date" label={t('date')} rules={[required]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="schoolName" label={t('schoolName')} rules={[{ ...required, whitespace: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="countyOrgId" label={t('county')} rules={[required]}>
        <CountySelect />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item name="activity" label={t('activity')} rules={[{ ...required, whitespace: true }]} style={{ flex: '2 1 200px' }}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="people" label={t('outreachPeopleField')} rules={[required]} style={{ flex: '1 1 140px' }}>
          <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Form.Item name="note" label={t('note')}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
    </RecordFormModal>
  );
}
