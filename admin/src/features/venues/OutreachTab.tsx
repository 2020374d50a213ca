import { Alert, Flex, type TableColumnsType } from 'antd';
import { useCallback } from 'react';
import type { Query } from '../../app/api.ts';
import { useT } from '../../app/i18n.tsx';
import { OutreachFormModal } from './OutreachFormModal.tsx';
import { DateFilterFields } from './DateFilterFields.tsx';
import { RecordTable } from './RecordTable.tsx';
import { VenuePicker, useChosenVenue } from './VenuePicker.tsx';
import { deleteOutreach, fetchOutreach, type OutreachVisit } from './api.ts';
import { venueMessages } from './messages.ts';

/** 馆校合作: one venue's visits to schools (school, date, activity, people), newest first. */
export function OutreachTab() {
  const t = useT(venueMessages);
  const { venueId, venue, venues, choose } = useChosenVenue();
  const fetchPage = useCallback((query: Query) => fetchOutreach(venueId!, query), [venueId]);

  const columns: TableColumnsType<OutreachVisit> = [
    { key: 'date', dataIndex: 'date', title: t('date') },
    { key: 'school', dataIndex: 'schoolName', title: t('schoolName') },
    { key: 'county', dataIndex: 'countyName', title: t('county') },
    { key: 'activity', dataIndex: 'activity', title: t('activity') },
    { key: 'people', title: t('outreachPeople'), align: 'right', render: (_, outreach) => outreach.people.toLocaleString() },
    { key: 'note', dataIndex: 'note', title: t('note') },
  ];

  return (
    <Flex vertical gap={16}>
      <VenuePicker id="outreach-venue" venueId={venueId} venues={venues} onChoose={choose} />
      {!venueId ? (
        <Alert type="info" message={t('noVenueChosen')} />
      ) : (
        <RecordTable<OutreachVisit>
          key={venueId}
          ariaLabel={venue ? `${venue.name} ${t('outreachTable')}` : t('outreachTable')}
          paramPrefix="outreach."
          fetchPage={fetchPage}
          columns={columns}
          emptyDescription={t('noOutreach')}
          filters={<DateFilterFields />}
          createLabel={t('createOutreach')}
          editing={{
            name: (outreach) => `${outreach.date} ${outreach.schoolName}`,
            deleteTitle: (outreach) => t('outreachDeleteConfirm', { date: outreach.date, school: outreach.schoolName }),
            remove: (outreach) => deleteOutreach(outreach.venueId, outreach.id),
          }}
          renderForm={({ record, ...slot }) => venue && <OutreachFormModal venue={venue} outreach={record} {...slot} />}
        />
      )}
    </Flex>
  );
}
