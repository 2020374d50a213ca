import { api, request, type Query } from '../app/api.ts';

/** The Excel calls every module offers under its own path (`/orgs/excel`): template, import, export, and the import job. */

export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The server refuses larger uploads; checking first saves sending them. */
export const maxUploadBytes = 10 * 1024 * 1024;

/** One problem with one cell: row as Excel numbers it, column header (empty for the whole row), reason. */
export interface RowError {
  row: number;
  column: string;
  code: string;
  message: string;
}

export interface ImportReport {
  kind: string;
  total: number;
  valid: number;
  invalid: number;
  errorCount: number;
  errors: RowError[];
  columns: string[];
  preview: { row: number; cells: string[]; valid: boolean }[];
}

export interface ImportJob {
  id: string;
  kind: string;
  status: 'running' | 'succeeded' | 'failed';
  phase: 'checking' | 'writing' | 'done';
  total: number;
  processed: number;
  imported: number;
  skipped: number;
  errorCount: number;
  errors: RowError[];
  failure: { code: string; message: string } | null;
  startedAt: string;
  finishedAt: string | null;
}

/** `filename*=UTF-8''组织列表.xlsx` from Content-Disposition, so the saved file keeps its Chinese name. */
export function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? fallback;
}

/** Saves a blob as a download under this file name (Chinese names kept). */
export function save(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Fetches a workbook from /api/v1 (a template or an export) and saves it under the server's file name. */
export async function downloadWorkbook(path: string, query?: Query): Promise<void> {
  const response = await request('GET', path, { query, accept: xlsxType });
  save(await response.blob(), fileNameOf(response, 'export.xlsx'));
}

/** Sends a workbook as the request body. */
export async function uploadWorkbook<T>(path: string, file: File, query: Query): Promise<T> {
  return (await (await request('POST', path, { body: file, contentType: xlsxType, query })).json()) as T;
}

export const fetchImportJob = (id: string) => api<ImportJob>('GET', `/imports/${id}`);
