import { Form, Input } from 'antd';
import { useMemo } from 'react';
import { useAuth } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { appMessages } from '../../app/messages.ts';
import type { DialogControl } from '../../shared/FormModal.tsx';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect.tsx';
import { createShow, updateShow, type TouringShow } from './api.ts';
import { venueMessages } from './messages.ts';
import { RecordFormModal } from './RecordFormModal.tsx';
import { showFormValues, toShowInput, type ShowFormValues } from './record-forms.ts';

const fieldNames: (keyof ShowFormValues & string)[] = ['name', 'ownerOrgId', 'description'];

/** 新增巡展 / 编辑巡展. */
export function ShowFormModal({ show, onSaved, ...dialog }: DialogControl & { show?: TouringShow; onSaved(show: TouringShow): void }) {
  const t = useT(venueMessages);
  const tApp = useT(appMessages);
  const { user } = useAuth();
  const required = { required: true, message: tApp('required') };
  const initialValues = useMemo(() => showFormValues(show, { orgId: user?.orgId }), [show, user?.orgId]);
  return (
    <RecordFormModal
      {...dialog}
      record={show}
      titles={{ create: 'createShow', edit: 'editShow' }}
      initialValues={initialValues}
      fieldNames={fieldNames}
      toInput={toShowInput}
      create={createShow}
      update={updateShow}
      onSaved={onSaved}
    >
      <Form.Item name="name" label={t('showName')} rules={[{ ...required, whitespace: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="ownerOrgId" label={t('showOwner')} rules={[required]}>
        <OrgTreeSelect />
      </Form.Item>
      <Form.Item name="description" label={t('description')}>
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
    </RecordFormModal>
  );
}
