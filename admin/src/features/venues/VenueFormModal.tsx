import { DatePicker, Flex, Form, Input, InputNumber, Select } from 'antd';
import { useMemo } from 'react';
import { useAuth } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { appMessages } from '../../app/messages.ts';
import type { DialogControl } from '../../shared/FormModal.tsx';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect.tsx';
import { CountySelect } from './CountySelect.tsx';
import { withoutAriaRequired } from '../activities/without-aria-required.tsx';
import { createVenue, updateVenue, venueKinds, venueStatuses, type Venue } from './api.ts';
import { venueMessages } from './messages.ts';
import { RecordFormModal } from './RecordFormModal.tsx';
import { toVenueInput, venueFormValues, type VenueFormValues } from './record-forms.ts';

const RequiredSelect = withoutAriaRequired(Select);

const fieldNames: (keyof VenueFormValues & string)[] = ['name', 'kind', 'ownerOrgId', 'countyOrgId', 'address', 'openedOn', 'status', 'capacity'];

/** 新增场馆 / 编辑场馆. */
export function VenueFormModal({ venue, onSaved, ...dialog }: DialogControl & { venue?: Venue; onSaved(venue: Venue): void }) {
  const t = useT(venueMessages);
  const tApp = useT(appMessages);
  const { user } = useAuth();
  const required = { required: true, message: tApp('required') };
  const initialValues = useMemo(() => venueFormValues(venue, { orgId: user?.orgId }), [venue, user?.orgId]);
  return (
    <RecordFormModal
      {...dialog}
      record={venue}
      titles={{ create: 'createVenue', edit: 'editVenue' }}
      initialValues={initialValues}
      fieldNames={fieldNames}
      toInput={toVenueInput}
      create={createVenue}
      update={updateVenue}
      onSaved={onSaved}
    >
      <Form.Item name="name" label={t('name')} rules={[{ ...required, whitespace: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item name="kind" label={t('kind')} rules={[required]} style={{ flex: '1 1 200px' }}>
          <RequiredSelect options={venueKinds.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))} />
        </Form.Item>
        <Form.Item name="status" label={t('status')} rules={[required]} style={{ flex: '1 1 140px' }}>
          <RequiredSelect options={venueStatuses.map((status) => ({ value: status, label: t(`status.${status}`) }))} />
        </Form.Item>
      </Flex>
      <Form.Item name="ownerOrgId" label={t('ownerOrg')} rules={[required]}>
        <OrgTreeSelect />
      </Form.Item>
      <Form.Item name="countyOrgId" label={t('county')} rules={[required]}>
        <CountySelect />
      </Form.Item>
      <Form.Item name="address" label={t('address')}>
        <Input maxLength={200} />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item name="openedOn" label={t('openedOn')} extra={t('openedOnHint')} style={{ flex: '1 1 160px' }}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="capacity" label={t('capacity')} style={{ flex: '1 1 160px' }}>
          <InputNumber min={1} max={1_000_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
    </RecordFormModal>
  );
}
