import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Select, Tag, Typography, type TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import type { Query } from '../../app/api.ts';
import { useT } from '../../app/i18n.tsx';
import { appMessages } from '../../app/messages.ts';
import { ImportDialog } from '../../shared/ImportDialog.tsx';
import { DateFilterFields } from './DateFilterFields.tsx';
import { RecordTable, useCanWriteRecords } from './RecordTable.tsx';
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
  const canWrite = useCanWriteRecords();
  const { venueId, venue, venues, choose } = useChosenVenue();
  const [imports, setImports] = useState(0);
  const [importing, setImporting] = useState(false);
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
        <RecordTable<Visit>
          key={venueId}
          ariaLabel={venue ? `${venue.name} ${t('visitTable')}` : t('visitTable')}
          paramPrefix="visits."
          fetchPage={fetchPage}
          columns={columns}
          reloadKey={imports}
          emptyDescription={t('noVisits')}
          filters={
            <>
              <DateFilterFields />
              <Form.Item name="period" label={t('period')}>
                <Select options={visitPeriods.map((period) => ({ value: period, label: t(`period.${period}`) }))} allowClear placeholder={t('all')} style={{ width: 100 }} />
              </Form.Item>
            </>
          }
          createLabel={t('createVisit')}
          lockedRow={(visit) =>
            visit.source === 'booking' && (
              <Link to="/bookings" title={t('bookingRowHint')}>
                {t('bookings')}
              </Link>
            )
          }
          editing={{
            name: visitDateLabel,
            deleteTitle: (visit) => t('visitDeleteConfirm', { date: visitDateLabel(visit) }),
            remove: (visit) => deleteVisit(visit.venueId, visit.id),
          }}
          renderForm={({ record, ...slot }) => <VisitFormModal venueId={venueId} visit={record} {...slot} />}
        />
      )}
      <ImportDialog open={importing} onClose={() => setImporting(false)} title={t('importVisits')} basePath={visitExcelPath} onImported={() => setImports((n) => n + 1)} />
    </Flex>
  );
}
