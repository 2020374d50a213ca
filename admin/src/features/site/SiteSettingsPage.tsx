import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useBreadcrumbs } from '../../app/AppLayout.tsx';
import { useT } from '../../app/i18n.tsx';
import { ErrorState } from '../../shared/PageState.tsx';
import { applyServerErrors } from '../../shared/server-errors.ts';
import { fetchSiteSettings, saveSiteSettings, type SiteSettings, type UpdateSiteSettingsInput } from './api.ts';
import { siteMessages } from './messages.ts';

// The library dialog is heavy; load it when someone chooses a logo.
const MediaPicker = lazy(() => import('../media/MediaPicker.tsx'));

type Values = UpdateSiteSettingsInput;
const fieldNames: (keyof Values)[] = ['siteName', 'logoMediaId', 'footerText', 'sponsor', 'address', 'phone', 'icpNumber', 'publicSecurityNumber', 'copyrightHolder'];

const toValues = (settings: SiteSettings): Values => {
  const { updatedAt: _updatedAt, ...values } = settings;
  return values;
};

/** The logo's form control: the id is kept by the form; these buttons choose or clear it. */
function LogoField({ value, onChange, onChoose }: { value?: string | null; onChange?: (id: string | null) => void; onChoose: () => void }) {
  const t = useT(siteMessages);
  return (
    <Space wrap>
      <Button onClick={onChoose}>{t('chooseLogo')}</Button>
      {value && <Button onClick={() => onChange?.(null)}>{t('removeLogo')}</Button>}
    </Space>
  );
}

/** 网站设置: the portal's name, logo, footer and filing numbers, for the top-level org's administrators. */
export default function SiteSettingsPage() {
  const t = useT(siteMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [loadError, setLoadError] = useState<unknown>();
  const [loaded, setLoaded] = useState(false);
  const [saving, setSaving] = useState(false);
  const [unclaimed, setUnclaimed] = useState<string[]>([]);
  const [picking, setPicking] = useState(false);
  const [logoName, setLogoName] = useState<string>();
  const logoMediaId = Form.useWatch('logoMediaId', form);
  useBreadcrumbs([{ title: t('title') }]);

  const load = useCallback(() => {
    setLoadError(undefined);
    fetchSiteSettings().then(
      (settings) => {
        form.setFieldsValue(toValues(settings));
        setLoaded(true);
      },
      setLoadError,
    );
  }, [form]);
  useEffect(load, [load]);

  const save = async (values: Values) => {
    setSaving(true);
    setUnclaimed([]);
    try {
      const saved = await saveSiteSettings({ ...values, logoMediaId: values.logoMediaId ?? null });
      form.setFieldsValue(toValues(saved));
      message.success(t('saved'));
    } catch (error) {
      setUnclaimed(applyServerErrors(form, error, fieldNames));
    } finally {
      setSaving(false);
    }
  };

  if (loadError) return <ErrorState error={loadError} onRetry={load} />;

  const text = (name: keyof Values, label: string, extra?: string, maxLength = 100) => (
    <Form.Item name={name} label={label} extra={extra}>
      <Input maxLength={maxLength} />
    </Form.Item>
  );

  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 760 }}>
      <div>
        <Typography.Title level={2} style={{ marginTop: 0 }}>{t('title')}</Typography.Title>
        <Typography.Paragraph type="secondary">
          {t('intro')} <Typography.Link href="/" target="_blank" underline>{t('viewSite')}</Typography.Link>
        </Typography.Paragraph>
      </div>
      {unclaimed.length > 0 && <Alert type="error" showIcon message={unclaimed.join('；')} />}
      <Form form={form} layout="vertical" name="site-settings" onFinish={save} disabled={!loaded} initialValues={{ logoMediaId: null }}>
        <Card title={t('identity')} style={{ marginBottom: 16 }}>
          <Form.Item name="siteName" label={t('siteName')} rules={[{ required: true, whitespace: true, message: t('siteNameRequired') }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="logoMediaId" label={t('logo')} extra={logoMediaId ? (logoName ?? logoMediaId) : t('logoNone')}>
            <LogoField onChoose={() => setPicking(true)} />
          </Form.Item>
        </Card>
        <Card title={t('footer')} style={{ marginBottom: 16 }}>
          {text('copyrightHolder', t('copyrightHolder'))}
          {text('sponsor', t('sponsor'))}
          {text('phone', t('phone'), t('phoneHint'), 40)}
          {text('address', t('address'), undefined, 200)}
          {text('icpNumber', t('icpNumber'), t('icpHint'), 40)}
          {text('publicSecurityNumber', t('publicSecurityNumber'), t('publicSecurityHint'), 40)}
          <Form.Item name="footerText" label={t('footerText')}>
            <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
        </Card>
        <Button type="primary" htmlType="submit" loading={saving}>{t('save')}</Button>
      </Form>
      {picking && (
        <Suspense fallback={null}>
          <MediaPicker
            open
            kind="image"
            onCancel={() => setPicking(false)}
            onPick={(item) => {
              form.setFieldValue('logoMediaId', item.id);
              setLogoName(item.originalName);
              setPicking(false);
            }}
          />
        </Suspense>
      )}
    </Space>
  );
}
