import { ApiError, api, withQuery, type Query } from '../app/api.ts';

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

/** The error shape every kexie error has, read from a response that is not JSON on success. */
async function apiErrorOf(response: Response): Promise<ApiError> {
  const error = (await response.json().catch(() => undefined))?.error;
  return new ApiError(response.status, error?.code ?? 'NETWORK', error?.message ?? response.statusText, error?.details ?? [], error?.requestId);
}

/** `filename*=UTF-8''组织列表.xlsx` from Content-Disposition, so the saved file keeps its Chinese name. */
function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? fallback;
}

function save(blob: Blob, fileName: string) {
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
export async function downloadWorkbook(path: string, locale: string, query?: Query): Promise<void> {
  const response = await fetch(withQuery(`/api/v1${path}`, query), { credentials: 'same-origin', headers: { 'accept-language': locale } });
  if (!response.ok) throw await apiErrorOf(response);
  save(await response.blob(), fileNameOf(response, 'export.xlsx'));
}

/**
 * Sends a workbook as the request body. The CSRF token comes from the session
 * probe: the shared JSON helper keeps its copy private.
 */
export async function uploadWorkbook<T>(path: string, file: File, locale: string, query: Query): Promise<T> {
  const session = await api<{ csrfToken: string } | null>('GET', '/auth/session');
  const response = await fetch(withQuery(`/api/v1${path}`, query), {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': xlsxType, accept: 'application/json', 'accept-language': locale, 'x-csrf-token': session?.csrfToken ?? '' },
    body: file,
  });
  if (!response.ok) throw await apiErrorOf(response);
  return (await response.json()) as T;
}

export const fetchImportJob = (id: string) => api<ImportJob>('GET', `/imports/${id}`);
