import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, type TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import type { Query } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { appMessages } from '../../app/messages.ts';
import { ServerTable } from '../../shared/ServerTable.tsx';
import { useDialogState } from '../../shared/dialog-state.ts';
import { DetailSection, useOpenRecord } from './DetailSection.tsx';
import { DateFilterFields } from './DateFilterFields.tsx';
import { RecordActions } from './RecordActions.tsx';
import { ShowFormModal } from './ShowFormModal.tsx';
import { StopFormModal } from './StopFormModal.tsx';
import { deleteShow, deleteStop, fetchShow, fetchShows, fetchStops, type TouringShow, type TouringStop } from './api.ts';
import { venueMessages } from './messages.ts';

/** 流动科技馆 / 巡展: the touring shows in scope; 站点 opens a show's stops below. */
export function TouringTab() {
  const t = useT(venueMessages);
  const tApp = useT(appMessages);
  const { hasRole } = useAuth();
  const canWrite = hasRole('admin', 'reporter');
  const [reloadKey, setReloadKey] = useState(0);
  const form = useDialogState<{ show?: TouringShow }>();
  const opened = useOpenRecord('show', fetchShow);
  const reload = () => setReloadKey((n) => n + 1);

  const stopsButton = (show: TouringShow) => (
    <Button type="link" size="small" onClick={() => opened.open(show.id)}>
      {t('showStops')}
    </Button>
  );
  const columns: TableColumnsType<TouringShow> = [
    { key: 'name', dataIndex: 'name', title: t('showName') },
    { key: 'owner', dataIndex: 'ownerOrgName', title: t('showOwner') },
    { key: 'description', dataIndex: 'description', title: t('description'), ellipsis: true },
    {
      key: 'actions',
      title: tApp('actions'),
      render: (_, show) =>
        canWrite ? (
          <RecordActions
            name={show.name}
            extra={stopsButton(show)}
            onEdit={() => form.show({ show })}
            deleteTitle={t('showDeleteConfirm', { name: show.name })}
            deleteText={t('showDeleteText')}
            onDelete={async () => {
              await deleteShow(show.id);
              if (opened.id === show.id) opened.close();
              reload();
            }}
          />
        ) : (
          stopsButton(show)
        ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <ServerTable<TouringShow>
        ariaLabel={t('showTable')}
        paramPrefix="shows."
        fetchPage={fetchShows}
        columns={columns}
        rowKey={(show) => show.id}
        reloadKey={reloadKey}
        emptyDescription={t('noShows')}
        toolbar={() =>
          canWrite && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => form.show({})}>
              {t('createShow')}
            </Button>
          )
        }
      />
      {opened.id && (
        <DetailSection title={t('stopsOf', { name: opened.record?.name ?? '' })} onClose={opened.close}>
          <StopList key={opened.id} showId={opened.id} canWrite={canWrite} />
        </DetailSection>
      )}
      {form.subject && (
        <ShowFormModal
          key={form.subject.show?.id ?? 'create'}
          show={form.subject.show}
          open={form.open}
          onClose={form.hide}
          afterClose={form.afterClose}
          onSaved={() => {
            reload();
            opened.refresh();
          }}
        />
      )}
    </Flex>
  );
}

/** 巡展站点: one show's stops, latest first, each with its visits. */
function StopList({ showId, canWrite }: { showId: string; canWrite: boolean }) {
  const t = useT(venueMessages);
  const tApp = useT(appMessages);
  const [reloadKey, setReloadKey] = useState(0);
  const form = useDialogState<{ stop?: TouringStop }>();
  const reload = () => setReloadKey((n) => n + 1);
  const fetchPage = useCallback((query: Query) => fetchStops(showId, query), [showId]);
  const dates = (stop: TouringStop) => (stop.startDate === stop.endDate ? stop.startDate : `${stop.startDate}${t('dateSeparator')}${stop.endDate}`);

  const columns: TableColumnsType<TouringStop> = [
    { key: 'dates', title: t('dates'), render: (_, stop) => dates(stop) },
    { key: 'host', dataIndex: 'hostName', title: t('host') },
    { key: 'hostKind', title: t('hostKind'), render: (_, stop) => t(`hostKind.${stop.hostKind}`) },
    { key: 'county', dataIndex: 'countyName', title: t('county') },
    { key: 'visits', title: t('stopVisits'), align: 'right', render: (_, stop) => stop.visits.toLocaleString() },
    { key: 'note', dataIndex: 'note', title: t('note') },
    ...(canWrite
      ? [
          {
            key: 'actions',
            title: tApp('actions'),
            render: (_: unknown, stop: TouringStop) => (
              <RecordActions
                name={`${stop.hostName} ${stop.startDate}`}
                onEdit={() => form.show({ stop })}
                deleteTitle={t('stopDeleteConfirm', { host: stop.hostName })}
                onDelete={async () => {
                  await deleteStop(showId, stop.id);
                  reload();
                }}
              />
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <ServerTable<TouringStop>
        ariaLabel={t('stopTable')}
        paramPrefix="stops."
        fetchPage={fetchPage}
        columns={columns}
        rowKey={(stop) => stop.id}
        reloadKey={reloadKey}
        emptyDescription={t('noStops')}
        filters={<DateFilterFields />}
        toolbar={() =>
          canWrite && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => form.show({})}>
              {t('createStop')}
            </Button>
          )
        }
      />
      {form.subject && (
        <StopFormModal key={form.subject.stop?.id ?? 'create'} showId={showId} stop={form.subject.stop} open={form.open} onClose={form.hide} afterClose={form.afterClose} onSaved={reload} />
      )}
    </>
  );
}
