import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

/**
 * The security headers every response carries, set in one place. They are
 * added as a response leaves (onSend), so errors, 404s, 304s and streamed
 * files get them as well as pages and JSON.
 *
 * A route that knows better sets its own Content-Security-Policy and keeps it:
 * the portal's pages (no script at all) and stored media files (sandboxed).
 * Every other response gets the policy of the surface it belongs to.
 */

const csp = (...directives: string[]) => directives.join('; ');

/** JSON, health checks and file downloads: nothing in them may load, run, or be framed. */
export const apiPolicy = csp("default-src 'none'", "frame-ancestors 'none'");

/**
 * The admin console: a Vite build, whose scripts are all files of its own
 * (no inline script), so injected script cannot run. Styles need
 * 'unsafe-inline': Ant Design writes its component styles at run time into
 * <style> elements. A nonce (ConfigProvider's `csp`) would cover only the
 * elements antd's style registry writes; its dependencies write others
 * without one (the modal's scroll lock in @rc-component/portal, rc-util's
 * scrollbar measurement, cssinjs's feature test), and the browser would
 * block those. Measured in Chromium: with `style-src 'self'` the login page
 * alone reports 19 blocked styles.
 */
export const consolePolicy = csp(
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  // data: lets 数据看板 save a chart as PNG: it fetches the data URL the chart draws into a Blob.
  "connect-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
);

/** The API's own documentation page (/api/docs, Swagger UI): its scripts are files, but it sets inline styles (Chromium blocks one under `style-src 'self'`). */
export const apiDocsPolicy = csp(
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
);

/**
 * HSTS only on a response that went out over HTTPS (directly, or through a
 * trusted proxy that says so in X-Forwarded-Proto): over plain HTTP browsers
 * ignore it, and an intranet install without TLS must stay reachable. No
 * includeSubDomains: other sites under the association's domain may not have
 * HTTPS yet.
 */
export const strictTransportSecurity = 'max-age=31536000';

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/** The policy for a response that did not set its own. */
export function defaultPolicyFor(url: string): string {
  const [path = url] = url.split('?', 1);
  if (under(path, '/admin')) return consolePolicy;
  if (under(path, '/api/docs')) return apiDocsPolicy;
  return apiPolicy;
}

/**
 * Sets the headers on a reply about to be sent. The plugin's hook does it for
 * every reply; a framework error (a malformed URL) is answered before any
 * hook runs, so its handler calls this itself.
 */
export function addSecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'strict-origin-when-cross-origin');
  if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', defaultPolicyFor(request.url));
  // For browsers that predate CSP's frame-ancestors; follows the policy's own choice.
  const framing = /frame-ancestors 'none'/.test(String(reply.getHeader('content-security-policy'))) ? 'DENY' : 'SAMEORIGIN';
  reply.header('x-frame-options', framing);
  if (request.protocol === 'https') reply.header('strict-transport-security', strictTransportSecurity);
}

export default fp(
  async (app) => {
    app.addHook('onSend', async (request, reply, payload) => {
      addSecurityHeaders(request, reply);
      return payload;
    });
  },
  { name: 'security-headers' },
);
