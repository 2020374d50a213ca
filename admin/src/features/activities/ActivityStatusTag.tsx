import { Space, Tag, Tooltip, Typography } from 'antd';
import { useT } from '../../app/i18n.tsx';
import type { Activity, ActivityStatus } from './api.ts';
import { activityMessages } from './messages.ts';

// Solid tags in dark shades, so the white text reads at 4.5:1 or better (Ant Design's light green tag does not).
const statusColours: Record<ActivityStatus, string> = { reported: '#0958d9', verified: '#237804', returned: '#cf1322' };

/** 已上报 · 已核实 · 已退回; a returned activity's reason shows on hover or keyboard focus. */
export function ActivityStatusTag({ activity }: { activity: Pick<Activity, 'status' | 'returnReason'> }) {
  const t = useT(activityMessages);
  const tag = (
    <Tag color={statusColours[activity.status]} tabIndex={activity.returnReason ? 0 : undefined}>
      {t(`status.${activity.status}`)}
    </Tag>
  );
  if (activity.status !== 'returned' || !activity.returnReason) return tag;
  return (
    <Space size={4} wrap>
      <Tooltip title={t('returnReasonShown', { reason: activity.returnReason })}>{tag}</Tooltip>
      <Typography.Text type="danger" ellipsis style={{ maxWidth: 200 }}>
        {activity.returnReason}
      </Typography.Text>
    </Space>
  );
}
