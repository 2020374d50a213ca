import { Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, useLocation } from 'react-router';
import { useAuth } from './auth.tsx';

// Every page is its own chunk: the login page loads without the console behind it.
const LoginPage = lazy(() => import('../features/auth/LoginPage.tsx'));
const AppLayout = lazy(() => import('./AppLayout.tsx'));
const OrgTreePage = lazy(() => import('../features/orgs/OrgTreePage.tsx'));
const OrgProfilePage = lazy(() => import('../features/orgs/OrgProfilePage.tsx'));
const UserListPage = lazy(() => import('../features/users/UserListPage.tsx'));
const AuditLogPage = lazy(() => import('../features/audit/AuditLogPage.tsx'));
const NotFoundPage = lazy(() => import('./NotFoundPage.tsx'));

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

export const router = createBrowserRouter(
  [
    { path: '/login', element: page(<LoginPage />) },
    {
      path: '/',
      element: <RequireSignIn>{page(<AppLayout />)}</RequireSignIn>,
      children: [
        { index: true, element: <Navigate to="/orgs" replace /> },
        { path: 'orgs', element: page(<OrgTreePage />) },
        { path: 'orgs/:id', element: page(<OrgProfilePage />) },
        { path: 'users', element: page(<UserListPage />) },
        { path: 'audit', element: page(<AuditLogPage />) },
        { path: '*', element: page(<NotFoundPage />) },
      ],
    },
  ],
  { basename: '/admin' },
);
