import { Button, Card, Descriptions, Drawer, Form, Grid, Select, Tag, Typography, theme, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useMemo } from 'react';
import { useBreadcrumbs } from '../../app/AppLayout.tsx';
import { useT } from '../../app/i18n.tsx';
import { ServerTable } from '../../shared/ServerTable.tsx';
import { useOrgTree } from '../orgs/api.ts';
import { useDialogState } from '../../shared/dialog-state.ts';
import { pageTitleStyle } from '../orgs/page-title.ts';
import { userMessages } from '../users/messages.ts';
import { UserSelect } from '../users/UserSelect.tsx';
import { auditActions, auditEntities, entityName, fetchAuditEntries, type AuditAction, type AuditEntry } from './api.ts';
import { AuditDiff } from './AuditDiff.tsx';
import { DateRangeField } from './DateRangeField.tsx';
import { auditMessages } from './messages.ts';

// Preset colours whose text reads at 4.5:1 on their own background: writes in blues,
// steps of a review or booking in purple, account security in magenta, deletions
// and refused or locked sign-ins in red, routine sign-ins grey.
const actionColours: Record<AuditAction, string> = {
  create: 'blue',
  import: 'blue',
  generate: 'blue',
  update: 'geekblue',
  refresh: 'geekblue',
  restore: 'geekblue',
  change: 'geekblue',
  delete: 'red',
  move: 'purple',
  submit: 'purple',
  approve: 'purple',
  return: 'purple',
  recall: 'purple',
  publish: 'purple',
  scheduled_publish: 'purple',
  withdraw: 'purple',
  withdraw_reason: 'purple',
  verify: 'purple',
  confirm: 'purple',
  refuse: 'purple',
  cancel: 'purple',
  attendance: 'purple',
  promote: 'purple',
  reset_password: 'magenta',
  revoke_sessions: 'magenta',
  update_self: 'magenta',
  change_password: 'magenta',
  login: 'default',
  logout: 'default',
  login_failed: 'red',
  lockout: 'red',
};

const formatTime = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm:ss');

/** The entry's labels in the current language, shared by the table and the details drawer. */
function useEntryLabels() {
  const t = useT(auditMessages);
  const tUser = useT(userMessages);
  return useMemo(
    () => ({
      action: (entry: AuditEntry) => (auditActions.includes(entry.action) ? t(`action.${entry.action}`) : entry.action),
      entity: (entry: AuditEntry) => (auditEntities.includes(entry.entity) ? t(`entity.${entry.entity}`) : entry.entity),
      object: (entry: AuditEntry) => {
        const named = entityName(entry);
        if (!named) return '—';
        return named.detail ? tUser('nameWithUsername', { name: named.name, username: named.detail }) : named.name;
      },
    }),
    [t, tUser],
  );
}

/** /audit: who changed what and when, newest first, each entry's before and after one click away. */
export default function AuditLogPage() {
  const t = useT(auditMessages);
  const labels = useEntryLabels();
  const details = useDialogState<AuditEntry>();
  const narrow = !Grid.useBreakpoint().sm;
  const { items: orgs } = useOrgTree();
  useBreadcrumbs([{ title: t('title') }]);

  const orgNames = useMemo(() => new Map(orgs?.map((org) => [org.id, org.name])), [orgs]);
  const orgName = useCallback((id: string) => orgNames.get(id), [orgNames]);

  // On a phone the table keeps when and which action; who, what and from where are in the details.
  const columns: TableColumnsType<AuditEntry> = [
    {
      key: 'at',
      dataIndex: 'at',
      title: t('time'),
      // Date above time on a phone, leaving room for the action.
      render: (at: string) => (narrow ? <span style={{ whiteSpace: 'pre-line' }}>{dayjs(at).format('YYYY-MM-DD\nHH:mm:ss')}</span> : formatTime(at)),
    },
    { key: 'actor', dataIndex: 'actorUsername', title: t('actor'), responsive: ['sm'], render: (value: string | null) => value ?? '—' },
    { key: 'entity', title: t('entity'), responsive: ['md'], render: (_, entry) => labels.entity(entry) },
    { key: 'object', title: t('object'), responsive: ['sm'], render: (_, entry) => labels.object(entry) },
    {
      key: 'action',
      title: t('action'),
      render: (_, entry) => <Tag color={actionColours[entry.action] ?? 'default'}>{labels.action(entry)}</Tag>,
    },
    { key: 'ip', dataIndex: 'ip', title: t('ip'), responsive: ['md'], render: (value: string | null) => value ?? '—' },
    {
      key: 'details',
      title: t('details'),
      fixed: 'right',
      render: (_, entry) => (
        <Button
          type="link"
          size="small"
          aria-label={t('viewDetailsOf', { action: labels.action(entry), object: labels.object(entry) })}
          onClick={() => details.show(entry)}
        >
          {t('viewDetails')}
        </Button>
      ),
    },
  ];

  const filters = (
    <>
      <Form.Item name="actorUserId" label={t('actor')}>
        <UserSelect placeholder={t('actorPlaceholder')} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="entity" label={t('entity')}>
        <Select
          options={auditEntities.map((entity) => ({ value: entity, label: t(`entity.${entity}`) }))}
          allowClear
          placeholder={t('all')}
          style={{ width: 130 }}
        />
      </Form.Item>
      <Form.Item name="action" label={t('action')}>
        <Select
          options={auditActions.map((action) => ({ value: action, label: t(`action.${action}`) }))}
          showSearch
          optionFilterProp="label"
          allowClear
          placeholder={t('all')}
          style={{ width: 140 }}
        />
      </Form.Item>
      <DateRangeField label={t('time')} fromName="from" toName="to" id="auditTime" />
    </>
  );

  return (
    <>
      <Card size={narrow ? 'small' : 'default'} title={<Typography.Title level={1} style={pageTitleStyle}>{t('title')}</Typography.Title>}>
        <ServerTable<AuditEntry>
          ariaLabel={t('tableLabel')}
          fetchPage={fetchAuditEntries}
          columns={columns}
          rowKey={(entry) => entry.id}
          filters={filters}
        />
        {details.subject && (
          <AuditEntryDrawer key={details.subject.id} entry={details.subject} orgName={orgName} open={details.open} onClose={details.hide} afterClose={details.afterClose} />
        )}
      </Card>
    </>
  );
}

interface AuditEntryDrawerProps {
  entry: AuditEntry;
  orgName(id: string): string | undefined;
  open: boolean;
  onClose(): void;
  afterClose(): void;
}

function AuditEntryDrawer({ entry, orgName, open, onClose, afterClose }: AuditEntryDrawerProps) {
  const t = useT(auditMessages);
  const labels = useEntryLabels();
  const screens = Grid.useBreakpoint();
  const { token } = theme.useToken();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      afterOpenChange={(opened) => !opened && afterClose()}
      title={t('detailsTitle', { action: labels.action(entry), entity: labels.entity(entry), object: labels.object(entry) })}
      width={screens.md ? 720 : '100%'}
    >
      <Descriptions
        size="small"
        column={1}
        bordered
        // Ant Design's label grey reads at 3.4:1; the secondary text colour at 4.5:1 or better.
        styles={{ label: { whiteSpace: 'nowrap', color: token.colorTextSecondary } }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'at', label: t('time'), children: formatTime(entry.at) },
          { key: 'actor', label: t('actor'), children: entry.actorUsername ?? '—' },
          { key: 'action', label: t('action'), children: labels.action(entry) },
          { key: 'ip', label: t('ip'), children: entry.ip ?? '—' },
          { key: 'requestId', label: t('requestId'), children: entry.requestId ?? '—' },
        ]}
      />
      <AuditDiff entity={entry.entity} before={entry.before} after={entry.after} orgName={orgName} />
    </Drawer>
  );
}
