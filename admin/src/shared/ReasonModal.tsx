import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useT } from '../app/i18n.tsx';
import { appMessages } from '../app/messages.ts';
import { focusFieldOnOpen } from './dialog-state.ts';
import { applyServerErrors } from './server-errors.ts';

export interface ReasonModalProps {
  open?: boolean;
  /** The texts of the module asking: 退回给编辑 / 退回, the field's label and hint, the too-short message. */
  title: string;
  okText: string;
  label: string;
  hint: string;
  tooShort: string;
  /** The form's name, which prefixes its field ids. */
  formName: string;
  /** Sends the trimmed reason; a server error lands under the field or above the form. */
  onSubmit(reason: string): Promise<void>;
  onClose(): void;
  afterClose?(): void;
}

/**
 * A required reason (at least two characters) for a decision someone else
 * will read, such as 退回: the article's editor and the activity's reporter
 * both see it above their form.
 */
export function ReasonModal({ open = true, title, okText, label, hint, tooShort, formName, onSubmit, onClose, afterClose }: ReasonModalProps) {
  const tApp = useT(appMessages);
  const [form] = Form.useForm<{ reason: string }>();
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);

  const submit = async ({ reason }: { reason: string }) => {
    setSaving(true);
    setProblems([]);
    try {
      await onSubmit(reason.trim());
    } catch (err) {
      setProblems(applyServerErrors(form, err, ['reason']));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
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
      <Form form={form} name={formName} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={label}
          extra={hint}
          rules={[
            { required: true, whitespace: true, message: tApp('required') },
            { validator: async (_, value: string | undefined) => ((value ?? '').trim().length === 1 ? Promise.reject(new Error(tooShort)) : undefined) },
          ]}
        >
          <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 3, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
