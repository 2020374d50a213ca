import { useBreadcrumbs } from '../../app/AppLayout.tsx';

export default function OrgTreePage() {
  useBreadcrumbs([{ title: 'OrgTreePage' }]);
  return <div>OrgTreePage</div>;
}
