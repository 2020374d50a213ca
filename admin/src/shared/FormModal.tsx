import { Alert, App, Form, Modal } from 'antd';
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { useT } from '../app/i18n.tsx';
import { appMessages } from '../app/messages.ts';
import { focusFieldOnOpen } from './dialog-state.ts';
import { applyServerErrors } from './server-errors.ts';

/** How a page drives one of its dialogs (with useDialogState). */
export interface DialogControl {
  open: boolean;
  onClose(): void;
  /** Runs when the close animation ends, so the dialog unmounts only then. */
  afterClose(): void;
}

interface FormModalProps<V, R> extends DialogControl {
  title: string;
  /** Prefixes the field ids, keeping them unique on the page. */
  name: string;
  initialValues?: Partial<V>;
  /** The form's fields in order: the keyboard starts in the first; server errors naming one show under it, the rest above the form. */
  fieldNames: (keyof V & string)[];
  onSubmit(values: V): Promise<R>;
  /** After a successful write, with what the server returned, e.g. to reload the list. */
  onSaved(result: R): void;
  /** The toast after saving; 已保存 unless the action has a better word. */
  savedMessage?: string;
  /** Text shown above the fields. */
  intro?: ReactNode;
  children: ReactNode;
}

/** A Modal form that saves to the server, shows 已保存, and puts server errors under the fields they concern. */
export function FormModal<V extends object, R = unknown>({ title, name, initialValues, fieldNames, onSubmit, onSaved, savedMessage, intro, children, open, onClose, afterClose }: FormModalProps<V, R>) {
  const t = useT(appMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);

  const submit = async (values: V) => {
    setSaving(true);
    setProblems([]);
    try {
      const result = await onSubmit(values);
      message.success(savedMessage ?? t('saved'));
      onSaved(result);
      onClose();
    } catch (err) {
      setProblems(applyServerErrors(form, err, fieldNames));
    } finally {
      setSaving(false);
    }
  };

  // Enter in a text field saves, as in any form; in a date picker or a select it only confirms the choice.
  const submitOnEnter = (event: KeyboardEvent<HTMLFormElement>) => {
    const target = event.target as HTMLElement;
    if (event.key === 'Enter' && target instanceof HTMLInputElement && !target.closest('.ant-picker, .ant-select')) form.submit();
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={afterClose}
      afterOpenChange={fieldNames[0] ? focusFieldOnOpen(form, fieldNames[0]) : undefined}
      destroyOnHidden
    >
      {intro}
      {problems.length > 0 && <Alert type="error" showIcon message={problems.join('；')} style={{ marginBottom: 16 }} />}
      <Form<V> form={form} name={name} layout="vertical" initialValues={initialValues} onFinish={submit} onKeyDown={submitOnEnter} requiredMark>
        {children}
      </Form>
    </Modal>
  );
}
