import { App, Button, Descriptions, Drawer, Grid, Popconfirm, Space, Tag, Typography, theme } from 'antd';
import { useT } from '../../app/i18n.tsx';
import { appMessages } from '../../app/messages.ts';
import { useDialogState } from '../../shared/dialog-state.ts';
import { dateSpan } from './activity-form.ts';
import { ActivityStatusTag } from './ActivityStatusTag.tsx';
import { EvidenceField } from './EvidenceField.tsx';
import { verifyActivity, type Activity } from './api.ts';
import { activityMessages } from './messages.ts';
import { ReturnActivityModal } from './ReturnActivityModal.tsx';

interface ActivityDrawerProps {
  activity: Activity | undefined;
  open: boolean;
  onClose(): void;
  afterClose(): void;
  /** After 核实 or 退回, with the activity as it now stands. */
  onDecided(activity: Activity): void;
}

/** One activity in full; a reviewer of the level above decides it here: 核实 or 退回 with a reason. */
export function ActivityDrawer({ activity, open, onClose, afterClose, onDecided }: ActivityDrawerProps) {
  const t = useT(activityMessages);
  const tApp = useT(appMessages);
  const { message } = App.useApp();
  const returning = useDialogState<Activity>();
  const { token } = theme.useToken();
  const narrow = !Grid.useBreakpoint().sm;
  const decidable = activity?.permissions.verify && activity.status === 'reported';

  const verify = async (target: Activity) => {
    try {
      const verified = await verifyActivity(target.id);
      message.success(t('verified'));
      onDecided(verified);
      onClose();
    } catch (err) {
      message.error(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      afterOpenChange={(visible) => !visible && afterClose()}
      title={activity ? activity.title : t('detailsTitle')}
      width={narrow ? '100%' : 560}
      extra={
        activity &&
        decidable && (
          <Space>
            <Button danger onClick={() => returning.show(activity)}>
              {t('return')}
            </Button>
            <Popconfirm title={t('verifyConfirm', { title: activity.title })} okText={t('verify')} cancelText={tApp('cancel')} onConfirm={() => verify(activity)}>
              <Button type="primary">{t('verify')}</Button>
            </Popconfirm>
          </Space>
        )
      }
    >
      {activity && (
        // A long record scrolls inside the drawer: focusable, so a keyboard can scroll it too.
        <section tabIndex={0} aria-label={t('detailsTitle')}>
          {/* Labels in the body text colour: Ant Design's grey on the label cells' grey reads at under 4.5:1. */}
          <Descriptions column={1} size="small" bordered styles={{ label: { color: token.colorText, whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label={t('status')}>
              <ActivityStatusTag activity={activity} />
            </Descriptions.Item>
            <Descriptions.Item label={t('org')}>{activity.orgName}</Descriptions.Item>
            <Descriptions.Item label={t('type')}>{activity.typeName}</Descriptions.Item>
            <Descriptions.Item label={t('campaign')}>{activity.campaignName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('series')}>{activity.series || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('dates')}>{dateSpan(activity, t('dateSeparator'))}</Descriptions.Item>
            <Descriptions.Item label={t('venue')}>{activity.venue || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('organiser')}>{activity.organiser || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('partners')}>
              {activity.partners.length ? (
                <Space size={[0, 4]} wrap>
                  {activity.partners.map((partner) => (
                    <Tag key={partner}>{partner}</Tag>
                  ))}
                </Space>
              ) : (
                '—'
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('participants')}>{activity.participants.toLocaleString()}</Descriptions.Item>
            <Descriptions.Item label={t('quantity')}>{activity.quantity === null ? '—' : `${activity.quantity} ${activity.unit}`}</Descriptions.Item>
            <Descriptions.Item label={t('mode')}>{t(`mode.${activity.mode}`)}</Descriptions.Item>
            <Descriptions.Item label={t('description')}>
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{activity.description || '—'}</Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label={t('visibility')}>{t(activity.public ? 'visibility.public' : 'visibility.internal')}</Descriptions.Item>
            <Descriptions.Item label={t('evidence')}>{activity.evidenceMediaIds.length ? <EvidenceField value={activity.evidenceMediaIds} readOnly /> : '—'}</Descriptions.Item>
          </Descriptions>
        </section>
      )}
      {returning.subject && (
        <ReturnActivityModal
          activity={returning.subject}
          open={returning.open}
          onClose={returning.hide}
          afterClose={returning.afterClose}
          onReturned={(returned) => {
            message.success(t('returned'));
            onDecided(returned);
            onClose();
          }}
        />
      )}
    </Drawer>
  );
}
