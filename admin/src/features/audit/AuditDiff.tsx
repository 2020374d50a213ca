import { Button, Space, Table, Tag, Typography, theme, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState, type ReactNode } from 'react';
import type { Role } from '../../app/auth.tsx';
import { locales, useT, type Locale } from '../../app/i18n.tsx';
import { orgTypes, type OrgType } from '../orgs/api.ts';
import { orgMessages } from '../orgs/messages.ts';
import { SecondaryText } from '../orgs/StatusMarks.tsx';
import { roles, userStatuses, type UserStatus } from '../users/api.ts';
import { userMessages } from '../users/messages.ts';
import type { AuditEntity } from './api.ts';
import { diffRecords, type FieldChange } from './audit-diff.ts';
import { auditMessages } from './messages.ts';

/** The org and user fields people know by name, in the order a reader looks for them. */
const fieldOrder = [
  'name',
  'shortName',
  'username',
  'displayName',
  'type',
  'parentId',
  'orgName',
  'orgId',
  'roles',
  'status',
  'adminCode',
  'foundedOn',
  'locale',
  'lockedUntil',
  'lastLoginAt',
  'userId',
  'failures',
  'expiresAt',
  'passwordChanged',
  'sessionsRevoked',
  'revoked',
  'createdAt',
  'updatedAt',
  'id',
] as const;
type KnownField = (typeof fieldOrder)[number];
const isKnownField = (field: string): field is KnownField => (fieldOrder as readonly string[]).includes(field);

const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T => list.includes(value as T);
const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

interface AuditDiffProps {
  entity: AuditEntity;
  before: unknown;
  after: unknown;
  /** Names the org behind an id (parentId, orgId) when the reader can see it. */
  orgName?: (id: string) => string | undefined;
}

/**
 * An audit entry's before and after as a table of fields: an update lists the
 * changed fields (the unchanged ones one click away), a creation only 修改后,
 * a deletion only 修改前.
 */
export function AuditDiff({ entity, before, after, orgName }: AuditDiffProps) {
  const t = useT(auditMessages);
  const tUser = useT(userMessages);
  const tOrg = useT(orgMessages);
  const { token } = theme.useToken();
  const [showUnchanged, setShowUnchanged] = useState(false);

  const changes = useMemo(() => diffRecords(before, after, { order: fieldOrder, redundant: { orgId: 'orgName' } }), [before, after]);
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  const isUpdate = hasBefore && hasAfter;
  const unchangedCount = isUpdate ? changes.filter((change) => !change.changed).length : 0;
  const rows = isUpdate && !showUnchanged ? changes.filter((change) => change.changed) : changes;

  if (changes.length === 0) return <SecondaryText>{t('noFields')}</SecondaryText>;

  const fieldLabel = (field: string) => (isKnownField(field) ? t(`field.${field}`) : field);

  const renderValue = (field: string, value: unknown): ReactNode => {
    if (value === null || value === undefined || value === '') return '—';
    if (field === 'type' && isOneOf<OrgType>(orgTypes, value)) return tOrg(`type.${value}`);
    if (field === 'status' && isOneOf<UserStatus>(userStatuses, value)) return entity === 'org' ? tOrg(`status.${value}`) : tUser(`status.${value}`);
    if (field === 'locale' && isOneOf<Locale>(locales, value)) return tUser(`locale.${value}`);
    if ((field === 'parentId' || field === 'orgId') && typeof value === 'string') return orgName?.(value) ?? value;
    if (typeof value === 'boolean') return value ? t('yes') : t('no');
    if (typeof value === 'string' && isoDateTime.test(value)) return dayjs(value).format('YYYY-MM-DD HH:mm:ss');
    if (Array.isArray(value)) {
      return (
        <Space size={[0, 4]} wrap>
          {value.map((item, index) => (
            <Tag key={index}>{field === 'roles' && isOneOf<Role>(roles, item) ? tUser(`role.${item}`) : renderValue('', item)}</Tag>
          ))}
        </Space>
      );
    }
    if (typeof value === 'object') return <code>{JSON.stringify(value)}</code>;
    return String(value);
  };

  const changedCell = (background: string) => (change: FieldChange) => ({ style: isUpdate && change.changed ? { background } : undefined });
  const valueColumn = (side: 'before' | 'after', background: string) => ({
    key: side,
    title: t(side),
    render: (_: unknown, change: FieldChange) => renderValue(change.field, change[side]),
    onCell: changedCell(background),
  });

  const columns: TableColumnsType<FieldChange> = [
    {
      key: 'field',
      title: t('field'),
      width: '28%',
      render: (_, change) =>
        change.changed ? <Typography.Text strong>{fieldLabel(change.field)}</Typography.Text> : <SecondaryText>{fieldLabel(change.field)}</SecondaryText>,
    },
    ...(hasBefore ? [valueColumn('before', token.colorErrorBg)] : []),
    ...(hasAfter ? [valueColumn('after', token.colorSuccessBg)] : []),
  ];

  return (
    <Space direction="vertical" size="small" style={{ width: '100%' }}>
      <Table<FieldChange>
        size="small"
        bordered
        rowKey="field"
        columns={columns}
        dataSource={rows}
        pagination={false}
        style={{ wordBreak: 'break-word' }}
      />
      {unchangedCount > 0 && (
        <Button type="link" size="small" aria-expanded={showUnchanged} onClick={() => setShowUnchanged((shown) => !shown)} style={{ padding: 0 }}>
          {showUnchanged ? t('hideUnchanged') : t('showUnchanged', { count: unchangedCount })}
        </Button>
      )}
    </Space>
  );
}
