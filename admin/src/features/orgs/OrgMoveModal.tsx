import { Form } from 'antd';
import { useT } from '../../app/i18n.tsx';
import { FormModal } from '../../shared/FormModal.tsx';
import { moveOrg, type Org } from './api.ts';
import { orgMessages } from './messages.ts';
import { SecondaryText } from './StatusMarks.tsx';
import { OrgTreeSelect } from './OrgTreeSelect.tsx';

interface OrgMoveModalProps {
  org: Org;
  open: boolean;
  onClose(): void;
  afterClose(): void;
  onMoved(org: Org): void;
}

/** Moves an org, with its whole subtree, under a new parent; its own subtree is not offered. */
export function OrgMoveModal({ org, open, onClose, afterClose, onMoved }: OrgMoveModalProps) {
  const t = useT(orgMessages);
  return (
    <FormModal<{ parentId: string }, Org>
      title={t('moveTitle')}
      name="orgMove"
      open={open}
      onClose={onClose}
      afterClose={afterClose}
      initialValues={{ parentId: org.parentId ?? undefined }}
      fieldNames={['parentId']}
      onSubmit={({ parentId }) => moveOrg(org.id, parentId)}
      onSaved={onMoved}
      savedMessage={t('moved')}
      intro={<SecondaryText block>{t('moveHint', { name: org.name })}</SecondaryText>}
    >
      <Form.Item name="parentId" label={t('newParent')} rules={[{ required: true, message: t('chooseParent') }]}>
        <OrgTreeSelect excludeSubtreeOf={org.id} placeholder={t('chooseParent')} />
      </Form.Item>
    </FormModal>
  );
}
