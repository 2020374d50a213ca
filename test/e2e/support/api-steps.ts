/**
 * Preparing data the way the console would, through the API, as one of the
 * demo accounts: for tests whose subject is what the public then sees.
 */
import type { APIRequestContext, Browser } from 'playwright-core';
import { demoPassword } from './kexie-server.ts';

export interface ApiSession {
  get<T = any>(path: string): Promise<T>;
  post<T = any>(path: string, body?: unknown): Promise<T>;
  put<T = any>(path: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

/** Signs in as a demo account in a browser context of its own and returns JSON helpers that carry its CSRF token. */
export async function apiAs(browser: Browser, baseUrl: string, username: string): Promise<ApiSession> {
  const context = await browser.newContext({ baseURL: baseUrl });
  const request: APIRequestContext = context.request;
  const login = await request.post('/api/v1/auth/login', { data: { username, password: demoPassword } });
  if (!login.ok()) throw new Error(`login as ${username} failed: ${login.status()} ${await login.text()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const call = async (method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) => {
    const response = await request.fetch(path, { method, headers: method === 'GET' ? {} : { 'x-csrf-token': csrfToken }, ...(body === undefined ? {} : { data: body }) });
    if (!response.ok()) throw new Error(`${method} ${path} as ${username}: ${response.status()} ${await response.text()}`);
    return response.json();
  };
  return {
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body ?? {}),
    put: (path, body) => call('PUT', path, body),
    close: () => context.close(),
  };
}

/** The demo site's reviewers, one per level of the default chain (初审, 复审, 终审). */
export const demoReviewers = [
  { username: 'reviewer1', displayName: '王磊' },
  { username: 'reviewer2', displayName: '李静' },
  { username: 'reviewer3', displayName: '张伟' },
] as const;
export const demoEditor = { username: 'editor', displayName: '陈敏' } as const;

/** Approves the article at every level, each reviewer in turn, so it goes online. */
export async function approveAtEveryLevel(browser: Browser, baseUrl: string, articleId: string): Promise<void> {
  for (const reviewer of demoReviewers) {
    const session = await apiAs(browser, baseUrl, reviewer.username);
    await session.post(`/api/v1/articles/${articleId}/approve`);
    await session.close();
  }
}
