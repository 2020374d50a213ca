import { LockOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Form, Grid, Input, Popconfirm, Select, Space, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useBreadcrumbs } from '../../app/AppLayout.tsx';
import { useAuth, type Role } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { appMessages } from '../../app/messages.ts';
import { ServerTable } from '../../shared/ServerTable.tsx';
import { useDialogState } from '../../shared/dialog-state.ts';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect.tsx';
import { pageTitleStyle } from '../orgs/page-title.ts';
import { SecondaryText } from '../orgs/StatusMarks.tsx';
import { fetchUsers, isLocked, revokeUserSessions, type User } from './api.ts';
import { userMessages } from './messages.ts';
import UserExcelActions from './UserExcelActions.tsx';
import { CreateUserModal, EditUserModal, ResetPasswordModal, useUserOptions } from './UserDialogs.tsx';

// Preset colours whose text reads at 4.5:1 on their own background (green, cyan and orange do not).
const roleColours: Record<Role, string> = { admin: 'red', editor: 'blue', reviewer: 'purple', reporter: 'geekblue', viewer: 'default' };

const formatDateTime = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

type UserDialog = { kind: 'create' } | { kind: 'edit' | 'password'; user: User };

/** /users: accounts in the admin's subtree, with create, edit, password reset and sign-out everywhere. */
export default function UserListPage() {
  const t = useT(userMessages);
  const tApp = useT(appMessages);
  const { message } = App.useApp();
  const { user: currentUser } = useAuth();
  const { roleOptions, statusOptions } = useUserOptions();
  const [reloadKey, setReloadKey] = useState(0);
  const dialog = useDialogState<UserDialog>();
  const narrow = !Grid.useBreakpoint().sm;
  useBreadcrumbs([{ title: t('title') }]);

  const reload = () => setReloadKey((n) => n + 1);

  const revoke = async (user: User) => {
    try {
      const { revoked } = await revokeUserSessions(user.id);
      message.success(t('revoked', { count: revoked }));
      reload();
    } catch (err) {
      message.error(err instanceof Error ? err.message : String(err));
    }
  };

  const columns: TableColumnsType<User> = [
    { key: 'username', dataIndex: 'username', title: t('username'), sorter: true },
    { key: 'display_name', dataIndex: 'displayName', title: t('displayName'), sorter: true },
    { key: 'orgName', dataIndex: 'orgName', title: t('org') },
    {
      key: 'roles',
      title: t('roles'),
      render: (_, user) => (
        <Space size={[0, 4]} wrap>
          {user.roles.map((role) => (
            <Tag key={role} color={roleColours[role]}>
              {t(`role.${role}`)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      key: 'status',
      title: t('status'),
      render: (_, user) => (
        <Space size={[0, 4]} wrap>
          <Badge status={user.status === 'active' ? 'success' : 'default'} text={t(`status.${user.status}`)} />
          {isLocked(user) && (
            <Tooltip title={t('lockedUntil', { time: formatDateTime(user.lockedUntil!) })}>
              <Tag color="red" icon={<LockOutlined aria-hidden />} tabIndex={0}>
                {t('locked')}
              </Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      key: 'last_login_at',
      dataIndex: 'lastLoginAt',
      title: t('lastLoginAt'),
      sorter: true,
      render: (value: string | null) => (value ? formatDateTime(value) : <SecondaryText>{t('neverLoggedIn')}</SecondaryText>),
    },
    {
      key: 'actions',
      title: tApp('actions'),
      fixed: 'right',
      render: (_, user) => (
        <Space size={0} role="group" aria-label={t('rowActions', { name: user.username })}>
          <Button type="link" size="small" onClick={() => dialog.show({ kind: 'edit', user })}>
            {tApp('edit')}
          </Button>
          <Button type="link" size="small" onClick={() => dialog.show({ kind: 'password', user })}>
            {t('resetPassword')}
          </Button>
          <Popconfirm
            title={t('revokeConfirmTitle', { name: user.displayName })}
            description={t(user.id === currentUser?.id ? 'revokeSelfText' : 'revokeConfirmText')}
            okText={tApp('confirm')}
            cancelText={tApp('cancel')}
            onConfirm={() => revoke(user)}
          >
            <Button type="link" size="small" danger>
              {t('revokeSessions')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  const filters = (
    <>
      <Form.Item name="q" label={t('keyword')}>
        <Input placeholder={t('keywordPlaceholder')} allowClear style={{ width: 180 }} />
      </Form.Item>
      <Form.Item name="under" label={t('org')}>
        <OrgTreeSelect allowClear placeholder={t('all')} />
      </Form.Item>
      <Form.Item name="role" label={t('roles')}>
        <Select options={roleOptions} showSearch optionFilterProp="label" allowClear placeholder={t('all')} style={{ width: 130 }} />
      </Form.Item>
      <Form.Item name="status" label={t('status')}>
        <Select options={statusOptions} allowClear placeholder={t('all')} style={{ width: 110 }} />
      </Form.Item>
    </>
  );

  const target = dialog.subject;
  const dialogProps = { open: dialog.open, onClose: dialog.hide, afterClose: dialog.afterClose, onSaved: reload };

  return (
    <>
      <Card size={narrow ? 'small' : 'default'} title={<Typography.Title level={1} style={pageTitleStyle}>{t('title')}</Typography.Title>}>
        <ServerTable<User>
          ariaLabel={t('tableLabel')}
          fetchPage={fetchUsers}
          columns={columns}
          rowKey={(user) => user.id}
          filters={filters}
          toolbar={(query) => (
            <>
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => dialog.show({ kind: 'create' })}>
                {t('create')}
              </Button>
              <UserExcelActions query={query} />
            </>
          )}
          reloadKey={reloadKey}
        />
        {target?.kind === 'create' && <CreateUserModal key="create" {...dialogProps} />}
        {target?.kind === 'edit' && <EditUserModal key={`edit-${target.user.id}`} user={target.user} {...dialogProps} />}
        {target?.kind === 'password' && <ResetPasswordModal key={`password-${target.user.id}`} user={target.user} {...dialogProps} />}
      </Card>
    </>
  );
}
