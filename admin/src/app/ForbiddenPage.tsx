import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useT } from './i18n.tsx';
import { appMessages } from './messages.ts';

export default function ForbiddenPage() {
  const t = useT(appMessages);
  return (
    <Result
      status="403"
      title={t('forbiddenTitle')}
      subTitle={t('forbiddenDescription')}
      extra={
        <Link to="/">
          <Button type="primary">{t('notFoundBack')}</Button>
        </Link>
      }
    />
  );
}
