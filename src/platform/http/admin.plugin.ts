import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import { adminDistDir } from '../admin-build.ts';

/**
 * Serves the built admin console under /admin. Hashed assets are cached for a
 * year; every other /admin path is a client-side route and gets index.html,
 * which is never cached so a new build is picked up at once.
 */
export default fp(async (app) => {
  const indexFile = path.join(adminDistDir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    app.log.warn('admin console not built: /admin is unavailable (run `npm start` or `npm run admin:build`)');
    return;
  }
  await app.register(fastifyStatic, {
    root: adminDistDir,
    prefix: '/admin/',
    index: false,
    wildcard: false,
    decorateReply: false,
    setHeaders(reply, filePath) {
      reply.header('cache-control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const index = fs.readFileSync(indexFile);
  const sendIndex = (_request: unknown, reply: import('fastify').FastifyReply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(index);
  app.get('/admin', { schema: { hide: true } }, sendIndex);
  app.get('/admin/*', { schema: { hide: true } }, (request, reply) => {
    // A missing asset is a 404, not the page: the browser would try to run HTML as a script.
    if (request.url.startsWith('/admin/assets/')) return reply.callNotFound();
    return sendIndex(request, reply);
  });
});
