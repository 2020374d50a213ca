import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../../app/auth.tsx';
import { useLocale, useT } from '../../app/i18n.tsx';
import { applyServerErrors } from '../../shared/server-errors.ts';
import { authMessages } from './messages.ts';

interface Credentials {
  username: string;
  password: string;
}

export default function LoginPage() {
  const t = useT(authMessages);
  const { user, login } = useAuth();
  const { locale, setLocale } = useLocale();
  const navigate = useNavigate();
  const location = useLocation();
  const [form] = Form.useForm<Credentials>();
  const [problems, setProblems] = useState<string[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const returnTo = (location.state as { from?: string } | null)?.from ?? '/';

  if (user) return <Navigate to={returnTo} replace />;

  const submit = async (values: Credentials) => {
    setSubmitting(true);
    setProblems([]);
    try {
      await login(values.username, values.password);
      navigate(returnTo, { replace: true });
    } catch (err) {
      setProblems(applyServerErrors(form, err, ['username', 'password']));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5', padding: 16 }}>
      <Card style={{ width: '100%', maxWidth: 380 }}>
        <Typography.Title level={1} style={{ fontSize: 24, textAlign: 'center', marginBottom: 4 }}>
          {t('title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('subtitle')}
        </Typography.Paragraph>
        {problems.length > 0 && <Alert type="error" showIcon message={problems.join('；')} style={{ marginBottom: 16 }} role="alert" />}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label={t('username')} rules={[{ required: true, message: t('usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('password')} rules={[{ required: true, message: t('passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting}>
            {t('submit')}
          </Button>
        </Form>
        <Button type="link" block style={{ marginTop: 8 }} onClick={() => setLocale(locale === 'zh-CN' ? 'en-US' : 'zh-CN')}>
          {t('switchLanguage')}
        </Button>
      </Card>
    </main>
  );
}
