import { Alert, Badge, Button, Calendar, Flex, Form, Space, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Query } from '../../app/api.ts';
import { useT } from '../../app/i18n.tsx';
import { appMessages } from '../../app/messages.ts';
import { ErrorState } from '../../shared/PageState.tsx';
import { byStartDate, monthRange } from './activity-form.ts';
import { ActivityFilterFields } from './ActivityFilterFields.tsx';
import { fetchActivities, type Activity, type VocabularyEntry } from './api.ts';
import { activityMessages } from './messages.ts';

/** The filters the calendar shares with the list through the address bar; the month replaces year and paging. */
const sharedFilters = ['q', 'orgId', 'typeId', 'campaignId', 'status'] as const;
/** A month rarely holds more; beyond it the calendar says so rather than paging on. */
const monthLimit = 200;
const shownPerDay = 3;

interface ActivityCalendarProps {
  types?: VocabularyEntry[];
  campaigns?: VocabularyEntry[];
  reloadKey: number;
  onOpen(activity: Activity): void;
}

/** 日历: the chosen month's activities on their start dates, filtered like the list. */
export function ActivityCalendar({ types, campaigns, reloadKey, onOpen }: ActivityCalendarProps) {
  const t = useT(activityMessages);
  const tApp = useT(appMessages);
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm();
  const [month, setMonth] = useState<Dayjs>(() => (params.get('year') ? dayjs(`${params.get('year')}-01-01`) : dayjs()).startOf('month'));
  const [loaded, setLoaded] = useState<{ items: Activity[]; total: number }>();
  const [error, setError] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);

  const filterKey = JSON.stringify(sharedFilters.map((key) => params.get(key) ?? ''));
  const filters = useMemo<Query>(() => Object.fromEntries(sharedFilters.map((key, i) => [key, (JSON.parse(filterKey) as string[])[i]])), [filterKey]);

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(Object.fromEntries(Object.entries(filters).filter(([, value]) => value)));
  }, [form, filters]);

  const monthKey = month.format('YYYY-MM');
  useEffect(() => {
    let current = true;
    setLoaded(undefined);
    fetchActivities({ ...filters, ...monthRange(dayjs(`${monthKey}-01`)), page: 1, pageSize: monthLimit }).then(
      (page) => current && (setLoaded(page), setError(undefined)),
      (err: unknown) => current && setError(err),
    );
    return () => {
      current = false;
    };
  }, [filters, monthKey, reloadKey, attempt]);

  const days = useMemo(() => byStartDate(loaded?.items ?? []), [loaded]);

  const applyFilters = (values: Query) => {
    const next = new URLSearchParams(params);
    for (const key of sharedFilters) {
      const value = values[key];
      if (value === undefined || value === null || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    next.delete('page');
    setParams(next);
  };
  const resetFilters = () => applyFilters({});

  const renderDay = (date: Dayjs) => {
    if (!date.isSame(month, 'month')) return null;
    const list = days.get(date.format('YYYY-MM-DD')) ?? [];
    if (list.length === 0) return null;
    return (
      <ul aria-label={t('calendarDay', { date: date.format('YYYY-MM-DD'), count: list.length })} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {list.slice(0, shownPerDay).map((activity) => (
          <li key={activity.id}>
            <Button type="link" size="small" onClick={() => onOpen(activity)} style={{ padding: 0, height: 'auto', maxWidth: '100%' }}>
              <Badge status={activity.status === 'verified' ? 'success' : activity.status === 'returned' ? 'error' : 'processing'} />
              <Typography.Text ellipsis style={{ maxWidth: 'calc(100% - 14px)' }}>
                {activity.title}
              </Typography.Text>
            </Button>
          </li>
        ))}
        {list.length > shownPerDay && (
          <li>
            <Typography.Text type="secondary">{t('calendarMore', { count: list.length - shownPerDay })}</Typography.Text>
          </li>
        )}
      </ul>
    );
  };

  return (
    <Flex vertical gap={16}>
      <Form form={form} layout="inline" onFinish={applyFilters} style={{ rowGap: 8 }}>
        <ActivityFilterFields types={types} campaigns={campaigns} withYear={false} />
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {tApp('search')}
            </Button>
            <Button onClick={resetFilters}>{tApp('reset')}</Button>
          </Space>
        </Form.Item>
      </Form>
      {error ? <ErrorState error={error} onRetry={() => setAttempt((n) => n + 1)} /> : null}
      {loaded && loaded.total > loaded.items.length && (
        <Alert type="warning" showIcon message={t('calendarTruncated', { shown: loaded.items.length, total: loaded.total })} />
      )}
      <Spin spinning={!loaded && !error}>
        <section aria-label={t('calendarLabel', { month: month.format('YYYY-MM') })}>
          <Calendar
            value={month}
            mode="month"
            onPanelChange={(date) => setMonth(date.startOf('month'))}
            onSelect={(date, { source }) => source !== 'date' && setMonth(date.startOf('month'))}
            cellRender={(date, info) => (info.type === 'date' ? renderDay(date) : info.originNode)}
          />
        </section>
      </Spin>
    </Flex>
  );
}
