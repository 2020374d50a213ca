import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Db } from './database.ts';
import type { Config } from './platform/config.ts';
import { dialectOf } from './platform/db/connection.ts';
import errorsPlugin, { answerFrameworkError } from './platform/http/errors.plugin.ts';
import adminPlugin from './platform/http/admin.plugin.ts';
import { healthRoutes } from './platform/http/health.routes.ts';
import openapiPlugin from './platform/http/openapi.plugin.ts';
import securityHeadersPlugin from './platform/http/security-headers.plugin.ts';
import './platform/http/server-decorations.ts';
import { validatorCompiler } from './platform/http/validation.ts';
import { cachedResponseSerializers } from './platform/http/response-serializers.ts';
import { kexieVersion } from './platform/version.ts';
import importJobsPlugin from './platform/imports/import-jobs.ts';
import { activityRoutes } from './modules/activities/index.ts';
import { activityExcelRoutes } from './modules/activities/activity.excel.routes.ts';
import { auditRoutes } from './modules/audit/index.ts';
import { bookingRoutes } from './modules/bookings/index.ts';
import { authPlugin, authRoutes, contextOf, userRoutes } from './modules/auth/index.ts';
import { userExcelRoutes } from './modules/auth/user.excel.routes.ts';
import { contentRoutes } from './modules/content/index.ts';
import { mediaFileRoutes, mediaRoutes } from './modules/media/index.ts';
import { orgRoutes } from './modules/orgs/index.ts';
import { portalPlugin, siteSettingsRoutes } from './modules/portal/index.ts';
import { orgExcelRoutes } from './modules/orgs/org.excel.routes.ts';
import { venueRoutes } from './modules/venues/index.ts';
import { reviewRoutes } from './modules/reports/review.routes.ts';
import { statsRoutes } from './modules/stats/index.ts';
import { statsExportRoutes } from './modules/stats/stats-export.routes.ts';
import { statisticalReturnRoutes } from './modules/reports/statistical-return.routes.ts';

export interface AppOptions {
  config: Config;
  db: Db;
  /** Pino logger options; tests pass `false`. */
  logger?: boolean | object;
}

/**
 * Builds the server. The order reads as the architecture: platform plugins
 * (errors, API description, cookies, sessions), then each module's routes.
 */
export async function buildApp({ config, db, logger = true }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger === true ? { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] } : logger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    frameworkErrors: answerFrameworkError,
    schemaController: { compilersFactory: { buildSerializer: cachedResponseSerializers } },
    genReqId: (request) => {
      const fromProxy = request.headers['x-request-id'];
      return typeof fromProxy === 'string' && /^[\w-]{8,64}$/.test(fromProxy) ? fromProxy : randomUUID();
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('config', config);
  app.decorate('db', db);
  app.decorate('dialect', dialectOf(db));
  app.setValidatorCompiler(validatorCompiler);

  await app.register(securityHeadersPlugin);
  await app.register(errorsPlugin);
  await app.register(openapiPlugin, { version: kexieVersion });
  await app.register(cookie);
  await app.register(authPlugin);
  await app.register(importJobsPlugin, { actorOf: (request) => contextOf(request).actor });

  await app.register(healthRoutes);
  await app.register(authRoutes, { prefix: '/api/v1/auth' });
  await app.register(orgRoutes, { prefix: '/api/v1/orgs' });
  await app.register(orgExcelRoutes, { prefix: '/api/v1/orgs/excel' });
  await app.register(userRoutes, { prefix: '/api/v1/users' });
  await app.register(userExcelRoutes, { prefix: '/api/v1/users/excel' });
  await app.register(auditRoutes, { prefix: '/api/v1/audit' });
  await app.register(mediaRoutes, { prefix: '/api/v1/media' });
  await app.register(mediaFileRoutes, { prefix: '/media' });
  await app.register(contentRoutes, { prefix: '/api/v1' });
  await app.register(siteSettingsRoutes, { prefix: '/api/v1/site-settings' });
  await app.register(activityRoutes, { prefix: '/api/v1' });
  await app.register(activityExcelRoutes, { prefix: '/api/v1/activities/excel' });
  await app.register(bookingRoutes, { prefix: '/api/v1' });
  await app.register(venueRoutes, { prefix: '/api/v1' });
  await app.register(reviewRoutes, { prefix: '/api/v1' });
  await app.register(statsRoutes, { prefix: '/api/v1' });
  await app.register(statsExportRoutes, { prefix: '/api/v1' });
  await app.register(statisticalReturnRoutes, { prefix: '/api/v1' });

  await app.register(adminPlugin);
  // Last: the portal answers every other path, including the public 404 page.
  await app.register(portalPlugin);

  return app;
}
