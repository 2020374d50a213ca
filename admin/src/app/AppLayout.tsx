import { ApartmentOutlined, AuditOutlined, BankOutlined, BarsOutlined, CalendarOutlined, CheckSquareOutlined, DashboardOutlined, FileDoneOutlined, FileTextOutlined, DownOutlined, GlobalOutlined, KeyOutlined, TagsOutlined, LogoutOutlined, MenuOutlined, PictureOutlined, ReadOutlined, ScheduleOutlined, TeamOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Drawer, Dropdown, Grid, Layout, Menu, Space, Typography, type MenuProps } from 'antd';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
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

/**
 * The modules in the menu, each shown only to the roles that may use it;
 * cityWide ones (what the whole association shares) only to accounts of the top-level org.
 */
const modules: { key: string; path: string; label: 'menuOrgs' | 'menuArticles' | 'menuReviews' | 'menuColumns' | 'menuUsers' | 'menuAudit' | 'menuMedia' | 'menuSite' | 'menuActivities' | 'menuActivityVerification' | 'menuActivityVocabularies' | 'menuBookings' | 'menuVenues' | 'menuDashboard' | 'menuAnnualReviews'; icon: ReactNode; roles: Role[] | 'any'; cityWide?: true }[] = [
  { key: 'dashboard', path: '/dashboard', label: 'menuDashboard', icon: <DashboardOutlined aria-hidden />, roles: 'any' },
  { key: 'annual-reviews', path: '/annual-reviews', label: 'menuAnnualReviews', icon: <ReadOutlined aria-hidden />, roles: ['admin', 'editor', 'reviewer'] },
  { key: 'orgs', path: '/orgs', label: 'menuOrgs', icon: <ApartmentOutlined aria-hidden />, roles: 'any' },
  { key: 'articles', path: '/articles', label: 'menuArticles', icon: <FileTextOutlined aria-hidden />, roles: ['admin', 'editor', 'reviewer'] },
  { key: 'reviews', path: '/reviews', label: 'menuReviews', icon: <CheckSquareOutlined aria-hidden />, roles: ['reviewer'] },
  { key: 'columns', path: '/columns', label: 'menuColumns', icon: <BarsOutlined aria-hidden />, roles: ['admin'], cityWide: true },
  { key: 'media', path: '/media', label: 'menuMedia', icon: <PictureOutlined aria-hidden />, roles: ['admin', 'editor'] },
  { key: 'activities', path: '/activities', label: 'menuActivities', icon: <CalendarOutlined aria-hidden />, roles: 'any' },
  { key: 'activity-verification', path: '/activity-verification', label: 'menuActivityVerification', icon: <FileDoneOutlined aria-hidden />, roles: ['admin', 'reviewer'] },
  { key: 'activity-vocabularies', path: '/activity-vocabularies', label: 'menuActivityVocabularies', icon: <TagsOutlined aria-hidden />, roles: ['admin'], cityWide: true },
  { key: 'venues', path: '/venues', label: 'menuVenues', icon: <BankOutlined aria-hidden />, roles: 'any' },
  { key: 'bookings', path: '/bookings', label: 'menuBookings', icon: <ScheduleOutlined aria-hidden />, roles: 'any' },
  { key: 'users', path: '/users', label: 'menuUsers', icon: <TeamOutlined aria-hidden />, roles: ['admin'] },
  { key: 'audit', path: '/audit', label: 'menuAudit', icon: <AuditOutlined aria-hidden />, roles: ['admin'] },
  { key: 'site', path: '/site', label: 'menuSite', icon: <GlobalOutlined aria-hidden />, roles: ['admin'], cityWide: true },
];

export default function AppLayout() {
  const t = useT(appMessages);
  const { user, logout, changeLocale, hasRole, cityWide } = useAuth();
  const { locale } = useLocale();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.lg;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [crumbs, setCrumbs] = useState<Crumb[]>([]);
  const [changingPassword, setChangingPassword] = useState(false);

  useEffect(() => {
    document.title = [...crumbs.map((c) => c.title).reverse(), t('appName')].join(' - ');
  }, [crumbs, t]);

  const visible = modules.filter((m) => (m.roles === 'any' || hasRole(...m.roles)) && (!m.cityWide || cityWide));
  const selected = visible.find((m) => location.pathname.startsWith(m.path))?.key;
  const menuItems: MenuProps['items'] = visible.map((m) => ({ key: m.key, icon: m.icon, label: <Link to={m.path}>{t(m.label)}</Link> }));

  const userMenu: MenuProps['items'] = useMemo(
    () => [
      { key: 'password', icon: <KeyOutlined aria-hidden />, label: t('changePassword'), onClick: () => setChangingPassword(true) },
      {
        key: 'language',
        icon: <GlobalOutlined aria-hidden />,
        label: locale === 'zh-CN' ? 'English' : '中文',
        onClick: () => void changeLocale(locale === 'zh-CN' ? 'en-US' : 'zh-CN'),
      },
      { type: 'divider' },
      {
        key: 'logout',
        icon: <LogoutOutlined aria-hidden />,
        label: t('logout'),
        // A full page load of the sign-in page: nothing of this user's stays in memory, and the
        // next person to sign in starts at home, not on the page this user left.
        onClick: () => void logout().finally(() => window.location.assign('/admin/login')),
      },
    ],
    [t, locale, changeLocale, logout],
  );

  const brand = <div style={{ color: '#fff', padding: 16, fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden' }}>{collapsed && !narrow ? '科协' : t('appName')}</div>;
  const menu = <Menu theme="dark" mode="inline" selectedKeys={selected ? [selected] : []} items={menuItems} onClick={() => setDrawerOpen(false)} />;

  return (
    <BreadcrumbContext.Provider value={setCrumbs}>
      <Layout style={{ minHeight: '100vh' }}>
        {narrow ? (
          // On a phone the menu is a drawer opened from the header, so it never covers the page.
          <Drawer open={drawerOpen} onClose={() => setDrawerOpen(false)} placement="left" width={240} closable={false} styles={{ body: { padding: 0, background: '#001529' } }}>
            {brand}
            {menu}
          </Drawer>
        ) : (
          <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} collapsedWidth={64} theme="dark" width={208}>
            {brand}
            {menu}
          </Layout.Sider>
        )}
        <Layout>
          <Layout.Header
            style={{ background: '#fff', padding: '0 16px', display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8 }}
          >
            <Space style={{ minWidth: 0 }}>
              {narrow && <Button type="text" icon={<MenuOutlined aria-hidden />} aria-label={t('openMenu')} onClick={() => setDrawerOpen(true)} />}
              <Breadcrumb
                items={[{ title: <Link to="/">{t('home')}</Link> }, ...crumbs.map((c) => ({ title: c.to ? <Link to={c.to}>{c.title}</Link> : c.title }))]}
                style={{ minWidth: 0, overflow: 'hidden', whiteSpace: 'nowrap' }}
              />
            </Space>
            <Dropdown menu={{ items: userMenu }} trigger={['click']}>
              <Button type="text">
                <Space size={4}>
                  {!narrow && <Typography.Text type="secondary">{user?.orgName}</Typography.Text>}
                  <span>{user?.displayName}</span>
                  <DownOutlined aria-hidden />
                </Space>
              </Button>
            </Dropdown>
          </Layout.Header>
          <Layout.Content style={{ margin: narrow ? 8 : 16 }}>
            <Outlet />
          </Layout.Content>
        </Layout>
        <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
      </Layout>
    </BreadcrumbContext.Provider>
  );
}
