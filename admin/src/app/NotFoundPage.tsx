import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useT } from './i18n.tsx';
import { appMessages } from './messages.ts';

export default function NotFoundPage() {
  const t = useT(appMessages);
  return (
    <Result
      status="404"
      title={t('notFoundTitle')}
      extra={
        <Link to="/">
          <Button type="primary">{t('notFoundBack')}</Button>
        </Link>
      }
    />
  );
}
