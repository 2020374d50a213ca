/**
 * An activities workbook as a county office sends it: the template's columns
 * (taken from the module's own sheet definition, so the file always matches
 * what the import reads), one row per activity.
 */
import ExcelJS from 'exceljs';
import { activitySheet } from '../../src/modules/activities/activity.excel.ts';
import { columnsOf } from '../../src/platform/excel/sheet.ts';

/** `rows` activities of 方城县 titled `${titlePrefix}…`, spread over 2025 so that many days' totals are touched. */
export async function activityWorkbook(titlePrefix: string, rows: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(activitySheet.name);
  const columns = columnsOf(activitySheet);
  sheet.addRow(columns.map(({ column }) => column.header));
  const types = ['讲座/报告会', '展览/展板', '培训', '科技咨询'];
  for (let i = 0; i < rows; i++) {
    const day = new Date(Date.UTC(2025, 0, 1 + (i % 365))).toISOString().slice(0, 10);
    const values: Record<string, unknown> = {
      title: `${titlePrefix}第${i + 1}场科普讲座`,
      type: types[i % types.length],
      campaign: null,
      startDate: day,
      endDate: day,
      org: '方城县',
      venue: `方城县文化中心${i % 20}号厅`,
      organiser: '方城县科协',
      partners: null,
      participants: 30 + (i % 500),
      mode: 'offline',
      quantity: 1,
      description: null,
    };
    sheet.addRow(columns.map(({ key, column }) => (values[key] === null ? null : column.write(values[key] as never))));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
