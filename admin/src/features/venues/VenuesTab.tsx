import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { appMessages } from '../../app/messages.ts';
import { ServerTable } from '../../shared/ServerTable.tsx';
import { useDialogState } from '../../shared/dialog-state.ts';
import { CountySelect } from './CountySelect.tsx';
import { RecordActions } from './RecordActions.tsx';
import { VenueStatusTag } from './StatusTags.tsx';
import { VenueFormModal } from './VenueFormModal.tsx';
import { deleteVenue, fetchVenues, venueKinds, venueStatuses, type Venue } from './api.ts';
import { venueMessages } from './messages.ts';

/** 场馆: the venues in scope, filtered by name, kind, status and county; record, correct and delete them. */
export function VenuesTab({ onOpenVisits }: { onOpenVisits(venueId: string): void }) {
  const t = useT(venueMessages);
  const tApp = useT(appMessages);
  const { hasRole } = useAuth();
  const canWrite = hasRole('admin', 'reporter');
  const [reloadKey, setReloadKey] = useState(0);
  const form = useDialogState<{ venue?: Venue }>();
  const reload = () => setReloadKey((n) => n + 1);

  const visitsLink = (venue: Venue) => (
    <Button type="link" size="small" onClick={() => onOpenVisits(venue.id)}>
      {t('showVisits')}
    </Button>
  );
  const columns: TableColumnsType<Venue> = [
    { key: 'name', dataIndex: 'name', title: t('name') },
    { key: 'kind', title: t('kind'), render: (_, venue) => t(`kind.${venue.kind}`) },
    { key: 'status', title: t('status'), render: (_, venue) => <VenueStatusTag status={venue.status} /> },
    { key: 'county', dataIndex: 'countyName', title: t('county') },
    { key: 'owner', dataIndex: 'ownerOrgName', title: t('ownerOrg') },
    { key: 'openedOn', title: t('openedOn'), render: (_, venue) => venue.openedOn ?? '—' },
    { key: 'capacity', title: t('capacityShort'), align: 'right', render: (_, venue) => venue.capacity?.toLocaleString() ?? '—' },
    {
      key: 'actions',
      title: tApp('actions'),
      render: (_, venue) =>
        canWrite ? (
          <RecordActions
            name={venue.name}
            extra={visitsLink(venue)}
            onEdit={() => form.show({ venue })}
            deleteTitle={t('deleteVenue', { name: venue.name })}
            deleteText={t('deleteVenueText')}
            onDelete={async () => {
              await deleteVenue(venue.id);
              reload();
            }}
          />
        ) : (
          visitsLink(venue)
        ),
    },
  ];

  return (
    <>
      <ServerTable<Venue>
        ariaLabel={t('venueTable')}
        paramPrefix="venues."
        fetchPage={fetchVenues}
        columns={columns}
        rowKey={(venue) => venue.id}
        reloadKey={reloadKey}
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
        toolbar={() => (
          <>
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => form.show({})}>
                {t('createVenue')}
              </Button>
            )}
            <Link to="/bookings">{t('bookings')}</Link>
          </>
        )}
      />
      {form.subject && <VenueFormModal key={form.subject.venue?.id ?? 'create'} venue={form.subject.venue} open={form.open} onClose={form.hide} afterClose={form.afterClose} onSaved={reload} />}
    </>
  );
}
