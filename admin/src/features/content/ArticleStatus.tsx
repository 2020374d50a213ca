import { Badge, Space, Tag } from 'antd';
import { useT } from '../../app/i18n.tsx';
import type { ArticleListItem, ArticleStatus } from './api.ts';
import { contentMessages } from './messages.ts';

const badgeStatus: Record<ArticleStatus, 'default' | 'processing' | 'warning' | 'success' | 'error'> = {
  draft: 'default',
  in_review: 'processing',
  scheduled: 'warning',
  published: 'success',
  withdrawn: 'error',
};

/**
 * 草稿 / 审核中·初审 / 定时发布 / 已发布 / 已撤稿: a coloured dot beside dark
 * text, the console's status convention, readable where a coloured tag is not.
 */
export function ArticleStatusBadge({ article }: { article: Pick<ArticleListItem, 'status' | 'reviewLevelName'> }) {
  const t = useT(contentMessages);
  const text = article.status === 'in_review' && article.reviewLevelName ? t('statusInReview', { level: article.reviewLevelName }) : t(`status.${article.status}`);
  return <Badge status={badgeStatus[article.status]} text={text} />;
}

/** The 焦点 and 置顶 marks beside a title. */
export function ArticleMarks({ article }: { article: Pick<ArticleListItem, 'isFocus' | 'isPinned'> }) {
  const t = useT(contentMessages);
  if (!article.isFocus && !article.isPinned) return null;
  return (
    <Space size={0}>
      {article.isPinned && <Tag color="red">{t('pinned')}</Tag>}
      {article.isFocus && <Tag color="blue">{t('focus')}</Tag>}
    </Space>
  );
}
