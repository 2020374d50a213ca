import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Grid, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useBreadcrumbs } from '../../app/AppLayout.tsx';
import { useAuth } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { appMessages } from '../../app/messages.ts';
import { ErrorState } from '../../shared/PageState.tsx';
import { pageTitleStyle } from '../orgs/page-title.ts';
import { useColumns } from './api.ts';
import { ArticleTable } from './ArticleTable.tsx';
import { contentMessages } from './messages.ts';

/** /articles: every article in the user's scope, filtered by title, status and column; 新建文章 for writers. */
export default function ArticleListPage() {
  const t = useT(contentMessages);
  const tApp = useT(appMessages);
  const navigate = useNavigate();
  const { hasRole } = useAuth();
  const { columns, error, reload } = useColumns();
  const narrow = !Grid.useBreakpoint().sm;
  useBreadcrumbs([{ title: t('articlesTitle') }]);

  const create = hasRole('admin', 'editor') ? (
    <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate('/articles/new')}>
      {t('newArticle')}
    </Button>
  ) : undefined;

  return (
    <Card size={narrow ? 'small' : 'default'} title={<Typography.Title level={1} style={pageTitleStyle}>{t('articlesTitle')}</Typography.Title>}>
      {error && !columns ? (
        <ErrorState error={error} onRetry={reload} />
      ) : (
        <ArticleTable
          ariaLabel={t('articleTable')}
          columns={columns ?? []}
          linkTo={(article) => `/articles/${article.id}`}
          actionLabel={tApp('edit')}
          toolbar={create}
          emptyDescription={t('noArticles')}
        />
      )}
    </Card>
  );
}
