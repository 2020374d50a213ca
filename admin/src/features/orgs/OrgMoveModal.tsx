import { Alert, App, Form, Modal } from 'antd';
import { useState } from 'react';
import { useT } from '../../app/i18n.tsx';
import { appMessages } from '../../app/messages.ts';
import { applyServerErrors } from '../../shared/server-errors.ts';
import { moveOrg, type Org } from './api.ts';
import { focusFieldOnOpen } from './dialog-state.ts';
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
  const tApp = useT(appMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ parentId: string }>();
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);

  const submit = async ({ parentId }: { parentId: string }) => {
    setSaving(true);
    setProblems([]);
    try {
      const moved = await moveOrg(org.id, parentId);
      message.success(t('moved'));
      onMoved(moved);
    } catch (err) {
      setProblems(applyServerErrors(form, err, ['parentId']));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('moveTitle')}
      okText={tApp('save')}
      cancelText={tApp('cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={afterClose}
      afterOpenChange={focusFieldOnOpen(form, 'parentId')}
      destroyOnHidden
    >
      <SecondaryText block>{t('moveHint', { name: org.name })}</SecondaryText>
      {problems.length > 0 && <Alert type="error" showIcon message={problems.join('；')} style={{ marginBottom: 16 }} />}
      <Form form={form} name="orgMove" layout="vertical" onFinish={submit} initialValues={{ parentId: org.parentId ?? undefined }}>
        <Form.Item name="parentId" label={t('newParent')} rules={[{ required: true, message: t('chooseParent') }]}>
          <OrgTreeSelect excludeSubtreeOf={org.id} placeholder={t('chooseParent')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
