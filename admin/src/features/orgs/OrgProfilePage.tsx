import { useBreadcrumbs } from '../../app/AppLayout.tsx';

export default function OrgProfilePage() {
  useBreadcrumbs([{ title: 'OrgProfilePage' }]);
  return <div>OrgProfilePage</div>;
}
