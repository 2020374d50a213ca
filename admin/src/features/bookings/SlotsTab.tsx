import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Select, Table, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useAuth } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { appMessages } from '../../app/messages.ts';
import { ErrorState } from '../../shared/PageState.tsx';
import { useDialogState } from '../../shared/dialog-state.ts';
import { fetchSlots, updateSlot, useBookableVenues, type GenerateSlotsResult, type Slot } from './api.ts';
import { beijingToday, plusDays } from './dates.ts';
import { GenerateSlotsModal } from './GenerateSlotsModal.tsx';
import { bookingMessages } from './messages.ts';

/** A venue's slots over a date range: places taken, groups waiting, close or reopen; and generating them from opening hours. */
export function SlotsTab() {
  const t = useT(bookingMessages);
  const tApp = useT(appMessages);
  const { message } = App.useApp();
  const { hasRole } = useAuth();
  const canManage = hasRole('admin', 'reporter');
  const venues = useBookableVenues();
  const [venueId, setVenueId] = useState<string>();
  const [from, setFrom] = useState(beijingToday);
  const [to, setTo] = useState(() => plusDays(beijingToday(), 13));
  const [slots, setSlots] = useState<Slot[]>();
  const [error, setError] = useState<unknown>();
  const [generated, setGenerated] = useState<GenerateSlotsResult>();
  const generating = useDialogState<true>();

  const load = useCallback(() => {
    if (!venueId) return;
    setError(undefined);
    setSlots(undefined);
    fetchSlots(venueId, { from, to }).then(
      (list) => setSlots(list.items),
      (err: unknown) => setError(err),
    );
  }, [venueId, from, to]);
  useEffect(load, [load]);

  const toggle = async (slot: Slot) => {
    try {
      await updateSlot(slot.id, { status: slot.status === 'open' ? 'closed' : 'open' });
      message.success(t(slot.status === 'open' ? 'slotClosed' : 'slotOpened'));
      load();
    } catch (err) {
      message.error(err instanceof Error ? err.message : String(err));
    }
  };

  const columns: TableColumnsType<Slot> = [
    { key: 'date', title: t('slot'), render: (_, slot) => `${slot.date} ${slot.startsAt}–${slot.endsAt}` },
    { key: 'taken', title: t('taken'), render: (_, slot) => `${slot.taken} / ${slot.capacity}` },
    { key: 'waiting', title: t('waiting'), dataIndex: 'waiting' },
    { key: 'status', title: t('slotStatus'), render: (_, slot) => t(`slotStatus.${slot.status}`) },
    ...(canManage
      ? [
          {
            key: 'actions',
            title: tApp('actions'),
            render: (_: unknown, slot: Slot) => (
              <Button type="link" size="small" onClick={() => toggle(slot)} aria-label={`${t(slot.status === 'open' ? 'close' : 'reopen')} ${slot.date} ${slot.startsAt}`}>
                {t(slot.status === 'open' ? 'close' : 'reopen')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label={t('venue')} htmlFor="slots-venue">
          <Select
            id="slots-venue"
            value={venueId}
            onChange={(value: string) => setVenueId(value)}
            options={(venues ?? []).map((v) => ({ value: v.id, label: v.name }))}
            loading={!venues}
            showSearch
            optionFilterProp="label"
            placeholder={t('chooseVenue')}
            style={{ width: 220 }}
          />
        </Form.Item>
        <Form.Item label={t('from')} htmlFor="slots-from">
          <Input id="slots-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </Form.Item>
        <Form.Item label={t('to')} htmlFor="slots-to">
          <Input id="slots-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </Form.Item>
        {canManage && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} disabled={!venueId} onClick={() => generating.show(true)}>
            {t('generate')}
          </Button>
        )}
      </Form>
      {generated && <Alert type="success" showIcon closable onClose={() => setGenerated(undefined)} message={t('generated', generated)} style={{ marginBottom: 16 }} />}
      {!venueId ? (
        <Alert type="info" message={t('chooseVenueFirst')} />
      ) : error ? (
        <ErrorState error={error} onRetry={load} />
      ) : (
        <Table<Slot> aria-label={t('slotTableLabel')} rowKey="id" columns={columns} dataSource={slots} loading={!slots} pagination={{ pageSize: 50, hideOnSinglePage: true }} locale={{ emptyText: t('noSlots') }} size="middle" scroll={{ x: true }} />
      )}
      {venueId && generating.subject && (
        <GenerateSlotsModal
          venueId={venueId}
          range={{ from, to }}
          open={generating.open}
          onClose={generating.hide}
          afterClose={generating.afterClose}
          onGenerated={(result) => {
            setGenerated(result);
            load();
          }}
        />
      )}
    </>
  );
}
