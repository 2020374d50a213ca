import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useT } from './i18n.tsx';
import { appMessages } from './messages.ts';

/** A whole-page answer (page missing, no permission) with the way back home. */
function StatusPage({ status, title, subTitle }: { status: '404' | '403'; title: string; subTitle?: string }) {
  const t = useT(appMessages);
  return (
    <Result
      status={status}
      title={title}
      subTitle={subTitle}
      extra={
        <Link to="/">
          <Button type="primary">{t('notFoundBack')}</Button>
        </Link>
      }
    />
  );
}

export function NotFoundPage() {
  const t = useT(appMessages);
  return <StatusPage status="404" title={t('notFoundTitle')} />;
}

/** cityWide: the page holds what the whole association shares, which the user's roles would otherwise allow. */
export function ForbiddenPage({ cityWide = false }: { cityWide?: boolean }) {
  const t = useT(appMessages);
  return <StatusPage status="403" title={t('forbiddenTitle')} subTitle={t(cityWide ? 'forbiddenCityWide' : 'forbiddenDescription')} />;
}
