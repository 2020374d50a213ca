import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TestClient } from './test-app.ts';

export const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ImportRowError {
  row: number;
  column: string;
  code: string;
  message: string;
}

/** What a dry run answers: the counts, each bad row's errors, and a preview of the rows as read. */
export interface DryRunReport {
  total: number;
  valid: number;
  invalid: number;
  errorCount: number;
  errors: ImportRowError[];
  columns: string[];
  preview: { row: number; cells: string[]; valid: boolean }[];
}

/** An import job as GET /api/v1/imports/:id shows it. */
export interface ImportJob {
  id: string;
  status: 'running' | 'succeeded' | 'failed';
  phase: string;
  total: number;
  processed: number;
  imported: number;
  skipped: number;
  errors: ImportRowError[];
  failure: { code: string; message: string } | null;
}

/** A workbook as someone fills in a template: one sheet with the header row, then the given rows. */
export async function workbookOf(sheetName: string, header: ExcelJS.CellValue[], rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The sheet names of a downloaded workbook and the cell values of one sheet (the first unless named), row by row. */
export async function readWorkbook(bytes: Buffer, sheetName?: string): Promise<{ names: string[]; rows: unknown[][] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheet = sheetName === undefined ? workbook.worksheets[0] : workbook.worksheets.find((w) => w.name === sheetName);
  if (!sheet) throw new Error(`the workbook has no sheet ${sheetName ?? ''}`);
  const rows: unknown[][] = [];
  // ExcelJS numbers cells from 1, so each row's values start with a hole.
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { names: workbook.worksheets.map((w) => w.name), rows };
}

/** Row errors without their codes: the row, column and reason a person reads in the report. */
export const locatedErrors = (errors: ImportRowError[]) => errors.map(({ row, column, message }) => ({ row, column, message }));

// Long enough for the 500-row LibreOffice file on a busy machine, well inside the test's own timeout.
const importDeadlineMs = 30_000;
const pollIntervalMs = 20;

/**
 * The import steps of one Excel endpoint (`POST <importUrl>`), as the console's import dialog takes them:
 * upload a workbook, look at a dry run's report, or start the import and poll its job until it ends.
 */
export function excelImportAt(importUrl: string) {
  const upload = (client: TestClient, bytes: Buffer, query = '', headers: Record<string, string> = {}): Promise<LightMyRequestResponse> =>
    client.request('POST', `${importUrl}${query ? `?${query}` : ''}`, bytes, { 'content-type': xlsxContentType, ...headers });

  async function dryRun(client: TestClient, bytes: Buffer, headers: Record<string, string> = {}): Promise<DryRunReport> {
    const response = await upload(client, bytes, 'dryRun=true', headers);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }

  async function importFile(client: TestClient, bytes: Buffer, query = ''): Promise<ImportJob> {
    const started = await upload(client, bytes, query);
    expect(started.statusCode, started.body).toBe(202);
    const deadline = Date.now() + importDeadlineMs;
    while (Date.now() < deadline) {
      const job: ImportJob = (await client.get(`/api/v1/imports/${started.json().id}`)).json();
      if (job.status !== 'running') return job;
      await new Promise((resolve) => setTimeout(resolve, pollIntervalMs));
    }
    throw new Error(`import at ${importUrl} did not finish within ${importDeadlineMs / 1000} s`);
  }

  return { upload, dryRun, importFile };
}
