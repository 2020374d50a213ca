import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useT } from '../../app/i18n.tsx';
import { appMessages } from '../../app/messages.ts';
import { focusFieldOnOpen } from '../../shared/dialog-state.ts';
import type { DialogControl } from '../../shared/FormModal.tsx';
import { applyServerErrors } from '../../shared/server-errors.ts';
import { returnActivity, type Activity } from './api.ts';
import { activityMessages } from './messages.ts';

/** 退回 with a required 退回理由, which the reporting org then sees above its form. */
export function ReturnActivityModal({ activity, onReturned, open, onClose, afterClose }: DialogControl & { activity: Activity; onReturned(activity: Activity): void }) {
  const t = useT(activityMessages);
  const tApp = useT(appMessages);
  const [form] = Form.useForm<{ reason: string }>();
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);

  const submit = async ({ reason }: { reason: string }) => {
    setSaving(true);
    setProblems([]);
    try {
      onReturned(await returnActivity(activity.id, reason.trim()));
      onClose();
    } catch (err) {
      setProblems(applyServerErrors(form, err, ['reason']));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('returnTitle')}
      okText={t('return')}
      okButtonProps={{ danger: true }}
      cancelText={tApp('cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={afterClose}
      afterOpenChange={focusFieldOnOpen(form, 'reason')}
      destroyOnHidden
    >
      {problems.length > 0 && <Alert type="error" showIcon message={problems.join('；')} style={{ marginBottom: 16 }} />}
      <Form form={form} name="returnActivity" layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={t('returnReason')}
          extra={t('returnReasonHint')}
          rules={[
            { required: true, whitespace: true, message: tApp('required') },
            { min: 2, message: t('returnReasonTooShort') },
          ]}
        >
          <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 3, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
