import { Form, Input, Select, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../app/i18n.tsx';
import { CountySelect } from './CountySelect.tsx';
import { OpenDetailButton } from './DetailSection.tsx';
import { RecordTable } from './RecordTable.tsx';
import { VenueStatusTag } from './StatusTags.tsx';
import { VenueFormModal } from './VenueFormModal.tsx';
import { deleteVenue, fetchVenues, venueKinds, venueStatuses, type Venue } from './api.ts';
import { venueMessages } from './messages.ts';

/** 场馆: the venues in scope, filtered by name, kind, status and county; record, correct and delete them. */
export function VenuesTab({ onOpenVisits }: { onOpenVisits(venueId: string): void }) {
  const t = useT(venueMessages);

  const columns: TableColumnsType<Venue> = [
    { key: 'name', dataIndex: 'name', title: t('name') },
    { key: 'kind', title: t('kind'), render: (_, venue) => t(`kind.${venue.kind}`) },
    { key: 'status', title: t('status'), render: (_, venue) => <VenueStatusTag status={venue.status} /> },
    { key: 'county', dataIndex: 'countyName', title: t('county') },
    { key: 'owner', dataIndex: 'ownerOrgName', title: t('ownerOrg') },
    { key: 'openedOn', title: t('openedOn'), render: (_, venue) => venue.openedOn ?? '—' },
    { key: 'capacity', title: t('capacityShort'), align: 'right', render: (_, venue) => venue.capacity?.toLocaleString() ?? '—' },
  ];

  return (
    <RecordTable<Venue>
      ariaLabel={t('venueTable')}
      paramPrefix="venues."
      fetchPage={fetchVenues}
      columns={columns}
      emptyDescription={t('noVenues')}
      filters={
        <>
          <Form.Item name="q" label={t('name')}>
            <Input placeholder={t('namePlaceholder')} allowClear style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="kind" label={t('kind')}>
            <Select options={venueKinds.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))} allowClear placeholder={t('all')} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="status" label={t('status')}>
            <Select options={venueStatuses.map((status) => ({ value: status, label: t(`status.${status}`) }))} allowClear placeholder={t('all')} style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="countyOrgId" label={t('county')}>
            <CountySelect allowClear placeholder={t('all')} style={{ width: 160 }} />
          </Form.Item>
        </>
      }
      createLabel={t('createVenue')}
      toolbar={<Link to="/bookings">{t('bookings')}</Link>}
      rowLink={(venue) => <OpenDetailButton onOpen={() => onOpenVisits(venue.id)}>{t('showVisits')}</OpenDetailButton>}
      editing={{
        name: (venue) => venue.name,
        deleteTitle: (venue) => t('deleteVenue', { name: venue.name }),
        deleteText: t('deleteVenueText'),
        remove: (venue) => deleteVenue(venue.id),
      }}
      renderForm={({ record, ...slot }) => <VenueFormModal venue={record} {...slot} />}
    />
  );
}
