import { FileAddOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Grid, InputNumber, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { useBreadcrumbs } from '../../app/AppLayout.tsx';
import { useAuth } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { ErrorState, EmptyState } from '../../shared/PageState.tsx';
import { formatDateTime } from '../content/date-format.ts';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect.tsx';
import { pageTitleStyle } from '../orgs/page-title.ts';
import { fetchReviews, generateReview, type ReviewSummary } from './api.ts';
import { reviewMessages } from './messages.ts';
import { ReviewStatus } from './ReviewStatus.tsx';

interface GenerateValues {
  year: number;
  orgId: string;
}

/** Year-end work is written in the new year: last year is the one staff usually want. */
const lastYear = () => new Date().getFullYear() - 1;

/** /annual-reviews: pick a year and an org of one's scope, 生成 (or open the one already there), and every review in scope. */
export default function AnnualReviewsPage() {
  const t = useT(reviewMessages);
  const { user, hasRole } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const narrow = !Grid.useBreakpoint().sm;
  const [form] = Form.useForm<GenerateValues>();
  const [reviews, setReviews] = useState<ReviewSummary[]>();
  const [error, setError] = useState<unknown>();
  const [generating, setGenerating] = useState(false);
  const year = Form.useWatch('year', form);
  const orgId = Form.useWatch('orgId', form);
  useBreadcrumbs([{ title: t('pageTitle') }]);

  const reload = useCallback(() => {
    fetchReviews({}).then(
      (list) => (setReviews(list.items), setError(undefined)),
      (err: unknown) => setError(err),
    );
  }, []);
  useEffect(reload, [reload]);

  // That year's review for that org, if staff already have one: it is opened, never generated over.
  const existing = reviews?.find((review) => review.year === year && review.orgId === orgId);
  const canWrite = hasRole('admin', 'editor');

  const generate = async (values: GenerateValues) => {
    setGenerating(true);
    try {
      const review = await generateReview(values);
      navigate(`/annual-reviews/${review.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'REVIEW_EXISTS') reload();
      message.error(err instanceof Error ? err.message : String(err));
    } finally {
      setGenerating(false);
    }
  };

  const columns = [
    { title: t('colTitle'), dataIndex: 'title', key: 'title', render: (title: string, review: ReviewSummary) => <Link to={`/annual-reviews/${review.id}`}>{title}</Link> },
    { title: t('colYear'), dataIndex: 'year', key: 'year', width: 90 },
    { title: t('colOrg'), dataIndex: 'orgName', key: 'orgName' },
    { title: t('colStatus'), key: 'status', render: (_: unknown, review: ReviewSummary) => <ReviewStatus article={review.article} /> },
    { title: t('colRevision'), dataIndex: 'revision', key: 'revision', width: 80 },
    { title: t('colUpdated'), key: 'updated', render: (_: unknown, review: ReviewSummary) => t('savedBy', { name: review.updatedByName, time: formatDateTime(review.updatedAt) }) },
  ];

  return (
    <Card size={narrow ? 'small' : 'default'} title={<Typography.Title level={1} style={pageTitleStyle}>{t('pageTitle')}</Typography.Title>}>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      {canWrite && user && (
        <Form form={form} name="generateReview" layout="inline" initialValues={{ year: lastYear(), orgId: user.orgId }} onFinish={(values) => void generate(values)} style={{ marginBottom: 16, rowGap: 8 }}>
          <Form.Item name="year" label={t('year')} rules={[{ required: true }]}>
            <InputNumber min={1949} max={2100} precision={0} />
          </Form.Item>
          <Form.Item name="orgId" label={t('org')} rules={[{ required: true }]} style={{ minWidth: 260 }}>
            <OrgTreeSelect />
          </Form.Item>
          <Form.Item>
            {existing ? (
              <Button icon={<FolderOpenOutlined aria-hidden />} onClick={() => navigate(`/annual-reviews/${existing.id}`)}>
                {t('openExisting')}
              </Button>
            ) : (
              <Button type="primary" htmlType="submit" icon={<FileAddOutlined aria-hidden />} loading={generating}>
                {generating ? t('generating') : t('generate')}
              </Button>
            )}
          </Form.Item>
        </Form>
      )}
      {existing && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('existsHint', { org: existing.orgName, year: existing.year })} />}
      {error && !reviews ? (
        <ErrorState error={error} onRetry={reload} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {t('listTitle')}
          </Typography.Title>
          <Table<ReviewSummary>
            rowKey="id"
            size="middle"
            loading={!reviews}
            dataSource={reviews ?? []}
            columns={columns}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <EmptyState description={t('noReviews')} /> }}
          />
        </Space>
      )}
    </Card>
  );
}
