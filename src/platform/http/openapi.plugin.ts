import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifySchema, RouteOptions } from 'fastify';
import { ErrorBody, errorResponses } from './schema.ts';

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The errors the platform itself answers on a route, so every operation
 * declares them without each module repeating them: 400 for input that fails
 * its schema or is not JSON, 401 without a session, 403 for a write without
 * the CSRF token. A public route (config.public) needs no session.
 */
function withPlatformErrors(schema: FastifySchema | undefined, route: RouteOptions): FastifySchema | undefined {
  if (!schema || schema.hide) return schema;
  const isPublic = route.config?.public === true;
  const methods = [route.method].flat();
  const isWrite = methods.some((method) => writeMethods.has(method));
  const takesInput = isWrite || Boolean(schema.body || schema.querystring || schema.params);
  const statuses = [...(takesInput ? [400] : []), ...(isPublic ? [] : [401]), ...(isWrite && !isPublic ? [403] : [])];
  return {
    ...schema,
    ...(isPublic ? { security: [] } : {}),
    response: { ...errorResponses(...statuses), ...(schema.response as object | undefined) },
  };
}

/** A prefixed `/` route answers with and without the trailing slash; document the form clients write. */
const withoutTrailingSlash = (url: string) => (url.length > 1 ? url.replace(/\/$/, '') : url);

/**
 * The OpenAPI document is generated from the route schemas that also validate
 * requests, so it cannot drift from what the server accepts.
 */
export default fp(async (app, options: { version: string }) => {
  app.addSchema(ErrorBody);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'kexie API',
        description: '科协工作平台接口。写操作需在请求头 X-CSRF-Token 中带上登录时返回的 csrfToken。',
        version: options.version,
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'kexie_session' } } },
      security: [{ session: [] }],
    },
    transform: ({ schema, url, route }) => ({ schema: withPlatformErrors(schema, route) ?? schema, url: withoutTrailingSlash(url) }),
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list', deepLinking: true } });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, async () => app.swagger());
});
