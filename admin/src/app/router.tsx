import { Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, useLocation } from 'react-router';
import { useAuth, type Role } from './auth.tsx';

// Every page is its own chunk: the login page loads without the console behind it.
const LoginPage = lazy(() => import('../features/auth/LoginPage.tsx'));
const AppLayout = lazy(() => import('./AppLayout.tsx'));
const OrgTreePage = lazy(() => import('../features/orgs/OrgTreePage.tsx'));
const OrgProfilePage = lazy(() => import('../features/orgs/OrgProfilePage.tsx'));
const UserListPage = lazy(() => import('../features/users/UserListPage.tsx'));
const AuditLogPage = lazy(() => import('../features/audit/AuditLogPage.tsx'));
const ArticleListPage = lazy(() => import('../features/content/ArticleListPage.tsx'));
// The editor brings TipTap and ProseMirror: they load with this route only.
const ArticleEditorPage = lazy(() => import('../features/content/ArticleEditorPage.tsx'));
const ArticleReviewPage = lazy(() => import('../features/content/ArticleReviewPage.tsx'));
const ReviewQueuePage = lazy(() => import('../features/content/ReviewQueuePage.tsx'));
const ColumnsPage = lazy(() => import('../features/content/ColumnsPage.tsx'));
const MediaLibraryPage = lazy(() => import('../features/media/MediaLibraryPage.tsx'));
const SiteSettingsPage = lazy(() => import('../features/site/SiteSettingsPage.tsx'));
const ActivityListPage = lazy(() => import('../features/activities/ActivityListPage.tsx'));
const VerificationQueuePage = lazy(() => import('../features/activities/VerificationQueuePage.tsx'));
const VocabulariesPage = lazy(() => import('../features/activities/VocabulariesPage.tsx'));
const BookingListPage = lazy(() => import('../features/bookings/BookingListPage.tsx'));
const VenueSystemPage = lazy(() => import('../features/venues/VenueSystemPage.tsx'));
// ECharts loads with the dashboard only.
const DashboardPage = lazy(() => import('../features/stats/DashboardPage.tsx'));
const AnnualReviewsPage = lazy(() => import('../features/reports/AnnualReviewsPage.tsx'));
// The review editor brings TipTap, in a chunk of its own that loads with the editor.
const AnnualReviewPage = lazy(() => import('../features/reports/AnnualReviewPage.tsx'));
const NotFoundPage = lazy(() => import('./StatusPages.tsx').then((m) => ({ default: m.NotFoundPage })));
const ForbiddenPage = lazy(() => import('./StatusPages.tsx').then((m) => ({ default: m.ForbiddenPage })));

function Loading() {
  return <Spin size="large" style={{ display: 'block', margin: '20vh auto' }} />;
}

const page = (element: ReactNode) => <Suspense fallback={<Loading />}>{element}</Suspense>;

/** Signed-in pages; anyone else is sent to the login page and brought back afterwards. */
function RequireSignIn({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  const location = useLocation();
  if (user === undefined) return <Loading />;
  if (user === null) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return children;
}

/**
 * Pages for some roles only (and, when cityWide, only for accounts of the
 * top-level org): others see "no permission" without the page asking the server first.
 */
function RequireRole({ roles, cityWide: cityWideOnly = false, children }: { roles: Role[]; cityWide?: boolean; children: ReactNode }) {
  const { hasRole, cityWide } = useAuth();
  if (!hasRole(...roles)) return page(<ForbiddenPage />);
  return cityWide || !cityWideOnly ? children : page(<ForbiddenPage cityWide />);
}

export const router = createBrowserRouter(
  [
    { path: '/login', element: page(<LoginPage />) },
    {
      path: '/',
      element: <RequireSignIn>{page(<AppLayout />)}</RequireSignIn>,
      children: [
        { index: true, element: <Navigate to="/orgs" replace /> },
        { path: 'dashboard', element: page(<DashboardPage />) },
        { path: 'annual-reviews', element: <RequireRole roles={['admin', 'editor', 'reviewer']}>{page(<AnnualReviewsPage />)}</RequireRole> },
        { path: 'annual-reviews/:id', element: <RequireRole roles={['admin', 'editor', 'reviewer']}>{page(<AnnualReviewPage />)}</RequireRole> },
        { path: 'orgs', element: page(<OrgTreePage />) },
        { path: 'orgs/:id', element: page(<OrgProfilePage />) },
        { path: 'articles', element: <RequireRole roles={['admin', 'editor', 'reviewer']}>{page(<ArticleListPage />)}</RequireRole> },
        { path: 'articles/new', element: <RequireRole roles={['admin', 'editor']}>{page(<ArticleEditorPage />)}</RequireRole> },
        { path: 'articles/:id', element: <RequireRole roles={['admin', 'editor', 'reviewer']}>{page(<ArticleEditorPage />)}</RequireRole> },
        { path: 'reviews', element: <RequireRole roles={['reviewer']}>{page(<ReviewQueuePage />)}</RequireRole> },
        { path: 'reviews/:id', element: <RequireRole roles={['reviewer']}>{page(<ArticleReviewPage />)}</RequireRole> },
        { path: 'columns', element: <RequireRole roles={['admin']} cityWide>{page(<ColumnsPage />)}</RequireRole> },
        { path: 'media', element: <RequireRole roles={['admin', 'editor']}>{page(<MediaLibraryPage />)}</RequireRole> },
        { path: 'activities', element: page(<ActivityListPage />) },
        { path: 'activity-verification', element: <RequireRole roles={['admin', 'reviewer']}>{page(<VerificationQueuePage />)}</RequireRole> },
        { path: 'activity-vocabularies', element: <RequireRole roles={['admin']} cityWide>{page(<VocabulariesPage />)}</RequireRole> },
        { path: 'venues', element: page(<VenueSystemPage />) },
        { path: 'bookings', element: page(<BookingListPage />) },
        { path: 'users', element: <RequireRole roles={['admin']}>{page(<UserListPage />)}</RequireRole> },
        { path: 'audit', element: <RequireRole roles={['admin']}>{page(<AuditLogPage />)}</RequireRole> },
        { path: 'site', element: <RequireRole roles={['admin']} cityWide>{page(<SiteSettingsPage />)}</RequireRole> },
        { path: '*', element: page(<NotFoundPage />) },
      ],
    },
  ],
  { basename: '/admin' },
);
