import { App, Button, Popconfirm, Space } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../app/i18n.tsx';
import { appMessages } from '../../app/messages.ts';
import { venueMessages } from './messages.ts';

interface RecordActionsProps {
  /** Names the record for screen readers: “方城县科技馆”的操作. */
  name: string;
  onEdit(): void;
  /** 删除…？ and what deleting means; the server may still refuse (a venue with records), and says why. */
  deleteTitle: string;
  deleteText?: string;
  onDelete(): Promise<void>;
  /** Links or buttons before 编辑, such as 出车记录. */
  extra?: ReactNode;
}

/** A row's 编辑 and 删除 (after a confirmation), as every table of the museum system offers them. */
export function RecordActions({ name, onEdit, deleteTitle, deleteText, onDelete, extra }: RecordActionsProps) {
  const t = useT(venueMessages);
  const tApp = useT(appMessages);
  const { message } = App.useApp();
  const remove = async () => {
    try {
      await onDelete();
      message.success(t('deleted'));
    } catch (err) {
      message.error(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <Space size={0} role="group" aria-label={t('rowActions', { name })}>
      {extra}
      <Button type="link" size="small" onClick={onEdit}>
        {tApp('edit')}
      </Button>
      <Popconfirm title={deleteTitle} description={deleteText ?? t('deleteText')} okText={t('delete')} okButtonProps={{ danger: true }} cancelText={tApp('cancel')} onConfirm={remove}>
        <Button type="link" size="small" danger>
          {t('delete')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
