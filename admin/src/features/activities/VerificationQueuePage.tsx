import { Card, Grid, Typography, type TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import type { Query } from '../../app/api.ts';
import { useBreadcrumbs } from '../../app/AppLayout.tsx';
import { useT } from '../../app/i18n.tsx';
import { ServerTable } from '../../shared/ServerTable.tsx';
import { useDialogState } from '../../shared/dialog-state.ts';
import { pageTitleStyle } from '../orgs/page-title.ts';
import { ActivityDrawer } from './ActivityDrawer.tsx';
import { useActivityColumns } from './ActivityColumns.tsx';
import { fetchActivities, type Activity } from './api.ts';
import { activityMessages } from './messages.ts';

/** /activities/verify: activities reported by the orgs below the reviewer's, awaiting 核实 or 退回. */
export default function VerificationQueuePage() {
  const t = useT(activityMessages);
  const details = useDialogState<Activity>();
  const [reloadKey, setReloadKey] = useState(0);
  const narrow = !Grid.useBreakpoint().sm;
  useBreadcrumbs([{ title: t('title'), to: '/activities' }, { title: t('verifyTitle') }]);

  const fetchAwaiting = useCallback((query: Query) => fetchActivities({ ...query, awaitingMyVerification: true }), []);
  const columns: TableColumnsType<Activity> = useActivityColumns(details.show).filter((column) => column.key !== 'status');

  return (
    <Card size={narrow ? 'small' : 'default'} title={<Typography.Title level={1} style={pageTitleStyle}>{t('verifyTitle')}</Typography.Title>}>
      <ServerTable<Activity>
        ariaLabel={t('verifyTable')}
        fetchPage={fetchAwaiting}
        columns={columns}
        rowKey={(activity) => activity.id}
        emptyDescription={t('noneToVerify')}
        reloadKey={reloadKey}
      />
      <ActivityDrawer
        activity={details.subject ?? undefined}
        open={details.open}
        onClose={details.hide}
        afterClose={details.afterClose}
        onDecided={() => setReloadKey((n) => n + 1)}
      />
    </Card>
  );
}
