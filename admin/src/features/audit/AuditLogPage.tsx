import { Button, Card, Descriptions, Drawer, Form, Grid, Select, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useMemo } from 'react';
import { useBreadcrumbs } from '../../app/AppLayout.tsx';
import { useT } from '../../app/i18n.tsx';
import { ServerTable } from '../../shared/ServerTable.tsx';
import { useOrgTree } from '../orgs/api.ts';
import { useDialogState } from '../orgs/dialog-state.ts';
import { ExactButtonText } from '../orgs/ExactButtonText.tsx';
import { pageTitleStyle } from '../orgs/page-title.ts';
import { userMessages } from '../users/messages.ts';
import { UserSelect } from '../users/UserSelect.tsx';
import { auditActions, auditEntities, entityName, fetchAuditEntries, type AuditAction, type AuditEntry } from './api.ts';
import { AuditDiff } from './AuditDiff.tsx';
import { DateRangeField } from './DateRangeField.tsx';
import { auditMessages } from './messages.ts';

const actionColours: Record<AuditAction, string> = {
  create: 'success',
  update: 'processing',
  move: 'cyan',
  reset_password: 'purple',
  revoke_sessions: 'purple',
  update_self: 'geekblue',
  change_password: 'geekblue',
  login: 'default',
  logout: 'default',
  login_failed: 'warning',
  lockout: 'error',
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
  const { items: orgs } = useOrgTree();
  useBreadcrumbs([{ title: t('title') }]);

  const orgNames = useMemo(() => new Map(orgs?.map((org) => [org.id, org.name])), [orgs]);
  const orgName = useCallback((id: string) => orgNames.get(id), [orgNames]);

  const columns: TableColumnsType<AuditEntry> = [
    { key: 'at', dataIndex: 'at', title: t('time'), render: formatTime },
    { key: 'actor', dataIndex: 'actorUsername', title: t('actor'), render: (value: string | null) => value ?? '—' },
    { key: 'entity', title: t('entity'), render: (_, entry) => labels.entity(entry) },
    { key: 'object', title: t('object'), render: (_, entry) => labels.object(entry) },
    {
      key: 'action',
      title: t('action'),
      render: (_, entry) => <Tag color={actionColours[entry.action] ?? 'default'}>{labels.action(entry)}</Tag>,
    },
    { key: 'ip', dataIndex: 'ip', title: t('ip'), render: (value: string | null) => value ?? '—' },
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
    <ExactButtonText>
      <Card title={<Typography.Title level={1} style={pageTitleStyle}>{t('title')}</Typography.Title>}>
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
    </ExactButtonText>
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
        styles={{ label: { whiteSpace: 'nowrap' } }}
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
