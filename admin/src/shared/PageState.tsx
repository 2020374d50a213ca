import { Button, Empty, Result, Typography } from 'antd';
import { ApiError } from '../app/api.ts';
import { useT } from '../app/i18n.tsx';
import { appMessages } from '../app/messages.ts';

/** What a page shows when loading failed: the server's message, its request id, and a retry. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT(appMessages);
  const apiError = error instanceof ApiError ? error : undefined;
  return (
    <Result
      status={apiError?.status === 404 ? '404' : apiError?.status === 403 ? '403' : 'error'}
      title={t('errorTitle')}
      subTitle={
        <>
          <div role="alert">{apiError?.message ?? (error instanceof Error ? error.message : String(error))}</div>
          {apiError?.requestId && <Typography.Text type="secondary">{t('errorRequestId', { id: apiError.requestId })}</Typography.Text>}
        </>
      }
      extra={onRetry && <Button onClick={onRetry}>{t('errorRetry')}</Button>}
    />
  );
}

/** What a page or table shows when there is nothing yet, with the action that would add something. */
export function EmptyState({ description, action }: { description?: string; action?: React.ReactNode }) {
  const t = useT(appMessages);
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description ?? t('emptyDescription')}>
      {action}
    </Empty>
  );
}
