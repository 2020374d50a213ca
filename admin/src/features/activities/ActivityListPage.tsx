import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Grid, Popconfirm, Space, Tabs, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useBreadcrumbs } from '../../app/AppLayout.tsx';
import { useAuth } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { appMessages } from '../../app/messages.ts';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { ImportDialog } from '../../shared/ImportDialog.tsx';
import { ServerTable } from '../../shared/ServerTable.tsx';
import { useDialogState } from '../../shared/dialog-state.ts';
import { pageTitleStyle } from '../orgs/page-title.ts';
import { ActivityCalendar } from './ActivityCalendar.tsx';
import { useActivityColumns } from './ActivityColumns.tsx';
import { ActivityDrawer } from './ActivityDrawer.tsx';
import { ActivityFilterFields } from './ActivityFilterFields.tsx';
import { ActivityFormModal } from './ActivityFormModal.tsx';
import { deleteActivity, fetchActivities, useVocabulary, type Activity } from './api.ts';
import { activityMessages } from './messages.ts';

type ActivityDialog = { kind: 'create' } | { kind: 'edit'; activity: Activity };

/** /activities: the activities in the user's scope as a list or a calendar, with record, correct, import and export. */
export default function ActivityListPage() {
  const t = useT(activityMessages);
  const tApp = useT(appMessages);
  const { message } = App.useApp();
  const { hasRole } = useAuth();
  const canWrite = hasRole('admin', 'reporter');
  const types = useVocabulary('types');
  const campaigns = useVocabulary('campaigns');
  const [reloadKey, setReloadKey] = useState(0);
  const [importing, setImporting] = useState(false);
  const form = useDialogState<ActivityDialog>();
  const details = useDialogState<Activity>();
  const narrow = !Grid.useBreakpoint().sm;
  useBreadcrumbs([{ title: t('title') }]);

  const reload = () => setReloadKey((n) => n + 1);

  const remove = async (activity: Activity) => {
    try {
      await deleteActivity(activity.id);
      message.success(t('deleted'));
      reload();
    } catch (err) {
      message.error(err instanceof Error ? err.message : String(err));
    }
  };

  const columns: TableColumnsType<Activity> = [
    ...useActivityColumns(details.show),
    {
      key: 'actions',
      title: tApp('actions'),
      fixed: 'right',
      render: (_, activity) =>
        activity.permissions.edit && (
          <Space size={0} role="group" aria-label={t('rowActions', { title: activity.title })}>
            <Button type="link" size="small" onClick={() => form.show({ kind: 'edit', activity })}>
              {tApp('edit')}
            </Button>
            <Popconfirm
              title={t('deleteConfirm', { title: activity.title })}
              description={t('deleteText')}
              okText={t('delete')}
              okButtonProps={{ danger: true }}
              cancelText={tApp('cancel')}
              onConfirm={() => remove(activity)}
            >
              <Button type="link" size="small" danger>
                {t('delete')}
              </Button>
            </Popconfirm>
          </Space>
        ),
    },
  ];

  const target = form.subject;
  const list = (
    <ServerTable<Activity>
      ariaLabel={t('tableLabel')}
      fetchPage={fetchActivities}
      columns={columns}
      rowKey={(activity) => activity.id}
      filters={<ActivityFilterFields types={types.items} campaigns={campaigns.items} />}
      emptyDescription={t('noActivities')}
      toolbar={(query) => (
        <>
          {canWrite && (
            <>
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => form.show({ kind: 'create' })}>
                {t('create')}
              </Button>
              <Button icon={<UploadOutlined aria-hidden />} onClick={() => setImporting(true)}>
                {tApp('importExcel')}
              </Button>
            </>
          )}
          <ExportButton path="/activities/excel/export" query={query} />
        </>
      )}
      reloadKey={reloadKey}
    />
  );

  return (
    <Card size={narrow ? 'small' : 'default'} title={<Typography.Title level={1} style={pageTitleStyle}>{t('title')}</Typography.Title>}>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'list', label: t('tabList'), children: list },
          { key: 'calendar', label: t('tabCalendar'), children: <ActivityCalendar types={types.items} campaigns={campaigns.items} reloadKey={reloadKey} onOpen={details.show} /> },
        ]}
      />
      {target && (
        <ActivityFormModal
          key={target.kind === 'edit' ? `edit-${target.activity.id}` : 'create'}
          activity={target.kind === 'edit' ? target.activity : undefined}
          types={types.items ?? []}
          campaigns={campaigns.items ?? []}
          open={form.open}
          onClose={form.hide}
          afterClose={form.afterClose}
          onSaved={reload}
        />
      )}
      <ActivityDrawer activity={details.subject ?? undefined} open={details.open} onClose={details.hide} afterClose={details.afterClose} onDecided={reload} />
      <ImportDialog open={importing} onClose={() => setImporting(false)} title={t('importTitle')} basePath="/activities/excel" onImported={reload} />
    </Card>
  );
}
