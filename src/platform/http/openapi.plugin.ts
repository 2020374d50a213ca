import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { ErrorBody } from './schema.ts';

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
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list', deepLinking: true } });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, async () => app.swagger());
});
