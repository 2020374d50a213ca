import { Card, Grid, Typography } from 'antd';
import { useBreadcrumbs } from '../../app/AppLayout.tsx';
import { useT } from '../../app/i18n.tsx';
import { pageTitleStyle } from '../orgs/page-title.ts';
import { MediaLibrary } from './MediaLibrary.tsx';
import { mediaMessages } from './messages.ts';

/** /media: the library of the user's scope — upload, search, alt text, delete. */
export default function MediaLibraryPage() {
  const t = useT(mediaMessages);
  const narrow = !Grid.useBreakpoint().sm;
  useBreadcrumbs([{ title: t('title') }]);
  return (
    <Card size={narrow ? 'small' : 'default'} title={<Typography.Title level={1} style={pageTitleStyle}>{t('title')}</Typography.Title>}>
      <MediaLibrary />
    </Card>
  );
}
