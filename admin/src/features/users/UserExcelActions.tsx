import type { Query } from '../../app/api.ts';
import { ExportButton } from '../../shared/ExportButton.tsx';

/** 导出 Excel: the user list exactly as filtered and sorted on screen. */
export default function UserExcelActions({ query }: { query: Query }) {
  return <ExportButton path="/users/excel/export" query={query} />;
}
