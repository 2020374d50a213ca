import { Form, Input, Select, Typography } from 'antd';
import type { Role } from '../../app/auth.tsx';
import { locales, useT, type Locale } from '../../app/i18n.tsx';
import { appMessages } from '../../app/messages.ts';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect.tsx';
import { createUser, resetUserPassword, roles, updateUser, userStatuses, type NewUser, type User, type UserStatus } from './api.ts';
import { FormModal, type DialogControl } from '../../shared/FormModal.tsx';
import { userMessages } from './messages.ts';

interface DialogProps extends DialogControl {
  onSaved(): void;
}

/** The role, status and language pickers, in the current language. */
export function useUserOptions() {
  const t = useT(userMessages);
  return {
    roleOptions: roles.map((role) => ({ value: role, label: t(`role.${role}`) })),
    statusOptions: userStatuses.map((status) => ({ value: status, label: t(`status.${status}`) })),
    localeOptions: locales.map((locale) => ({ value: locale, label: t(`locale.${locale}`) })),
  };
}

function useRequired() {
  const t = useT(appMessages);
  return { required: true, whitespace: true, message: t('required') } as const;
}

function RolesField() {
  const t = useT(userMessages);
  const { roleOptions } = useUserOptions();
  return (
    <Form.Item name="roles" label={t('roles')} rules={[{ required: true, type: 'array', min: 1, message: t('rolesRequired') }]}>
      <Select mode="multiple" options={roleOptions} />
    </Form.Item>
  );
}

export function CreateUserModal(props: DialogProps) {
  const t = useT(userMessages);
  const required = useRequired();
  return (
    <FormModal<NewUser>
      {...props}
      name="createUser"
      title={t('create')}
      fieldNames={['username', 'displayName', 'password', 'orgId', 'roles']}
      onSubmit={createUser}
    >
      <Form.Item name="username" label={t('username')} extra={t('usernameHint')} rules={[required]}>
        <Input autoComplete="off" maxLength={32} />
      </Form.Item>
      <Form.Item name="displayName" label={t('displayName')} rules={[required]}>
        <Input autoComplete="off" maxLength={50} />
      </Form.Item>
      <Form.Item name="password" label={t('password')} extra={t('passwordHint')} rules={[required]}>
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
      <Form.Item name="orgId" label={t('org')} rules={[{ required: true, message: required.message }]}>
        <OrgTreeSelect />
      </Form.Item>
      <RolesField />
    </FormModal>
  );
}

interface UserEdit {
  displayName: string;
  orgId: string;
  roles: Role[];
  status: UserStatus;
  locale?: Locale;
}

export function EditUserModal({ user, ...props }: DialogProps & { user: User }) {
  const t = useT(userMessages);
  const required = useRequired();
  const { statusOptions, localeOptions } = useUserOptions();
  return (
    <FormModal<UserEdit>
      {...props}
      name="editUser"
      title={t('edit')}
      initialValues={{ displayName: user.displayName, orgId: user.orgId, roles: user.roles, status: user.status, locale: user.locale ?? undefined }}
      fieldNames={['displayName', 'orgId', 'roles', 'status', 'locale']}
      // A cleared language means "the default" again.
      onSubmit={(values) => updateUser(user.id, { ...values, locale: values.locale ?? null })}
    >
      <Form.Item label={t('username')}>
        <Typography.Text strong>{user.username}</Typography.Text>
      </Form.Item>
      <Form.Item name="displayName" label={t('displayName')} rules={[required]}>
        <Input autoComplete="off" maxLength={50} />
      </Form.Item>
      <Form.Item name="orgId" label={t('org')} rules={[{ required: true, message: required.message }]}>
        <OrgTreeSelect />
      </Form.Item>
      <RolesField />
      <Form.Item name="status" label={t('status')} rules={[{ required: true, message: required.message }]}>
        <Select options={statusOptions} />
      </Form.Item>
      <Form.Item name="locale" label={t('locale')}>
        <Select options={localeOptions} allowClear placeholder={t('localeDefault')} />
      </Form.Item>
    </FormModal>
  );
}

export function ResetPasswordModal({ user, ...props }: DialogProps & { user: User }) {
  const t = useT(userMessages);
  const required = useRequired();
  return (
    <FormModal<{ password: string }>
      {...props}
      name="resetPassword"
      title={t('resetPassword')}
      intro={<Typography.Paragraph>{t('resetPasswordIntro', { name: t('nameWithUsername', { name: user.displayName, username: user.username }) })}</Typography.Paragraph>}
      fieldNames={['password']}
      onSubmit={({ password }) => resetUserPassword(user.id, password)}
    >
      <Form.Item name="password" label={t('newPassword')} extra={t('passwordHint')} rules={[required]}>
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
    </FormModal>
  );
}
