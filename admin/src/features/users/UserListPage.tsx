import { useBreadcrumbs } from '../../app/AppLayout.tsx';

export default function UserListPage() {
  useBreadcrumbs([{ title: 'UserListPage' }]);
  return <div>UserListPage</div>;
}
