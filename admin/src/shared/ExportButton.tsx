import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { ApiError, type Query } from '../app/api.ts';
import { useT } from '../app/i18n.tsx';
import { appMessages } from '../app/messages.ts';
import { downloadWorkbook } from './excel-api.ts';
import { excelMessages } from './excel-messages.ts';

/** Paging is the table's business; an export holds the whole filtered list. */
const pagingKeys = new Set(['page', 'pageSize']);

/**
 * 导出 Excel: downloads the list exactly as filtered and sorted on screen, in
 * the module's import format. `path` is the module's export endpoint under
 * /api/v1, e.g. `/orgs/excel/export`.
 */
export function ExportButton({ path, query, label }: { path: string; query?: Query; label?: string }) {
  const t = useT(excelMessages);
  const tApp = useT(appMessages);
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const exportList = async () => {
    setBusy(true);
    try {
      const filters = Object.fromEntries(Object.entries(query ?? {}).filter(([key]) => !pagingKeys.has(key)));
      await downloadWorkbook(path, filters);
    } catch (err) {
      const reason = err instanceof ApiError ? err.message : String(err);
      message.error(t('exportFailed', { message: reason }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button icon={<DownloadOutlined aria-hidden />} loading={busy} onClick={() => void exportList()}>
      {label ?? tApp('exportExcel')}
    </Button>
  );
}
