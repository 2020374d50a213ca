import { ApartmentOutlined, AuditOutlined, DownOutlined, GlobalOutlined, KeyOutlined, LogoutOutlined, TeamOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Dropdown, Grid, Layout, Menu, Space, Typography, type MenuProps } from 'antd';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import ChangePasswordModal from '../features/auth/ChangePasswordModal.tsx';
import { useAuth, type Role } from './auth.tsx';
import { useLocale, useT } from './i18n.tsx';
import { appMessages } from './messages.ts';

export interface Crumb {
  title: string;
  to?: string;
}

const BreadcrumbContext = createContext<(crumbs: Crumb[]) => void>(() => {});

/** A page names where it sits; the layout shows it as breadcrumbs and the document title. */
export function useBreadcrumbs(crumbs: Crumb[]) {
  const set = useContext(BreadcrumbContext);
  const key = JSON.stringify(crumbs);
  useEffect(() => set(crumbs), [key]); // eslint-disable-line react-hooks/exhaustive-deps
}

/** The modules in the menu, each shown only to the roles that may use it. */
const modules: { key: string; path: string; label: 'menuOrgs' | 'menuUsers' | 'menuAudit'; icon: ReactNode; roles: Role[] | 'any' }[] = [
  { key: 'orgs', path: '/orgs', label: 'menuOrgs', icon: <ApartmentOutlined />, roles: 'any' },
  { key: 'users', path: '/users', label: 'menuUsers', icon: <TeamOutlined />, roles: ['admin'] },
  { key: 'audit', path: '/audit', label: 'menuAudit', icon: <AuditOutlined />, roles: ['admin'] },
];

export default function AppLayout() {
  const t = useT(appMessages);
  const { user, logout, changeLocale, hasRole } = useAuth();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.lg;
  const [collapsed, setCollapsed] = useState(narrow);
  const [crumbs, setCrumbs] = useState<Crumb[]>([]);
  const [changingPassword, setChangingPassword] = useState(false);

  useEffect(() => setCollapsed(narrow), [narrow]);
  useEffect(() => {
    document.title = [...crumbs.map((c) => c.title).reverse(), t('appName')].join(' - ');
  }, [crumbs, t]);

  const visible = modules.filter((m) => m.roles === 'any' || hasRole(...m.roles));
  const selected = visible.find((m) => location.pathname.startsWith(m.path))?.key;
  const menuItems: MenuProps['items'] = visible.map((m) => ({ key: m.key, icon: m.icon, label: <Link to={m.path}>{t(m.label)}</Link> }));

  const userMenu: MenuProps['items'] = useMemo(
    () => [
      { key: 'password', icon: <KeyOutlined />, label: t('changePassword'), onClick: () => setChangingPassword(true) },
      {
        key: 'language',
        icon: <GlobalOutlined />,
        label: locale === 'zh-CN' ? 'English' : '中文',
        onClick: () => void changeLocale(locale === 'zh-CN' ? 'en-US' : 'zh-CN'),
      },
      { type: 'divider' },
      { key: 'logout', icon: <LogoutOutlined />, label: t('logout'), onClick: () => void logout().then(() => navigate('/login')) },
    ],
    [t, locale, changeLocale, logout, navigate],
  );

  return (
    <BreadcrumbContext.Provider value={setCrumbs}>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Sider
          breakpoint="lg"
          collapsedWidth={narrow ? 0 : 64}
          collapsed={collapsed}
          onCollapse={setCollapsed}
          collapsible
          theme="dark"
          width={208}
          style={narrow ? { position: 'fixed', height: '100vh', zIndex: 20 } : undefined}
        >
          <div style={{ color: '#fff', padding: '16px', fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden' }}>
            {collapsed && !narrow ? '科协' : t('appName')}
          </div>
          <Menu theme="dark" mode="inline" selectedKeys={selected ? [selected] : []} items={menuItems} onClick={() => narrow && setCollapsed(true)} />
        </Layout.Sider>
        <Layout>
          <Layout.Header
            style={{ background: '#fff', padding: '0 16px', display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8 }}
          >
            <Breadcrumb
              items={[{ title: <Link to="/">{t('home')}</Link> }, ...crumbs.map((c) => ({ title: c.to ? <Link to={c.to}>{c.title}</Link> : c.title }))]}
              style={{ minWidth: 0, overflow: 'hidden', whiteSpace: 'nowrap' }}
            />
            <Dropdown menu={{ items: userMenu }} trigger={['click']}>
              <Button type="text" aria-label={`${user?.displayName} · ${user?.orgName}`}>
                <Space size={4}>
                  {!narrow && <Typography.Text type="secondary">{user?.orgName}</Typography.Text>}
                  <span>{user?.displayName}</span>
                  <DownOutlined />
                </Space>
              </Button>
            </Dropdown>
          </Layout.Header>
          <Layout.Content style={{ margin: narrow ? 8 : 16 }}>
            <main>
              <Outlet />
            </main>
          </Layout.Content>
        </Layout>
        <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
      </Layout>
    </BreadcrumbContext.Provider>
  );
}
