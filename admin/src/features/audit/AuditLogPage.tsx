import { useBreadcrumbs } from '../../app/AppLayout.tsx';

export default function AuditLogPage() {
  useBreadcrumbs([{ title: 'AuditLogPage' }]);
  return <div>AuditLogPage</div>;
}
