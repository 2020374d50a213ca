import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Select, Tag, Typography, type TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import type { Query } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { appMessages } from '../../app/messages.ts';
import { ImportDialog } from '../../shared/ImportDialog.tsx';
import { ServerTable } from '../../shared/ServerTable.tsx';
import { useDialogState } from '../../shared/dialog-state.ts';
import { DateFilterFields } from './DateFilterFields.tsx';
import { RecordActions } from './RecordActions.tsx';
import { bookingSourceColour } from './StatusTags.tsx';
import { VenuePicker, useChosenVenue } from './VenuePicker.tsx';
import { VisitFormModal } from './VisitFormModal.tsx';
import { deleteVisit, fetchVisits, visitExcelPath, visitPeriods, type Visit } from './api.ts';
import { venueMessages } from './messages.ts';
import { visitDateLabel } from './record-forms.ts';

/**
 * 参观人次: one venue's daily or monthly visitor counts, newest first. A
 * booked group's attendance shows as such and is corrected on the booking,
 * not here. The Excel import takes rows for any venue in scope.
 */
export function VisitsTab() {
  const t = useT(venueMessages);
  const tApp = useT(appMessages);
  const { hasRole } = useAuth();
  const canWrite = hasRole('admin', 'reporter');
  const { venueId, venue, venues, choose } = useChosenVenue();
  const [reloadKey, setReloadKey] = useState(0);
  const [importing, setImporting] = useState(false);
  const form = useDialogState<{ visit?: Visit }>();
  const reload = () => setReloadKey((n) => n + 1);
  const fetchPage = useCallback((query: Query) => fetchVisits(venueId!, query), [venueId]);

  const count = (value: number) => value.toLocaleString();
  const columns: TableColumnsType<Visit> = [
    { key: 'date', title: t('date'), render: (_, visit) => visitDateLabel(visit) },
    { key: 'period', title: t('period'), render: (_, visit) => t(`period.${visit.period}`) },
    { key: 'individualVisitors', title: t('individualVisitors'), align: 'right', render: (_, visit) => count(visit.individualVisitors) },
    { key: 'groupVisitors', title: t('groupVisitors'), align: 'right', render: (_, visit) => count(visit.groupVisitors) },
    { key: 'groups', title: t('groups'), align: 'right', render: (_, visit) => count(visit.groups) },
    { key: 'visitors', title: t('visitors'), align: 'right', render: (_, visit) => <strong>{count(visit.visitors)}</strong> },
    { key: 'source', title: t('source'), render: (_, visit) => (visit.source === 'booking' ? <Tag color={bookingSourceColour}>{t('source.booking')}</Tag> : t(`source.${visit.source}`)) },
    { key: 'note', dataIndex: 'note', title: t('note') },
    {
      key: 'actions',
      title: tApp('actions'),
      render: (_, visit) =>
        visit.source === 'booking' ? (
          <Link to="/bookings" title={t('bookingRowHint')}>
            {t('bookings')}
          </Link>
        ) : (
          canWrite && (
            <RecordActions
              name={visitDateLabel(visit)}
              onEdit={() => form.show({ visit })}
              deleteTitle={t('visitDeleteConfirm', { date: visitDateLabel(visit) })}
              onDelete={async () => {
                await deleteVisit(visit.venueId, visit.id);
                reload();
              }}
            />
          )
        ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap align="center">
        <VenuePicker id="visits-venue" venueId={venueId} venues={venues} onChoose={choose} />
        {venue && (
          // Figures start on the opening day: say which it is before the server has to.
          <Typography.Text type="secondary">
            {t(`status.${venue.status}`)}
            {venue.openedOn ? ` · ${t('openedOn')} ${venue.openedOn}` : ''}
          </Typography.Text>
        )}
        {canWrite && (
          <Button icon={<UploadOutlined aria-hidden />} onClick={() => setImporting(true)}>
            {tApp('importExcel')}
          </Button>
        )}
      </Flex>
      {!venueId ? (
        <Alert type="info" message={t('noVenueChosen')} />
      ) : (
        <ServerTable<Visit>
          key={venueId}
          ariaLabel={venue ? `${venue.name} ${t('visitTable')}` : t('visitTable')}
          paramPrefix="visits."
          fetchPage={fetchPage}
          columns={columns}
          rowKey={(visit) => visit.id}
          reloadKey={reloadKey}
          emptyDescription={t('noVisits')}
          filters={
            <>
              <DateFilterFields />
              <Form.Item name="period" label={t('period')}>
                <Select options={visitPeriods.map((period) => ({ value: period, label: t(`period.${period}`) }))} allowClear placeholder={t('all')} style={{ width: 100 }} />
              </Form.Item>
            </>
          }
          toolbar={() =>
            canWrite && (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => form.show({})}>
                {t('createVisit')}
              </Button>
            )
          }
        />
      )}
      {venueId && form.subject && (
        <VisitFormModal key={form.subject.visit?.id ?? 'create'} venueId={venueId} visit={form.subject.visit} open={form.open} onClose={form.hide} afterClose={form.afterClose} onSaved={reload} />
      )}
      <ImportDialog open={importing} onClose={() => setImporting(false)} title={t('importVisits')} basePath={visitExcelPath} onImported={reload} />
    </Flex>
  );
}
