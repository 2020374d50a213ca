import { UploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import type { Query } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { appMessages } from '../../app/messages.ts';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { ImportDialog } from '../../shared/ImportDialog.tsx';
import { orgExcelMessages } from './excel-messages.ts';

/**
 * 导出 Excel and Excel 导入 for organisations, admins only. The export holds
 * the orgs of `query` (the GET /orgs filters), the whole tree in scope when
 * none is given; the import creates orgs from the org template.
 */
export default function OrgExcelActions({ onImported, query }: { onImported?: () => void; query?: Query }) {
  const tApp = useT(appMessages);
  const t = useT(orgExcelMessages);
  const { hasRole } = useAuth();
  const [importing, setImporting] = useState(false);
  if (!hasRole('admin')) return null;
  return (
    <>
      <ExportButton path="/orgs/excel/export" query={query} />
      <Button icon={<UploadOutlined aria-hidden />} onClick={() => setImporting(true)}>
        {tApp('importExcel')}
      </Button>
      <ImportDialog open={importing} onClose={() => setImporting(false)} title={t('importTitle')} basePath="/orgs/excel" onImported={onImported} />
    </>
  );
}
