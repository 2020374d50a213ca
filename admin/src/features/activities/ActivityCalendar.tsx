import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Calendar, Card, DatePicker, Flex, Form, Grid, Space, Spin, Typography } from 'antd';
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
import './ActivityCalendar.css';

/** The filters the calendar shares with the list through the address bar; the month replaces year and paging. */
const sharedFilters = ['q', 'orgId', 'typeId', 'campaignId', 'status'] as const;
/** The server's largest page; a busy month (全国科普日 in September) takes a few. */
const pageSize = 200;
/** Beyond this many in one month the calendar says so rather than loading on. */
const monthLimit = 2000;
const shownPerDay = 3;

/** Every activity of the month up to monthLimit: the first page says how many there are, the rest load together. */
async function loadMonth(query: Query): Promise<{ items: Activity[]; total: number }> {
  const first = await fetchActivities({ ...query, page: 1, pageSize });
  const pages = Math.ceil(Math.min(first.total, monthLimit) / pageSize);
  const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => fetchActivities({ ...query, page: i + 2, pageSize })));
  return { items: [first, ...rest].flatMap((page) => page.items), total: first.total };
}

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
  /** The day whose activities are listed in full under the calendar. */
  const [selectedDay, setSelectedDay] = useState<string>();
  const narrow = !Grid.useBreakpoint().md;
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
    loadMonth({ ...filters, ...monthRange(dayjs(`${monthKey}-01`)) }).then(
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

  const showMonth = (next: Dayjs) => {
    setMonth(next.startOf('month'));
    setSelectedDay(undefined);
  };

  const activityButton = (activity: Activity) => (
    <Button type="link" size="small" onClick={() => onOpen(activity)} style={{ padding: 0, height: 'auto', maxWidth: '100%' }}>
      <Badge status={activity.status === 'verified' ? 'success' : activity.status === 'returned' ? 'error' : 'processing'} />
      <Typography.Text ellipsis style={{ maxWidth: 'calc(100% - 14px)' }}>
        {activity.title}
      </Typography.Text>
    </Button>
  );

  const renderDay = (date: Dayjs) => {
    if (!date.isSame(month, 'month')) return null;
    const list = days.get(date.format('YYYY-MM-DD')) ?? [];
    if (list.length === 0) return null;
    // A phone's cells are too small for titles: a count, and the day's list below on a tap.
    if (narrow) return <Badge count={list.length} size="small" color="#0958d9" title={t('calendarDay', { date: date.format('YYYY-MM-DD'), count: list.length })} />;
    return (
      <ul aria-label={t('calendarDay', { date: date.format('YYYY-MM-DD'), count: list.length })} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {list.slice(0, shownPerDay).map((activity) => (
          <li key={activity.id}>{activityButton(activity)}</li>
        ))}
        {list.length > shownPerDay && (
          <li>
            <Button type="link" size="small" onClick={() => setSelectedDay(date.format('YYYY-MM-DD'))} style={{ padding: 0, height: 'auto' }}>
              {t('calendarMore', { count: list.length - shownPerDay })}
            </Button>
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
        <section className="activity-calendar" aria-label={t('calendarLabel', { month: month.format('YYYY-MM') })}>
          <Calendar
            value={selectedDay ? dayjs(selectedDay) : month}
            mode="month"
            fullscreen={!narrow}
            // The built-in header's year and month selects have no names a screen reader could read out.
            headerRender={() => (
              <Flex gap={8} justify="flex-end" wrap style={{ padding: '8px 0' }}>
                <Button icon={<LeftOutlined aria-hidden />} aria-label={t('previousMonth')} onClick={() => showMonth(month.subtract(1, 'month'))} />
                <DatePicker picker="month" value={month} allowClear={false} aria-label={t('month')} onChange={(date) => date && showMonth(date)} />
                <Button icon={<RightOutlined aria-hidden />} aria-label={t('nextMonth')} onClick={() => showMonth(month.add(1, 'month'))} />
                <Button onClick={() => showMonth(dayjs())}>{t('thisMonth')}</Button>
              </Flex>
            )}
            onSelect={(date, { source }) => (source === 'date' && date.isSame(month, 'month') ? setSelectedDay(date.format('YYYY-MM-DD')) : showMonth(date))}
            cellRender={(date, info) => (info.type === 'date' ? renderDay(date) : info.originNode)}
          />
        </section>
      </Spin>
      {selectedDay && (
        <Card size="small" title={t('calendarDay', { date: selectedDay, count: days.get(selectedDay)?.length ?? 0 })}>
          {days.get(selectedDay)?.length ? (
            <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {days.get(selectedDay)!.map((activity) => (
                <li key={activity.id}>{activityButton(activity)}</li>
              ))}
            </ul>
          ) : (
            <Typography.Text type="secondary">{t('noActivitiesOnDay')}</Typography.Text>
          )}
        </Card>
      )}
    </Flex>
  );
}
