import { Alert, Space } from 'antd';
import { useT } from '../../app/i18n.tsx';
import type { Article } from './api.ts';
import { hasUnpublishedChanges } from './article-form.ts';
import { formatDateTime } from './date-format.ts';
import { contentMessages } from './messages.ts';

/**
 * Where the article stands, above the editor and on the review page: its
 * state (审核中（复审）, 定时发布, 已发布), why it was returned, and whether
 * the website shows an older revision than this one.
 */
export function ArticleBanner({ article }: { article: Article }) {
  const t = useT(contentMessages);
  const returned = article.status === 'draft' && article.lastReturn;
  return (
    <Space direction="vertical" style={{ width: '100%' }} role="status">
      {article.status === 'draft' && !returned && <Alert type="info" message={t('bannerDraft', { revision: article.revision })} />}
      {returned && (
        <Alert
          type="warning"
          showIcon
          message={t('bannerReturned', {
            name: returned.reviewerName,
            level: returned.levelName,
            time: formatDateTime(returned.createdAt),
            reason: returned.reason ?? '',
          })}
        />
      )}
      {article.status === 'in_review' && <Alert type="info" showIcon message={t('bannerInReview', { level: article.reviewLevelName ?? '' })} />}
      {article.status === 'scheduled' && article.publishAt && <Alert type="info" showIcon message={t('bannerScheduled', { time: formatDateTime(article.publishAt) })} />}
      {article.status === 'published' && article.live && <Alert type="success" showIcon message={t('bannerPublished', { time: formatDateTime(article.live.publishedAt) })} />}
      {article.status === 'withdrawn' && <Alert type="error" showIcon message={t('bannerWithdrawn')} />}
      {hasUnpublishedChanges(article) && <Alert type="warning" showIcon message={t('bannerUnpublished', { live: article.live!.revision, revision: article.revision })} />}
    </Space>
  );
}
