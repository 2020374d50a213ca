import { Flex, type TableColumnsType } from 'antd';
import { useCallback } from 'react';
import type { Query } from '../../app/api.ts';
import { useT } from '../../app/i18n.tsx';
import { DetailSection, OpenDetailButton, useOpenRecord } from './DetailSection.tsx';
import { DateFilterFields } from './DateFilterFields.tsx';
import { RecordTable } from './RecordTable.tsx';
import { ShowFormModal } from './ShowFormModal.tsx';
import { StopFormModal } from './StopFormModal.tsx';
import { deleteShow, deleteStop, fetchShow, fetchShows, fetchStops, type TouringShow, type TouringStop } from './api.ts';
import { venueMessages } from './messages.ts';

/** 流动科技馆 / 巡展: the touring shows in scope; 站点 opens a show's stops below. */
export function TouringTab() {
  const t = useT(venueMessages);
  const opened = useOpenRecord('show', fetchShow);

  const columns: TableColumnsType<TouringShow> = [
    { key: 'name', dataIndex: 'name', title: t('showName') },
    { key: 'owner', dataIndex: 'ownerOrgName', title: t('showOwner') },
    { key: 'description', dataIndex: 'description', title: t('description'), ellipsis: true },
  ];

  return (
    <Flex vertical gap={16}>
      <RecordTable<TouringShow>
        ariaLabel={t('showTable')}
        paramPrefix="shows."
        fetchPage={fetchShows}
        columns={columns}
        emptyDescription={t('noShows')}
        createLabel={t('createShow')}
        rowLink={(show) => <OpenDetailButton onOpen={() => opened.open(show.id)}>{t('showStops')}</OpenDetailButton>}
        editing={{
          name: (show) => show.name,
          deleteTitle: (show) => t('showDeleteConfirm', { name: show.name }),
          deleteText: t('showDeleteText'),
          remove: async (show) => {
            await deleteShow(show.id);
            if (opened.id === show.id) opened.close();
          },
        }}
        renderForm={({ record, onSaved, ...dialog }) => (
          <ShowFormModal
            show={record}
            {...dialog}
            onSaved={() => {
              onSaved();
              opened.refresh();
            }}
          />
        )}
      />
      {opened.id && (
        <DetailSection title={t('stopsOf', { name: opened.record?.name ?? '' })} onClose={opened.close}>
          <StopList key={opened.id} showId={opened.id} />
        </DetailSection>
      )}
    </Flex>
  );
}

/** 巡展站点: one show's stops, latest first, each with its visits. */
function StopList({ showId }: { showId: string }) {
  const t = useT(venueMessages);
  const fetchPage = useCallback((query: Query) => fetchStops(showId, query), [showId]);
  const dates = (stop: TouringStop) => (stop.startDate === stop.endDate ? stop.startDate : `${stop.startDate}${t('dateSeparator')}${stop.endDate}`);

  const columns: TableColumnsType<TouringStop> = [
    { key: 'dates', title: t('dates'), render: (_, stop) => dates(stop) },
    { key: 'host', dataIndex: 'hostName', title: t('host') },
    { key: 'hostKind', title: t('hostKind'), render: (_, stop) => t(`hostKind.${stop.hostKind}`) },
    { key: 'county', dataIndex: 'countyName', title: t('county') },
    { key: 'visits', title: t('stopVisits'), align: 'right', render: (_, stop) => stop.visits.toLocaleString() },
    { key: 'note', dataIndex: 'note', title: t('note') },
  ];

  return (
    <RecordTable<TouringStop>
      ariaLabel={t('stopTable')}
      paramPrefix="stops."
      fetchPage={fetchPage}
      columns={columns}
      emptyDescription={t('noStops')}
      filters={<DateFilterFields />}
      createLabel={t('createStop')}
      editing={{
        name: (stop) => `${stop.hostName} ${stop.startDate}`,
        deleteTitle: (stop) => t('stopDeleteConfirm', { host: stop.hostName }),
        remove: (stop) => deleteStop(showId, stop.id),
      }}
      renderForm={({ record, ...slot }) => <StopFormModal showId={showId} stop={record} {...slot} />}
    />
  );
}
