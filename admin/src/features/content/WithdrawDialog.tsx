import { Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../app/i18n.tsx';
import { appMessages } from '../../app/messages.ts';
import { contentMessages } from './messages.ts';

/** 撤稿: confirms taking the article off the website, with an optional reason for the record. */
export function WithdrawDialog({ onConfirm, onCancel }: { onConfirm(reason: string): Promise<void>; onCancel(): void }) {
  const t = useT(contentMessages);
  const tApp = useT(appMessages);
  const [form] = Form.useForm<{ reason?: string }>();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open
      title={t('withdrawTitle')}
      okText={t('withdraw')}
      okButtonProps={{ danger: true }}
      cancelText={tApp('cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('withdrawText')}</Typography.Paragraph>
      <Form
        form={form}
        name="withdrawArticle"
        layout="vertical"
        onFinish={async ({ reason }) => {
          setBusy(true);
          await onConfirm((reason ?? '').trim()).finally(() => setBusy(false));
        }}
      >
        <Form.Item name="reason" label={t('withdrawReason')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
