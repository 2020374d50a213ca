import { Card, Grid, Typography } from 'antd';
import { useBreadcrumbs } from '../../app/AppLayout.tsx';
import { useT } from '../../app/i18n.tsx';
import { ErrorState } from '../../shared/PageState.tsx';
import { pageTitleStyle } from '../orgs/page-title.ts';
import { useColumns } from './api.ts';
import { ArticleTable } from './ArticleTable.tsx';
import { contentMessages } from './messages.ts';

/** /reviews: the articles whose current review level this reviewer may decide. */
export default function ReviewQueuePage() {
  const t = useT(contentMessages);
  const { columns, error, reload } = useColumns();
  const narrow = !Grid.useBreakpoint().sm;
  useBreadcrumbs([{ title: t('reviewsTitle') }]);

  return (
    <Card size={narrow ? 'small' : 'default'} title={<Typography.Title level={1} style={pageTitleStyle}>{t('reviewsTitle')}</Typography.Title>}>
      {error && !columns ? (
        <ErrorState error={error} onRetry={reload} />
      ) : (
        <ArticleTable
          ariaLabel={t('reviewTable')}
          columns={columns ?? []}
          fixedQuery={{ awaitingMyReview: true }}
          statusFilter={false}
          linkTo={(article) => `/reviews/${article.id}`}
          actionLabel={t('reviewAction')}
          emptyDescription={t('noReviews')}
        />
      )}
    </Card>
  );
}
