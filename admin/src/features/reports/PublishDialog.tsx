import { Checkbox, Form, Modal, Select, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useT } from '../../app/i18n.tsx';
import { appMessages } from '../../app/messages.ts';
import { applyServerErrors } from '../../shared/server-errors.ts';
import { fetchArticle, fetchReviewLevels, useColumns } from '../content/api.ts';
import { CoverField } from '../content/ArticleMediaFields.tsx';
import { columnPath } from '../content/column-tree.ts';
import { publishReview, type AnnualReview } from './api.ts';
import { reviewMessages } from './messages.ts';

interface PublishValues {
  columnId: string;
  isFocus: boolean;
  coverMediaId: string | null;
}

/**
 * 发布: the column the article goes in, 焦点新闻 (checked: a year's review is
 * the association's main news) and the cover the focus strip shows. The
 * article then passes the site's review chain, which the dialog names so
 * nobody expects it online at once.
 */
export function PublishDialog({ review, onDone, onCancel }: { review: AnnualReview; onDone(next: AnnualReview): void; onCancel(): void }) {
  const t = useT(reviewMessages);
  const tApp = useT(appMessages);
  const [form] = Form.useForm<PublishValues>();
  const { columns } = useColumns();
  const [levels, setLevels] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  // A review published before starts from its article's column, focus and cover.
  const articleId = review.article?.id;
  useEffect(() => {
    if (!articleId) return;
    fetchArticle(articleId).then(
      (article) => form.setFieldsValue({ columnId: article.columnIds[0], isFocus: article.isFocus, coverMediaId: article.coverMediaId }),
      () => undefined,
    );
  }, [articleId, form]);
  useEffect(() => {
    fetchReviewLevels().then((list) => setLevels(list.items.map((level) => level.name)), () => setLevels([]));
  }, []);
  const options = useMemo(() => (columns ?? []).map((column) => ({ value: column.id, label: columnPath(columns!, column.id) })), [columns]);

  const publish = async (values: PublishValues) => {
    setBusy(true);
    try {
      onDone(await publishReview(review.id, { ...values, baseRevision: review.revision }));
    } catch (err) {
      setProblems(applyServerErrors(form, err, ['columnId', 'isFocus', 'coverMediaId']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('publishTitle')} okText={t('publish')} cancelText={tApp('cancel')} confirmLoading={busy} onOk={() => form.submit()} onCancel={onCancel} destroyOnHidden>
      <Form form={form} name="publishReview" layout="vertical" initialValues={{ isFocus: true, coverMediaId: null }} onFinish={(values) => void publish(values)}>
        <Form.Item name="columnId" label={t('publishColumn')} rules={[{ required: true }]}>
          <Select options={options} loading={!columns} showSearch optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="isFocus" valuePropName="checked" extra={t('publishFocusHint')}>
          <Checkbox>{t('publishFocus')}</Checkbox>
        </Form.Item>
        <Form.Item noStyle dependencies={['isFocus']}>
          {({ getFieldValue }) => (
            <Form.Item name="coverMediaId" label={t('publishCover')} extra={t('publishCoverHint')} rules={[{ required: getFieldValue('isFocus') === true, message: t('publishCoverRequired') }]}>
              <CoverField />
            </Form.Item>
          )}
        </Form.Item>
      </Form>
      {levels.length > 0 && <Typography.Paragraph type="secondary">{t('publishChain', { levels: levels.join(' → ') })}</Typography.Paragraph>}
      {problems.map((problem) => (
        <Typography.Paragraph key={problem} type="danger" role="alert">
          {problem}
        </Typography.Paragraph>
      ))}
    </Modal>
  );
}
