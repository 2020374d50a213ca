import { Form, Input, Select } from 'antd';
import { useMemo } from 'react';
import { useAuth } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { appMessages } from '../../app/messages.ts';
import type { DialogControl } from '../../shared/FormModal.tsx';
import { withoutAriaRequired } from '../activities/without-aria-required.tsx';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect.tsx';
import { caravanStatuses, createCaravan, updateCaravan, type Caravan } from './api.ts';
import { venueMessages } from './messages.ts';
import { RecordFormModal } from './RecordFormModal.tsx';
import { caravanFormValues, toCaravanInput, type CaravanFormValues } from './record-forms.ts';

const RequiredSelect = withoutAriaRequired(Select);
const fieldNames: (keyof CaravanFormValues & string)[] = ['name', 'ownerOrgId', 'status', 'note'];

/** 新增大篷车 / 编辑大篷车. */
export function CaravanFormModal({ caravan, onSaved, ...dialog }: DialogControl & { caravan?: Caravan; onSaved(caravan: Caravan): void }) {
  const t = useT(venueMessages);
  const tApp = useT(appMessages);
  const { user } = useAuth();
  const required = { required: true, message: tApp('required') };
  const initialValues = useMemo(() => caravanFormValues(caravan, { orgId: user?.orgId }), [caravan, user?.orgId]);
  return (
    <RecordFormModal
      {...dialog}
      record={caravan}
      titles={{ create: 'createCaravan', edit: 'editCaravan' }}
      initialValues={initialValues}
      fieldNames={fieldNames}
      toInput={toCaravanInput}
      create={createCaravan}
      update={updateCaravan}
      onSaved={onSaved}
    >
      <Form.Item name="name" label={t('caravanName')} rules={[{ ...required, whitespace: true }]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="ownerOrgId" label={t('caravanOwner')} rules={[required]}>
        <OrgTreeSelect />
      </Form.Item>
      <Form.Item name="status" label={t('status')} rules={[required]}>
        <RequiredSelect options={caravanStatuses.map((status) => ({ value: status, label: t(`caravanStatus.${status}`) }))} />
      </Form.Item>
      <Form.Item name="note" label={t('note')}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
    </RecordFormModal>
  );
}
