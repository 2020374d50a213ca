// The API's own types, shared with the server so the two cannot drift apart (type-only: nothing server-side is bundled).
import type { ErrorDetail } from '../../../src/platform/errors.ts';

export type { ErrorDetail };

/** Every error the server sends has this shape; `message` is already in the user's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly requestId?: string,
  ) {
    super(message);
  }
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

let csrfToken: string | undefined;
let requestLocale = 'zh-CN';
let onSessionLost: (() => void) | undefined;

/** Server messages follow the language shown in the console, even before sign-in. */
export function setRequestLocale(locale: string) {
  requestLocale = locale;
}

export function setCsrfToken(token: string | undefined) {
  csrfToken = token;
}

/** Called when the server says the session is gone, so the app can show the login page. */
export function handleSessionLost(callback: () => void) {
  onSessionLost = callback;
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function failure(response: Response): Promise<ApiError> {
  const body = await response.json().catch(() => undefined);
  const error = body?.error;
  if (error?.code === 'AUTH_REQUIRED') onSessionLost?.();
  return new ApiError(response.status, error?.code ?? 'NETWORK', error?.message ?? response.statusText, error?.details ?? [], error?.requestId);
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * Any request to /api/v1: the user's language, the CSRF token on writes, and
 * errors thrown as ApiError. Returns the raw response for bodies that are not
 * JSON (workbooks up and down); `api()` is the JSON case.
 */
export async function request(method: Method, path: string, options: { body?: BodyInit; contentType?: string; query?: Query; accept?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: options.accept ?? 'application/json', 'accept-language': requestLocale };
  if (options.contentType) headers['content-type'] = options.contentType;
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(withQuery(`/api/v1${path}`, options.query), { method, headers, credentials: 'same-origin', body: options.body });
  if (!response.ok) throw await failure(response);
  return response;
}

/** JSON request to /api/v1; errors throw ApiError. */
export async function api<T>(method: Method, path: string, body?: unknown, query?: Query): Promise<T> {
  const response = await request(method, path, body === undefined ? { query } : { query, body: JSON.stringify(body), contentType: 'application/json' });
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}

/**
 * A multipart upload to /api/v1 that reports its progress (0–1), which fetch
 * cannot. Same headers and the same ApiError on failure as `request()`.
 */
export function upload<T>(path: string, form: FormData, onProgress?: (fraction: number) => void, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1${path}`);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', requestLocale);
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (event) => event.lengthComputable && onProgress?.(event.loaded / event.total);
    xhr.onload = () => {
      const response = new Response(xhr.responseText, { status: xhr.status, statusText: xhr.statusText });
      if (response.ok) resolve(response.json() as Promise<T>);
      else failure(response).then(reject, reject);
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', xhr.statusText));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}
