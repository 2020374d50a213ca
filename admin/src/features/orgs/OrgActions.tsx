import { DragOutlined, EditOutlined, PlusOutlined, StopOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Tooltip } from 'antd';
import { ApiError } from '../../app/api.ts';
import { useT } from '../../app/i18n.tsx';
import { appMessages } from '../../app/messages.ts';
import { updateOrg, type Org } from './api.ts';
import { orgMessages } from './messages.ts';
import { SecondaryText } from './StatusMarks.tsx';

interface OrgActionsProps {
  org: Org;
  /** The admin's own org: the server refuses to move or disable it, so the buttons say so up front. */
  isOwnOrg: boolean;
  onCreateChild(): void;
  onEdit(): void;
  onMove(): void;
  onStatusChanged(org: Org): void;
}

/** An admin's buttons for the selected org; disabling asks first. Icons are hidden from screen readers so each button's name is just its text. */
export function OrgActions({ org, isOwnOrg, onCreateChild, onEdit, onMove, onStatusChanged }: OrgActionsProps) {
  const t = useT(orgMessages);
  const tApp = useT(appMessages);
  const { message } = App.useApp();
  const active = org.status === 'active';

  const toggleStatus = async () => {
    try {
      const changed = await updateOrg(org.id, { status: active ? 'disabled' : 'active' });
      message.success(t(active ? 'disabledDone' : 'enabledDone', { name: org.name }));
      onStatusChanged(changed);
    } catch (err) {
      message.error(err instanceof ApiError ? err.message : String(err));
    }
  };

  return (
    <Space direction="vertical" size={4}>
      <Space wrap>
        <Tooltip title={active ? undefined : t('parentDisabledHint')}>
          <Button type="primary" icon={<PlusOutlined aria-hidden />} disabled={!active} onClick={onCreateChild}>
            {t('createChild')}
          </Button>
        </Tooltip>
        <Button icon={<EditOutlined aria-hidden />} onClick={onEdit}>
          {t('edit')}
        </Button>
        <Button icon={<DragOutlined aria-hidden />} disabled={isOwnOrg} onClick={onMove}>
          {t('move')}
        </Button>
        <Popconfirm
          title={t(active ? 'disableConfirm' : 'enableConfirm', { name: org.name })}
          okText={tApp('confirm')}
          cancelText={tApp('cancel')}
          okButtonProps={{ danger: active }}
          onConfirm={toggleStatus}
          disabled={isOwnOrg}
        >
          <Button icon={active ? <StopOutlined aria-hidden /> : <CheckCircleOutlined aria-hidden />} disabled={isOwnOrg}>
            {active ? t('disable') : t('enable')}
          </Button>
        </Popconfirm>
      </Space>
      {isOwnOrg && <SecondaryText>{t('ownOrgLocked')}</SecondaryText>}
    </Space>
  );
}
