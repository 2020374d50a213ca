import { Form, Input, Select, Space, type TableColumnsType } from 'antd';
import { useCallback, useMemo, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { Query } from '../../app/api.ts';
import { useT } from '../../app/i18n.tsx';
import { appMessages } from '../../app/messages.ts';
import { ServerTable } from '../../shared/ServerTable.tsx';
import { SecondaryText } from '../orgs/StatusMarks.tsx';
import { articleStatuses, fetchArticles, type ArticleListItem, type Column } from './api.ts';
import { ArticleMarks, ArticleStatusBadge } from './ArticleStatus.tsx';
import { columnPath } from './column-tree.ts';
import { formatDateTime } from './date-format.ts';
import { contentMessages } from './messages.ts';

interface ArticleTableProps {
  ariaLabel: string;
  columns: Column[];
  /** Where a row's title and action lead, e.g. the editor or the review page. */
  linkTo(article: ArticleListItem): string;
  actionLabel: string;
  /** Fixed query parameters, e.g. awaitingMyReview. */
  fixedQuery?: Query;
  /** The status filter; the review queue has no use for it. */
  statusFilter?: boolean;
  toolbar?: ReactNode;
  emptyDescription: string;
}

/** The article list shared by 文章管理 and the review queue: server-paged, filters in the address bar. */
export function ArticleTable({ ariaLabel, columns, linkTo, actionLabel, fixedQuery, statusFilter = true, toolbar, emptyDescription }: ArticleTableProps) {
  const t = useT(contentMessages);
  const tApp = useT(appMessages);
  const fixedKey = JSON.stringify(fixedQuery ?? {});
  const fetchPage = useCallback((query: Query) => fetchArticles({ ...query, ...(JSON.parse(fixedKey) as Query) }), [fixedKey]);
  const columnOptions = useMemo(() => columns.map((column) => ({ value: column.id, label: columnPath(columns, column.id) })), [columns]);
  const columnNames = useMemo(() => new Map(columns.map((column) => [column.id, column.name])), [columns]);

  const tableColumns: TableColumnsType<ArticleListItem> = [
    {
      key: 'title',
      title: t('title'),
      render: (_, article) => (
        <Space size={4} wrap>
          <Link to={linkTo(article)}>{article.title}</Link>
          <ArticleMarks article={article} />
        </Space>
      ),
    },
    { key: 'status', title: t('status'), render: (_, article) => <ArticleStatusBadge article={article} /> },
    { key: 'columns', title: t('columns'), render: (_, article) => article.columnIds.map((id) => columnNames.get(id) ?? '').filter(Boolean).join('、') },
    { key: 'author', dataIndex: 'author', title: t('author') },
    { key: 'updatedAt', dataIndex: 'updatedAt', title: t('updatedAt'), render: (value: string) => formatDateTime(value) },
    {
      key: 'publishedAt',
      title: t('publishedAt'),
      render: (_, article) => (article.publishedAt ? formatDateTime(article.publishedAt) : article.publishAt ? <SecondaryText>{formatDateTime(article.publishAt)}</SecondaryText> : ''),
    },
    {
      key: 'actions',
      title: tApp('actions'),
      render: (_, article) => (
        <Link to={linkTo(article)} aria-label={`${actionLabel}：${article.title}`}>
          {actionLabel}
        </Link>
      ),
    },
  ];

  const filters = (
    <>
      <Form.Item name="q" label={t('titleSearch')}>
        <Input placeholder={t('titleSearchPlaceholder')} allowClear style={{ width: 180 }} />
      </Form.Item>
      {statusFilter && (
        <Form.Item name="status" label={t('status')}>
          <Select options={articleStatuses.map((status) => ({ value: status, label: t(`status.${status}`) }))} allowClear placeholder={t('all')} style={{ width: 120 }} />
        </Form.Item>
      )}
      <Form.Item name="columnId" label={t('column')}>
        <Select options={columnOptions} allowClear showSearch optionFilterProp="label" placeholder={t('all')} style={{ width: 200 }} />
      </Form.Item>
    </>
  );

  return (
    <ServerTable<ArticleListItem>
      ariaLabel={ariaLabel}
      fetchPage={fetchPage}
      columns={tableColumns}
      rowKey={(article) => article.id}
      filters={filters}
      toolbar={toolbar ? () => toolbar : undefined}
      emptyDescription={emptyDescription}
    />
  );
}
