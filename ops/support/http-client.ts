/**
 * A browser-like HTTP client for load runs: keeps its cookies, sends the CSRF
 * token on API writes once signed in, and records every request's status and
 * latency under a route name in the run's RouteStats.
 */
import http from 'node:http';
import type { RouteStats } from './route-stats.ts';

export interface Answer {
  /** 0 when no answer came (the server was gone, or the request timed out). */
  status: number;
  body: string;
  json<T = any>(): T;
}

export type Body = { json: unknown } | { form: Record<string, string> } | { bytes: Buffer; contentType: string };

/** No request may hang a run: a server that stops answering fails the request instead. */
const requestTimeoutMs = 30_000;

/**
 * One keep-alive connection pool for the whole run. node:http rather than
 * fetch: it costs the load generator, which shares the machine with the
 * server, a fraction of the CPU per request.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

/** One request and its whole answer; status 0 when the connection failed or the answer did not come in time. */
function exchange(url: URL, method: string, headers: Record<string, string>, payload: string | Buffer | undefined): Promise<{ status: number; body: string; setCookies: string[] }> {
  if (payload !== undefined) headers['content-length'] = String(Buffer.byteLength(payload));
  return new Promise((resolve) => {
    const failed = () => resolve({ status: 0, body: '', setCookies: [] });
    const request = http.request(url, { method, headers, agent, timeout: requestTimeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), setCookies: response.headers['set-cookie'] ?? [] }));
      response.on('error', failed);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', failed);
    request.end(payload);
  });
}

export const demoPassword = process.env.KEXIE_DEMO_PASSWORD || 'kexie-demo-2024';

export class HttpClient {
  private readonly cookies = new Map<string, string>();
  csrfToken: string | undefined;

  constructor(
    readonly baseUrl: string,
    private readonly stats: RouteStats,
    /** Sent with every request; e.g. the X-Forwarded-For of one visitor behind the reverse proxy. */
    private readonly extraHeaders: Record<string, string> = {},
  ) {}

  async send(route: string, method: string, path: string, body?: Body): Promise<Answer> {
    const headers: Record<string, string> = { ...this.extraHeaders, accept: path.startsWith('/api/') ? 'application/json' : 'text/html' };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (method !== 'GET' && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    let payload: string | Buffer | undefined;
    if (body && 'json' in body) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body.json);
    } else if (body && 'form' in body) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      payload = new URLSearchParams(body.form).toString();
    } else if (body) {
      headers['content-type'] = body.contentType;
      payload = body.bytes;
    }

    const started = performance.now();
    const answer = await exchange(new URL(path, this.baseUrl), method, headers, payload);
    this.stats.record(route, answer.status, performance.now() - started);
    for (const setCookie of answer.setCookies) {
      const [pair] = setCookie.split(';');
      const at = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim());
    }
    return { status: answer.status, body: answer.body, json: () => JSON.parse(answer.body) };
  }
}

/** The signed-in user as the login answer describes them. */
export interface StaffUser {
  id: string;
  username: string;
  orgId: string;
  roles: string[];
}

/** A demo account signed in: its session cookie and CSRF token kept by the client. */
export async function signIn(baseUrl: string, stats: RouteStats, username: string): Promise<{ client: HttpClient; user: StaffUser }> {
  const client = new HttpClient(baseUrl, stats);
  const answer = await client.send('POST /api/v1/auth/login', 'POST', '/api/v1/auth/login', { json: { username, password: demoPassword } });
  if (answer.status !== 200) throw new Error(`sign-in as ${username} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
  const session = answer.json<{ user: StaffUser; csrfToken: string }>();
  client.csrfToken = session.csrfToken;
  return { client, user: session.user };
}
