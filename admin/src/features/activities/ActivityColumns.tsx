import { Button, Tag, type TableColumnsType } from 'antd';
import { useT } from '../../app/i18n.tsx';
import { dateSpan } from './activity-form.ts';
import { ActivityStatusTag } from './ActivityStatusTag.tsx';
import type { Activity } from './api.ts';
import { activityMessages } from './messages.ts';

/** The columns both the list and the verification queue show; those keyed by a server sort field sort on the server. */
export function useActivityColumns(onOpen: (activity: Activity) => void): TableColumnsType<Activity> {
  const t = useT(activityMessages);
  return [
    {
      key: 'title',
      title: t('keyword'),
      render: (_, activity) => (
        <Button type="link" onClick={() => onOpen(activity)} style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}>
          {activity.title}
        </Button>
      ),
    },
    { key: 'public', title: t('visibility'), render: (_, activity) => (activity.public ? <Tag color="blue">{t('publicTag')}</Tag> : t('visibility.internal')) },
    { key: 'type', dataIndex: 'typeName', title: t('type') },
    { key: 'campaign', title: t('campaign'), render: (_, activity) => activity.campaignName ?? '—' },
    { key: 'start_date', title: t('dates'), sorter: true, render: (_, activity) => dateSpan(activity, t('dateSeparator')) },
    { key: 'org', dataIndex: 'orgName', title: t('org') },
    { key: 'participants', title: t('participants'), align: 'right', sorter: true, render: (_, activity) => activity.participants.toLocaleString() },
    { key: 'quantity', title: t('quantity'), align: 'right', render: (_, activity) => (activity.quantity === null ? '—' : `${activity.quantity} ${activity.unit}`) },
    { key: 'status', title: t('status'), sorter: true, render: (_, activity) => <ActivityStatusTag activity={activity} /> },
  ];
}
