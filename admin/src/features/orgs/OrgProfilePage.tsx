import { Card, Flex, Space, Spin, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError, type Page, type Query } from '../../app/api.ts';
import { useBreadcrumbs, type Crumb } from '../../app/AppLayout.tsx';
import { useAuth, type Role } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { ErrorState } from '../../shared/PageState.tsx';
import { ServerTable } from '../../shared/ServerTable.tsx';
import { fetchOrg, listOrgs, type Org, type OrgDetail } from './api.ts';
import { orgMessages } from './messages.ts';
import { OrgDescriptions } from './OrgDescriptions.tsx';
import { DisabledTag, StatusBadge } from './StatusMarks.tsx';
import { pageTitleStyle } from './page-title.ts';

/** The fields of GET /users this page shows. */
interface OrgMember {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  status: 'active' | 'disabled';
}

const dateTime = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/**
 * One org's profile (/orgs/:id): its details, its direct children and, for
 * admins, its users. An org outside the user's scope answers 404, shown as such.
 */
export default function OrgProfilePage() {
  return (
    <>
      <OrgProfileScreen />
    </>
  );
}

function OrgProfileScreen() {
  const { id = '' } = useParams();
  const t = useT(orgMessages);
  const { user, hasRole } = useAuth();
  const [org, setOrg] = useState<OrgDetail>();
  const [error, setError] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setOrg(undefined);
    setError(undefined);
    fetchOrg(id).then(
      (detail) => current && setOrg(detail),
      (err: unknown) => current && setError(err),
    );
    return () => {
      current = false;
    };
  }, [id, attempt]);

  useBreadcrumbs([{ title: t('title'), to: '/orgs' }, ...(org ? profileCrumbs(org, user?.orgId) : [])]);

  // Retrying cannot bring an org outside the user's scope (404) into it.
  const retry = error instanceof ApiError && error.status === 404 ? undefined : () => setAttempt((n) => n + 1);
  if (error) return <ErrorState error={error} onRetry={retry} />;
  if (!org) return <Spin size="large" style={{ display: 'block', margin: '20vh auto' }} />;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space wrap size={8}>
          <Typography.Title level={1} style={pageTitleStyle}>
            {org.name}
          </Typography.Title>
          <DisabledTag status={org.status} />
        </Space>
        <Link to={`/orgs?org=${org.id}`}>{t('showInTree')}</Link>
      </Flex>
      <Card title={t('basicInfo')}>
        <OrgDescriptions
          org={org}
          column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
          extra={[
            { label: t('parent'), value: org.ancestors.at(-1)?.name ?? t('empty') },
            { label: t('childCount'), value: org.childCount },
            { label: t('createdAt'), value: dateTime(org.createdAt) },
            { label: t('updatedAt'), value: dateTime(org.updatedAt) },
          ]}
        />
      </Card>
      <Card title={t('children')}>
        <OrgChildrenTable org={org} />
      </Card>
      {hasRole('admin') && (
        <Card title={t('users')}>
          <OrgUsersTable org={org} />
        </Card>
      )}
    </Flex>
  );
}

/** 组织机构 › ancestors › this org; only ancestors inside the user's scope link, as the others would answer 404. */
function profileCrumbs(org: OrgDetail, scopeRootId: string | undefined): Crumb[] {
  const scopeStart = org.ancestors.findIndex((ancestor) => ancestor.id === scopeRootId);
  return [
    ...org.ancestors.map((ancestor, index) => ({
      title: ancestor.name,
      to: scopeStart >= 0 && index >= scopeStart ? `/orgs/${ancestor.id}` : undefined,
    })),
    { title: org.name },
  ];
}

function OrgChildrenTable({ org }: { org: Org }) {
  const t = useT(orgMessages);
  const fetchPage = useCallback((query: Query) => listOrgs({ ...query, parentId: org.id }), [org.id]);
  const columns: TableColumnsType<Org> = [
    { key: 'name', title: t('name'), sorter: true, render: (_, child) => <Link to={`/orgs/${child.id}`}>{child.name}</Link> },
    { key: 'type', title: t('type'), sorter: true, render: (_, child) => t(`type.${child.type}` as const) },
    { key: 'admin_code', title: t('adminCode'), sorter: true, dataIndex: 'adminCode', render: (code: string | null) => code ?? t('empty') },
    { key: 'founded_on', title: t('foundedOn'), sorter: true, dataIndex: 'foundedOn', render: (date: string | null) => date ?? t('empty') },
    { key: 'status', title: t('status'), render: (_, child) => <StatusBadge status={child.status} /> },
  ];
  return (
    <ServerTable<Org>
      paramPrefix="children."
      fetchPage={fetchPage}
      columns={columns}
      rowKey={(child) => child.id}
      ariaLabel={t('childrenTable', { name: org.name })}
      emptyDescription={t('noChildren')}
    />
  );
}

function OrgUsersTable({ org }: { org: Org }) {
  const t = useT(orgMessages);
  const fetchPage = useCallback((query: Query) => api<Page<OrgMember>>('GET', '/users', undefined, { ...query, orgId: org.id }), [org.id]);
  const columns: TableColumnsType<OrgMember> = [
    { key: 'username', title: t('username'), sorter: true, dataIndex: 'username' },
    { key: 'display_name', title: t('displayName'), sorter: true, dataIndex: 'displayName' },
    {
      key: 'roles',
      title: t('roles'),
      render: (_, member) => (
        <Space size={[0, 4]} wrap>
          {member.roles.map((role) => (
            <Tag key={role}>{t(`role.${role}` as const)}</Tag>
          ))}
        </Space>
      ),
    },
    { key: 'status', title: t('status'), render: (_, member) => <StatusBadge status={member.status} /> },
  ];
  return (
    <ServerTable<OrgMember>
      paramPrefix="users."
      fetchPage={fetchPage}
      columns={columns}
      rowKey={(member) => member.id}
      ariaLabel={t('usersTable', { name: org.name })}
      emptyDescription={t('noUsers')}
    />
  );
}
