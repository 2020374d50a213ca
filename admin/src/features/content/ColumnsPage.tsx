import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Grid, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useBreadcrumbs } from '../../app/AppLayout.tsx';
import { useT } from '../../app/i18n.tsx';
import { appMessages } from '../../app/messages.ts';
import { useDialogState } from '../../shared/dialog-state.ts';
import { EmptyState, ErrorState } from '../../shared/PageState.tsx';
import { pageTitleStyle } from '../orgs/page-title.ts';
import { deleteColumn, useColumns, type Column } from './api.ts';
import { ColumnModal } from './ColumnDialogs.tsx';
import { nestColumns, type ColumnNode } from './column-tree.ts';
import { contentMessages } from './messages.ts';
import { ReviewLevelsCard } from './ReviewLevelsCard.tsx';

type ColumnDialog = { kind: 'create'; parentId: string | null } | { kind: 'edit'; column: Column };

/** A tree table wants `children` only on rows that have some (an empty array shows an expander). */
type ColumnRow = Omit<ColumnNode, 'children'> & { children?: ColumnRow[] };
const toRows = (nodes: ColumnNode[]): ColumnRow[] => nodes.map(({ children, ...node }) => (children.length ? { ...node, children: toRows(children) } : node));

/** /columns: the site's column tree (create, edit, move, delete) and the review chain's levels. Admins only. */
export default function ColumnsPage() {
  const t = useT(contentMessages);
  const tApp = useT(appMessages);
  const { message } = App.useApp();
  const { columns, error, reload } = useColumns();
  const dialog = useDialogState<ColumnDialog>();
  const narrow = !Grid.useBreakpoint().sm;
  const rows = useMemo(() => toRows(nestColumns(columns ?? [])), [columns]);
  // Every branch open by default: a site has a few dozen columns at most.
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const branchIds = (columns ?? []).filter((c) => columns?.some((child) => child.parentId === c.id)).map((c) => c.id);
  useBreadcrumbs([{ title: t('columnsTitle') }]);

  const remove = async (column: Column) => {
    try {
      await deleteColumn(column.id);
      message.success(t('deleted'));
      reload();
    } catch (err) {
      message.error(err instanceof Error ? err.message : String(err));
    }
  };

  const tableColumns: TableColumnsType<ColumnRow> = [
    { key: 'name', dataIndex: 'name', title: t('columnName') },
    { key: 'slug', dataIndex: 'slug', title: t('columnSlug'), render: (slug: string) => <Typography.Text code>{slug}</Typography.Text> },
    { key: 'listStyle', dataIndex: 'listStyle', title: t('listStyle'), render: (style: Column['listStyle']) => t(`listStyle.${style}`) },
    {
      key: 'flags',
      title: t('inNav'),
      render: (_, column) => (
        <Space size={[0, 4]} wrap>
          {column.inNav ? <Tag color="blue">{t('inNav')}</Tag> : <Tag>{t('hidden')}</Tag>}
          {column.onHome && <Tag color="purple">{t('onHome')}</Tag>}
        </Space>
      ),
    },
    { key: 'position', dataIndex: 'position', title: t('columnPosition') },
    {
      key: 'actions',
      title: tApp('actions'),
      render: (_, column) => (
        <Space size={0} role="group" aria-label={t('columnActions', { name: column.name })}>
          <Button type="link" size="small" onClick={() => dialog.show({ kind: 'edit', column })}>
            {tApp('edit')}
          </Button>
          <Button type="link" size="small" onClick={() => dialog.show({ kind: 'create', parentId: column.id })}>
            {t('createSubColumn')}
          </Button>
          <Popconfirm
            title={t('deleteColumnConfirm', { name: column.name })}
            description={t('deleteColumnText')}
            okText={tApp('confirm')}
            cancelText={tApp('cancel')}
            onConfirm={() => remove(column)}
          >
            <Button type="link" size="small" danger>
              {t('deleteColumn')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  const target = dialog.subject;
  const dialogProps = { open: dialog.open, onClose: dialog.hide, afterClose: dialog.afterClose, onSaved: reload, columns: columns ?? [] };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        size={narrow ? 'small' : 'default'}
        title={<Typography.Title level={1} style={pageTitleStyle}>{t('columnsTitle')}</Typography.Title>}
        extra={
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => dialog.show({ kind: 'create', parentId: null })} disabled={!columns}>
            {t('createColumn')}
          </Button>
        }
      >
        {error && !columns ? (
          <ErrorState error={error} onRetry={reload} />
        ) : (
          <Table<ColumnRow>
            aria-label={t('columnTree')}
            rowKey="id"
            columns={tableColumns}
            dataSource={rows}
            loading={!columns}
            pagination={false}
            scroll={{ x: 'max-content' }}
            expandable={{
              expandedRowKeys: branchIds.filter((id) => !collapsed.has(id)),
              onExpand: (expanded, row) =>
                setCollapsed((before) => {
                  const next = new Set(before);
                  if (expanded) next.delete(row.id);
                  else next.add(row.id);
                  return next;
                }),
            }}
            locale={{ emptyText: <EmptyState description={t('noColumns')} /> }}
          />
        )}
        {target?.kind === 'create' && <ColumnModal key={`create-${target.parentId}`} parentId={target.parentId} {...dialogProps} />}
        {target?.kind === 'edit' && <ColumnModal key={`edit-${target.column.id}`} column={target.column} {...dialogProps} />}
      </Card>
      <ReviewLevelsCard />
    </Space>
  );
}
