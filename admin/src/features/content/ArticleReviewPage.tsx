import { CheckOutlined, ExportOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Grid, List, Popconfirm, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useBreadcrumbs } from '../../app/AppLayout.tsx';
import { useT } from '../../app/i18n.tsx';
import { appMessages } from '../../app/messages.ts';
import { ErrorState } from '../../shared/PageState.tsx';
import { ReasonModal } from '../../shared/ReasonModal.tsx';
import { pageTitleStyle } from '../orgs/page-title.ts';
import { approveArticle, fetchArticle, fetchReviewLevels, fetchReviews, previewUrl, returnArticle, type Article, type Review } from './api.ts';
import { ArticleBanner } from './ArticleBanner.tsx';
import { formatDateTime } from './date-format.ts';
import { contentMessages } from './messages.ts';

/**
 * /reviews/:id: a reviewer reads the article exactly as the portal will show
 * it (the staff preview) and approves (通过) or returns it (退回, with a
 * reason the editor sees). The buttons follow the server's `permissions.review`.
 */
export default function ArticleReviewPage() {
  const { id = '' } = useParams();
  const t = useT(contentMessages);
  const tApp = useT(appMessages);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const narrow = !Grid.useBreakpoint().md;
  const [article, setArticle] = useState<Article>();
  const [reviews, setReviews] = useState<Review[]>([]);
  const [lastLevel, setLastLevel] = useState<number>();
  const [error, setError] = useState<unknown>();
  const [returning, setReturning] = useState(false);
  const [busy, setBusy] = useState(false);
  useBreadcrumbs([{ title: t('reviewsTitle'), to: '/reviews' }, { title: article?.title ?? t('reviewAction') }]);

  const load = useCallback(() => {
    Promise.all([fetchArticle(id), fetchReviews(id), fetchReviewLevels()]).then(
      ([loaded, trail, levels]) => {
        setArticle(loaded);
        setReviews(trail.items);
        setLastLevel(levels.items.length);
        setError(undefined);
      },
      (err: unknown) => setError(err),
    );
  }, [id]);
  useEffect(load, [load]);

  const approve = async () => {
    setBusy(true);
    try {
      await approveArticle(id, article!.reviewLevel);
      message.success(t('approved'));
      navigate('/reviews');
    } catch (err) {
      message.error(err instanceof Error ? err.message : String(err));
      load();
    } finally {
      setBusy(false);
    }
  };

  if (error && !article) return <ErrorState error={error} onRetry={load} />;
  if (!article) return <Spin size="large" style={{ display: 'block', margin: '20vh auto' }} />;

  const level = article.reviewLevelName ?? '';
  const isLastLevel = article.reviewLevel !== null && article.reviewLevel === lastLevel;
  return (
    <Card
      size={narrow ? 'small' : 'default'}
      title={
        <Typography.Title level={1} style={{ ...pageTitleStyle, whiteSpace: 'normal' }}>
          {t('reviewPageTitle', { title: article.title })}
        </Typography.Title>
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <ArticleBanner article={article} />
        <Space wrap>
          {article.permissions.review && (
            <>
              <Popconfirm
                title={t('approveConfirm', { level })}
                description={t(isLastLevel ? 'approveLastText' : 'approveNextText')}
                okText={t('approve')}
                cancelText={tApp('cancel')}
                onConfirm={approve}
              >
                <Button type="primary" icon={<CheckOutlined aria-hidden />} loading={busy}>
                  {t('approve')}
                </Button>
              </Popconfirm>
              <Button danger icon={<RollbackOutlined aria-hidden />} disabled={busy} onClick={() => setReturning(true)}>
                {t('return')}
              </Button>
            </>
          )}
          <Button icon={<ExportOutlined aria-hidden />} onClick={() => window.open(previewUrl(article.id), '_blank', 'noopener')}>
            {t('openPreview')}
          </Button>
          <Button onClick={() => navigate('/reviews')}>{t('backToQueue')}</Button>
        </Space>
        {!article.permissions.review && article.status === 'in_review' && <Alert type="info" message={t('cannotReview')} />}
        <iframe
          title={t('previewFrame', { title: article.title })}
          src={previewUrl(article.id)}
          style={{ width: '100%', height: narrow ? '70vh' : '75vh', border: '1px solid #d9d9d9', borderRadius: 6 }}
        />
        {reviews.length > 0 && (
          <List
            header={
              <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
                {t('reviewTrail')}
              </Typography.Title>
            }
            size="small"
            bordered
            dataSource={reviews}
            renderItem={(review) => (
              <List.Item>
                <List.Item.Meta
                  title={t('reviewDecision', { name: review.reviewerName, level: review.levelName, decision: t(`decision.${review.decision}`) })}
                  description={
                    <>
                      {formatDateTime(review.createdAt)} · {t('revisionLabel', { number: review.revisionNumber })}
                      {review.reason && <div>{review.reason}</div>}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Space>
      {returning && (
        <ReturnDialog
          onCancel={() => setReturning(false)}
          onReturn={async (reason) => {
            await returnArticle(id, reason, article.reviewLevel);
            message.success(t('returned'));
            navigate('/reviews');
          }}
        />
      )}
    </Card>
  );
}

/** 退回: the reason is required and shown to the editor on the article. */
function ReturnDialog({ onReturn, onCancel }: { onReturn(reason: string): Promise<void>; onCancel(): void }) {
  const t = useT(contentMessages);
  return (
    <ReasonModal
      title={t('returnTitle')}
      okText={t('return')}
      label={t('returnReason')}
      hint={t('returnReasonHint')}
      tooShort={t('returnReasonTooShort')}
      formName="returnArticle"
      onSubmit={onReturn}
      onClose={onCancel}
    />
  );
}
