import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, type TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import type { Query } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { appMessages } from '../../app/messages.ts';
import { ServerTable } from '../../shared/ServerTable.tsx';
import { useDialogState } from '../../shared/dialog-state.ts';
import { OutreachFormModal } from './OutreachFormModal.tsx';
import { DateFilterFields } from './DateFilterFields.tsx';
import { RecordActions } from './RecordActions.tsx';
import { VenuePicker, useChosenVenue } from './VenuePicker.tsx';
import { deleteOutreach, fetchOutreach, type OutreachVisit } from './api.ts';
import { venueMessages } from './messages.ts';

/** 馆校合作: one venue's visits to schools (school, date, activity, people), newest first. */
export function OutreachTab() {
  const t = useT(venueMessages);
  const tApp = useT(appMessages);
  const { hasRole } = useAuth();
  const canWrite = hasRole('admin', 'reporter');
  const { venueId, venue, venues, choose } = useChosenVenue();
  const [reloadKey, setReloadKey] = useState(0);
  const form = useDialogState<{ outreach?: OutreachVisit }>();
  const reload = () => setReloadKey((n) => n + 1);
  const fetchPage = useCallback((query: Query) => fetchOutreach(venueId!, query), [venueId]);

  const columns: TableColumnsType<OutreachVisit> = [
    { key: 'date', dataIndex: 'date', title: t('date') },
    { key: 'school', dataIndex: 'schoolName', title: t('schoolName') },
    { key: 'county', dataIndex: 'countyName', title: t('county') },
    { key: 'activity', dataIndex: 'activity', title: t('activity') },
    { key: 'people', title: t('outreachPeople'), align: 'right', render: (_, outreach) => outreach.people.toLocaleString() },
    { key: 'note', dataIndex: 'note', title: t('note') },
    ...(canWrite
      ? [
          {
            key: 'actions',
            title: tApp('actions'),
            render: (_: unknown, outreach: OutreachVisit) => (
              <RecordActions
                name={`${outreach.date} ${outreach.schoolName}`}
                onEdit={() => form.show({ outreach })}
                deleteTitle={t('outreachDeleteConfirm', { date: outreach.date, school: outreach.schoolName })}
                onDelete={async () => {
                  await deleteOutreach(outreach.venueId, outreach.id);
                  reload();
                }}
              />
            ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={16}>
      <VenuePicker id="outreach-venue" venueId={venueId} venues={venues} onChoose={choose} />
      {!venueId ? (
        <Alert type="info" message={t('noVenueChosen')} />
      ) : (
        <ServerTable<OutreachVisit>
          key={venueId}
          ariaLabel={venue ? `${venue.name} ${t('outreachTable')}` : t('outreachTable')}
          paramPrefix="outreach."
          fetchPage={fetchPage}
          columns={columns}
          rowKey={(outreach) => outreach.id}
          reloadKey={reloadKey}
          emptyDescription={t('noOutreach')}
          filters={<DateFilterFields />}
          toolbar={() =>
            canWrite && (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => form.show({})}>
                {t('createOutreach')}
              </Button>
            )
          }
        />
      )}
      {venue && form.subject && (
        <OutreachFormModal
          key={form.subject.outreach?.id ?? 'create'}
          venue={venue}
          outreach={form.subject.outreach}
          open={form.open}
          onClose={form.hide}
          afterClose={form.afterClose}
          onSaved={reload}
        />
      )}
    </Flex>
  );
}
