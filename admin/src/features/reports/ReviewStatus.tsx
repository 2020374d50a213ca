import { Tag } from 'antd';
import { useT } from '../../app/i18n.tsx';
import type { ReviewSummary } from './api.ts';
import { reviewMessages } from './messages.ts';

/** Where the review stands on the portal, in the article workflow's terms: not published, in review at a level, online … */
export function ReviewStatus({ article }: { article: ReviewSummary['article'] }) {
  const t = useT(reviewMessages);
  if (!article) return <Tag>{t('statusDraft')}</Tag>;
  if (article.live && article.status === 'published') return <Tag color="green">{t('statusPublished')}</Tag>;
  switch (article.status) {
    case 'in_review':
      return <Tag color="blue">{t('statusInReview', { level: article.reviewLevelName ?? '' })}</Tag>;
    case 'scheduled':
      return <Tag color="cyan">{t('statusScheduled')}</Tag>;
    case 'withdrawn':
      return <Tag color="orange">{t('statusWithdrawn')}</Tag>;
    default:
      return <Tag color={article.live ? 'green' : undefined}>{t(article.live ? 'statusPublished' : 'statusArticleDraft')}</Tag>;
  }
}
