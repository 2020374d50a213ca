import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Select, type TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import type { Query } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { appMessages } from '../../app/messages.ts';
import { ImportDialog } from '../../shared/ImportDialog.tsx';
import { ServerTable } from '../../shared/ServerTable.tsx';
import { useDialogState } from '../../shared/dialog-state.ts';
import { CaravanFormModal } from './CaravanFormModal.tsx';
import { DetailSection, useOpenRecord } from './DetailSection.tsx';
import { DateFilterFields } from './DateFilterFields.tsx';
import { RecordActions } from './RecordActions.tsx';
import { CaravanStatusTag } from './StatusTags.tsx';
import { TripFormModal } from './TripFormModal.tsx';
import { caravanStatuses, deleteCaravan, deleteTrip, fetchCaravan, fetchCaravans, fetchTrips, tripExcelPath, type Caravan, type CaravanTrip } from './api.ts';
import { venueMessages } from './messages.ts';

/** 科普大篷车: the vehicles in scope; 出车记录 opens a vehicle's trip log below. The trip import takes rows for any vehicle in scope. */
export function CaravansTab() {
  const t = useT(venueMessages);
  const tApp = useT(appMessages);
  const { hasRole } = useAuth();
  const canWrite = hasRole('admin', 'reporter');
  const [reloadKey, setReloadKey] = useState(0);
  const [importing, setImporting] = useState(false);
  const form = useDialogState<{ caravan?: Caravan }>();
  const opened = useOpenRecord('caravan', fetchCaravan);
  const reload = () => setReloadKey((n) => n + 1);

  const tripsButton = (caravan: Caravan) => (
    <Button type="link" size="small" onClick={() => opened.open(caravan.id)}>
      {t('showTrips')}
    </Button>
  );
  const columns: TableColumnsType<Caravan> = [
    { key: 'name', dataIndex: 'name', title: t('caravanName') },
    { key: 'owner', dataIndex: 'ownerOrgName', title: t('caravanOwner') },
    { key: 'status', title: t('status'), render: (_, caravan) => <CaravanStatusTag status={caravan.status} /> },
    { key: 'note', dataIndex: 'note', title: t('note') },
    {
      key: 'actions',
      title: tApp('actions'),
      render: (_, caravan) =>
        canWrite ? (
          <RecordActions
            name={caravan.name}
            extra={tripsButton(caravan)}
            onEdit={() => form.show({ caravan })}
            deleteTitle={t('caravanDeleteConfirm', { name: caravan.name })}
            deleteText={t('caravanDeleteText')}
            onDelete={async () => {
              await deleteCaravan(caravan.id);
              if (opened.id === caravan.id) opened.close();
              reload();
            }}
          />
        ) : (
          tripsButton(caravan)
        ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <ServerTable<Caravan>
        ariaLabel={t('caravanTable')}
        paramPrefix="caravans."
        fetchPage={fetchCaravans}
        columns={columns}
        rowKey={(caravan) => caravan.id}
        reloadKey={reloadKey}
        emptyDescription={t('noCaravans')}
        filters={
          <Form.Item name="status" label={t('status')}>
            <Select options={caravanStatuses.map((status) => ({ value: status, label: t(`caravanStatus.${status}`) }))} allowClear placeholder={t('all')} style={{ width: 110 }} />
          </Form.Item>
        }
        toolbar={() =>
          canWrite && (
            <>
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => form.show({})}>
                {t('createCaravan')}
              </Button>
              <Button icon={<UploadOutlined aria-hidden />} onClick={() => setImporting(true)}>
                {t('importTrips')}
              </Button>
            </>
          )
        }
      />
      {opened.id && (
        <DetailSection title={t('tripsOf', { name: opened.record?.name ?? '' })} onClose={opened.close}>
          <TripLog key={opened.id} caravanId={opened.id} canWrite={canWrite} reloadKey={reloadKey} />
        </DetailSection>
      )}
      {form.subject && (
        <CaravanFormModal
          key={form.subject.caravan?.id ?? 'create'}
          caravan={form.subject.caravan}
          open={form.open}
          onClose={form.hide}
          afterClose={form.afterClose}
          onSaved={() => {
            reload();
            opened.refresh();
          }}
        />
      )}
      <ImportDialog open={importing} onClose={() => setImporting(false)} title={t('importTrips')} basePath={tripExcelPath} onImported={reload} />
    </Flex>
  );
}

/** 出车记录: one vehicle's trips, newest first, with their own form. */
function TripLog({ caravanId, canWrite, reloadKey: outerReloadKey }: { caravanId: string; canWrite: boolean; reloadKey: number }) {
  const t = useT(venueMessages);
  const tApp = useT(appMessages);
  const [reloadKey, setReloadKey] = useState(0);
  const form = useDialogState<{ trip?: CaravanTrip }>();
  const reload = () => setReloadKey((n) => n + 1);
  const fetchPage = useCallback((query: Query) => fetchTrips(caravanId, query), [caravanId]);

  const columns: TableColumnsType<CaravanTrip> = [
    { key: 'date', dataIndex: 'date', title: t('date') },
    { key: 'destination', dataIndex: 'destination', title: t('destination') },
    { key: 'destinationKind', title: t('destinationKind'), render: (_, trip) => t(`destinationKind.${trip.destinationKind}`) },
    { key: 'county', dataIndex: 'countyName', title: t('county') },
    { key: 'km', title: t('tripKm'), align: 'right', render: (_, trip) => trip.km.toLocaleString() },
    { key: 'activities', dataIndex: 'activities', title: t('tripActivities'), align: 'right' },
    { key: 'people', title: t('people'), align: 'right', render: (_, trip) => trip.people.toLocaleString() },
    ...(canWrite
      ? [
          {
            key: 'actions',
            title: tApp('actions'),
            render: (_: unknown, trip: CaravanTrip) => (
              <RecordActions
                name={`${trip.date} ${trip.destination}`}
                onEdit={() => form.show({ trip })}
                deleteTitle={t('tripDeleteConfirm', { date: trip.date, destination: trip.destination })}
                onDelete={async () => {
                  await deleteTrip(caravanId, trip.id);
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
      <ServerTable<CaravanTrip>
        ariaLabel={t('tripTable')}
        paramPrefix="trips."
        fetchPage={fetchPage}
        columns={columns}
        rowKey={(trip) => trip.id}
        reloadKey={reloadKey + outerReloadKey}
        emptyDescription={t('noTrips')}
        filters={<DateFilterFields />}
        toolbar={() =>
          canWrite && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => form.show({})}>
              {t('createTrip')}
            </Button>
          )
        }
      />
      {form.subject && (
        <TripFormModal key={form.subject.trip?.id ?? 'create'} caravanId={caravanId} trip={form.subject.trip} open={form.open} onClose={form.hide} afterClose={form.afterClose} onSaved={reload} />
      )}
    </>
  );
}
