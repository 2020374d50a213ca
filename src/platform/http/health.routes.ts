import { sql } from 'kysely';
import { kexieVersion } from '../version.ts';
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

/** GET /healthz — for load balancers and monitoring: is the process up and its database reachable. */
export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/healthz', {
    config: { public: true },
    schema: {
      tags: ['health'],
      summary: 'Liveness and database reachability',
      security: [],
      response: {
        200: Type.Object({ status: Type.Literal('ok'), database: Type.Enum(['sqlite', 'postgres']), version: Type.String() }),
        503: Type.Object({ status: Type.Literal('unavailable'), database: Type.Enum(['sqlite', 'postgres']), version: Type.String() }),
      },
    },
    handler: async (_request, reply) => {
      const body = { database: app.dialect, version: kexieVersion };
      try {
        await sql`select 1`.execute(app.db);
        return { status: 'ok' as const, ...body };
      } catch (err) {
        app.log.error({ err }, 'health check: database unreachable');
        return reply.status(503).send({ status: 'unavailable' as const, ...body });
      }
    },
  });
};
