import { UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Select, type TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import type { Query } from '../../app/api.ts';
import { useT } from '../../app/i18n.tsx';
import { ImportDialog } from '../../shared/ImportDialog.tsx';
import { CaravanFormModal } from './CaravanFormModal.tsx';
import { DetailSection, OpenDetailButton, useOpenRecord } from './DetailSection.tsx';
import { DateFilterFields } from './DateFilterFields.tsx';
import { RecordTable } from './RecordTable.tsx';
import { CaravanStatusTag } from './StatusTags.tsx';
import { TripFormModal } from './TripFormModal.tsx';
import { caravanStatuses, deleteCaravan, deleteTrip, fetchCaravan, fetchCaravans, fetchTrips, tripExcelPath, type Caravan, type CaravanTrip } from './api.ts';
import { venueMessages } from './messages.ts';

/** 科普大篷车: the vehicles in scope; 出车记录 opens a vehicle's trip log below. The trip import takes rows for any vehicle in scope. */
export function CaravansTab() {
  const t = useT(venueMessages);
  const [imports, setImports] = useState(0);
  const [importing, setImporting] = useState(false);
  const opened = useOpenRecord('caravan', fetchCaravan);

  const columns: TableColumnsType<Caravan> = [
    { key: 'name', dataIndex: 'name', title: t('caravanName') },
    { key: 'owner', dataIndex: 'ownerOrgName', title: t('caravanOwner') },
    { key: 'status', title: t('status'), render: (_, caravan) => <CaravanStatusTag status={caravan.status} /> },
    { key: 'note', dataIndex: 'note', title: t('note') },
  ];

  return (
    <Flex vertical gap={16}>
      <RecordTable<Caravan>
        ariaLabel={t('caravanTable')}
        paramPrefix="caravans."
        fetchPage={fetchCaravans}
        columns={columns}
        reloadKey={imports}
        emptyDescription={t('noCaravans')}
        filters={
          <Form.Item name="status" label={t('status')}>
            <Select options={caravanStatuses.map((status) => ({ value: status, label: t(`caravanStatus.${status}`) }))} allowClear placeholder={t('all')} style={{ width: 110 }} />
          </Form.Item>
        }
        createLabel={t('createCaravan')}
        writerToolbar={
          <Button icon={<UploadOutlined aria-hidden />} onClick={() => setImporting(true)}>
            {t('importTrips')}
          </Button>
        }
        rowLink={(caravan) => <OpenDetailButton onOpen={() => opened.open(caravan.id)}>{t('showTrips')}</OpenDetailButton>}
        editing={{
          name: (caravan) => caravan.name,
          deleteTitle: (caravan) => t('caravanDeleteConfirm', { name: caravan.name }),
          deleteText: t('caravanDeleteText'),
          remove: async (caravan) => {
            await deleteCaravan(caravan.id);
            if (opened.id === caravan.id) opened.close();
          },
        }}
        renderForm={({ record, onSaved, ...dialog }) => (
          <CaravanFormModal
            caravan={record}
            {...dialog}
            onSaved={() => {
              onSaved();
              opened.refresh();
            }}
          />
        )}
      />
      {opened.id && (
        <DetailSection title={t('tripsOf', { name: opened.record?.name ?? '' })} onClose={opened.close}>
          <TripLog key={opened.id} caravanId={opened.id} reloadKey={imports} />
        </DetailSection>
      )}
      <ImportDialog open={importing} onClose={() => setImporting(false)} title={t('importTrips')} basePath={tripExcelPath} onImported={() => setImports((n) => n + 1)} />
    </Flex>
  );
}

/** 出车记录: one vehicle's trips, newest first, with their own form. */
function TripLog({ caravanId, reloadKey }: { caravanId: string; reloadKey: number }) {
  const t = useT(venueMessages);
  const fetchPage = useCallback((query: Query) => fetchTrips(caravanId, query), [caravanId]);

  const columns: TableColumnsType<CaravanTrip> = [
    { key: 'date', dataIndex: 'date', title: t('date') },
    { key: 'destination', dataIndex: 'destination', title: t('destination') },
    { key: 'destinationKind', title: t('destinationKind'), render: (_, trip) => t(`destinationKind.${trip.destinationKind}`) },
    { key: 'county', dataIndex: 'countyName', title: t('county') },
    { key: 'km', title: t('tripKm'), align: 'right', render: (_, trip) => trip.km.toLocaleString() },
    { key: 'activities', dataIndex: 'activities', title: t('tripActivities'), align: 'right' },
    { key: 'people', title: t('people'), align: 'right', render: (_, trip) => trip.people.toLocaleString() },
  ];

  return (
    <RecordTable<CaravanTrip>
      ariaLabel={t('tripTable')}
      paramPrefix="trips."
      fetchPage={fetchPage}
      columns={columns}
      reloadKey={reloadKey}
      emptyDescription={t('noTrips')}
      filters={<DateFilterFields />}
      createLabel={t('createTrip')}
      editing={{
        name: (trip) => `${trip.date} ${trip.destination}`,
        deleteTitle: (trip) => t('tripDeleteConfirm', { date: trip.date, destination: trip.destination }),
        remove: (trip) => deleteTrip(caravanId, trip.id),
      }}
      renderForm={({ record, ...slot }) => <TripFormModal caravanId={caravanId} trip={record} {...slot} />}
    />
  );
}
