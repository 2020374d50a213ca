import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../app/api.ts';
import { useT } from '../../app/i18n.tsx';
import { appMessages } from '../../app/messages.ts';
import { ErrorState } from '../../shared/PageState.tsx';
import { SecondaryText } from '../orgs/StatusMarks.tsx';
import { fetchReviewLevels, maxReviewLevels, saveReviewLevels } from './api.ts';
import { contentMessages } from './messages.ts';

/** 审核设置: the names of the review levels, in order (初审, 复审, 终审 by default), one to five of them. */
export function ReviewLevelsCard() {
  const t = useT(contentMessages);
  const tApp = useT(appMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ names: string[] }>();
  const [loadError, setLoadError] = useState<unknown>();
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    fetchReviewLevels().then(
      (levels) => (form.setFieldsValue({ names: levels.items.map((level) => level.name) }), setLoadError(undefined)),
      setLoadError,
    );
  }, [form, attempt]);

  const save = async ({ names }: { names: string[] }) => {
    setSaving(true);
    setProblem(undefined);
    try {
      const levels = await saveReviewLevels(names.map((name) => name.trim()));
      form.setFieldsValue({ names: levels.items.map((level) => level.name) });
      message.success(tApp('saved'));
    } catch (err) {
      // body.names.2 → the third name's field; anything else above the form.
      const details = err instanceof ApiError ? err.details : [];
      const byIndex = details.flatMap((d) => {
        const index = /^body\.names\.(\d+)/.exec(d.path ?? '')?.[1];
        return index === undefined ? [] : [{ name: ['names', Number(index)] as ['names', number], errors: [d.message] }];
      });
      form.setFields(byIndex);
      if (byIndex.length === 0) setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('reviewLevelsTitle')}</Typography.Title>}>
      {loadError ? (
        <ErrorState error={loadError} onRetry={() => setAttempt((n) => n + 1)} />
      ) : (
        <Form form={form} name="reviewLevels" layout="vertical" onFinish={save}>
          <SecondaryText block>{t('reviewLevelsIntro')}</SecondaryText>
          {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 16 }} />}
          <Form.List name="names">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <Space key={field.key} align="start" style={{ display: 'flex' }}>
                    <Form.Item
                      name={field.name}
                      label={t('reviewLevelName', { level: index + 1 })}
                      rules={[{ required: true, whitespace: true, message: tApp('required') }]}
                    >
                      <Input maxLength={20} style={{ width: 200 }} />
                    </Form.Item>
                    {fields.length > 1 && (
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined aria-hidden />}
                        aria-label={t('removeLevel', { level: index + 1 })}
                        title={t('removeLevel', { level: index + 1 })}
                        onClick={() => remove(field.name)}
                        style={{ marginTop: 30 }}
                      />
                    )}
                  </Space>
                ))}
                <Space wrap>
                  <Button icon={<PlusOutlined aria-hidden />} onClick={() => add('')} disabled={fields.length >= maxReviewLevels}>
                    {t('addLevel')}
                  </Button>
                  <Button type="primary" htmlType="submit" loading={saving}>
                    {t('saveLevels')}
                  </Button>
                </Space>
              </>
            )}
          </Form.List>
        </Form>
      )}
    </Card>
  );
}
