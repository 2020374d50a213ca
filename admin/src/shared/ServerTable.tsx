import { Button, Form, Space, Table, type TableColumnsType, type TablePaginationConfig } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { Page, Query } from '../app/api.ts';
import { useT } from '../app/i18n.tsx';
import { appMessages } from '../app/messages.ts';
import { EmptyState, ErrorState } from './PageState.tsx';

export interface ServerTableProps<T> {
  /** Loads one page for the query (page, pageSize, sort, order and the filter fields). */
  fetchPage(query: Query): Promise<Page<T>>;
  /** Columns whose `key` is a server sort field may set `sorter: true`. */
  columns: TableColumnsType<T>;
  rowKey: (row: T) => string;
  /** Form.Items for the filter bar; their names become query parameters. */
  filters?: ReactNode;
  /** Buttons above the table; they receive the current query (for an export of exactly this list). */
  toolbar?: (query: Query) => ReactNode;
  /** Shown instead of the empty table, e.g. a "create the first one" button. */
  emptyAction?: ReactNode;
  /** What the empty table says, e.g. 没有下级组织; 暂无数据 when not given. */
  emptyDescription?: string;
  /** Change it to load the current page again after a write. */
  reloadKey?: number;
  ariaLabel: string;
  /**
   * Prefix of this table's keys in the address bar (e.g. `children.` gives
   * `children.page=2`), so several tables on one page keep apart states.
   */
  paramPrefix?: string;
}

const pagingKeys = ['page', 'pageSize', 'sort', 'order'];

/**
 * The list every module screen uses: paginated, sorted and filtered on the
 * server, with its state in the address bar so a filtered list can be
 * bookmarked, shared and restored by the back button.
 */
export function ServerTable<T extends object>({ fetchPage, columns, rowKey, filters, toolbar, emptyAction, emptyDescription, reloadKey, ariaLabel, paramPrefix = '' }: ServerTableProps<T>) {
  const t = useT(appMessages);
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm();
  const [data, setData] = useState<Page<T>>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);

  // Keyed by this table's own parameters, so another table's paging does not reload this one.
  const ownParams = [...params.entries()].filter(([key]) => key.startsWith(paramPrefix));
  const ownParamsKey = JSON.stringify(ownParams);
  const query = useMemo<Query>(
    () => Object.fromEntries((JSON.parse(ownParamsKey) as [string, string][]).map(([key, value]) => [key.slice(paramPrefix.length), value])),
    [ownParamsKey, paramPrefix],
  );

  const hasFilters = Boolean(filters);
  useEffect(() => {
    // Without a filter bar there is no Form to fill (and antd warns about a form instance left unconnected).
    // Reset first: a filter absent from the address (after 重置, or going back) must show as empty too.
    if (hasFilters) {
      form.resetFields();
      form.setFieldsValue(Object.fromEntries(Object.entries(query).filter(([key]) => !pagingKeys.includes(key))));
    }
  }, [form, query, hasFilters]);

  useEffect(() => {
    let current = true;
    setLoading(true);
    fetchPage(query).then(
      (page) => current && (setData(page), setError(undefined)),
      (err: unknown) => current && setError(err),
    ).finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [fetchPage, query, reloadKey, attempt]);

  const update = useCallback(
    (changes: Query) => {
      const next = new URLSearchParams(params);
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined || value === null || value === '') next.delete(paramPrefix + key);
        else next.set(paramPrefix + key, String(value));
      }
      setParams(next);
    },
    [params, setParams, paramPrefix],
  );

  const reset = () => {
    const next = new URLSearchParams(params);
    for (const key of [...next.keys()]) if (key.startsWith(paramPrefix)) next.delete(key);
    setParams(next);
  };

  const onChange = (pagination: TablePaginationConfig, _filters: unknown, sorter: SorterResult<T> | SorterResult<T>[]) => {
    const single = Array.isArray(sorter) ? sorter[0] : sorter;
    update({
      page: pagination.current,
      pageSize: pagination.pageSize,
      sort: single?.order ? String(single.columnKey) : undefined,
      order: single?.order ? (single.order === 'ascend' ? 'asc' : 'desc') : undefined,
    });
  };

  const sortedColumns = columns.map((column) =>
    column.key && column.key === query.sort ? { ...column, sortOrder: query.order === 'desc' ? ('descend' as const) : ('ascend' as const) } : column,
  );

  if (error && !data) return <ErrorState error={error} onRetry={() => setAttempt((n) => n + 1)} />;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {filters && (
        <Form form={form} layout="inline" onFinish={(values) => update({ ...values, page: undefined })} style={{ rowGap: 8 }}>
          {filters}
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">
                {t('search')}
              </Button>
              <Button onClick={reset}>{t('reset')}</Button>
            </Space>
          </Form.Item>
        </Form>
      )}
      {toolbar && <Space wrap>{toolbar(query)}</Space>}
      {error ? <ErrorState error={error} onRetry={() => setAttempt((n) => n + 1)} /> : null}
      <Table<T>
        aria-label={ariaLabel}
        rowKey={rowKey}
        columns={sortedColumns}
        dataSource={data?.items}
        loading={loading}
        onChange={onChange}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <EmptyState description={emptyDescription} action={emptyAction} /> }}
        pagination={{
          current: data?.page ?? 1,
          pageSize: data?.pageSize ?? 20,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('total', { total }),
          // The default ••• jump links carry an icon whose English name screen readers would read out.
          itemRender: (_page, type, element) =>
            type === 'jump-prev' || type === 'jump-next' ? (
              <a className="ant-pagination-item-link" aria-label={t(type === 'jump-prev' ? 'jumpPrev' : 'jumpNext')}>
                •••
              </a>
            ) : (
              element
            ),
        }}
      />
    </Space>
  );
}
