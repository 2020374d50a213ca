import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../platform/http/schema.ts';
import { contextOf } from '../auth/index.ts';
import { AuditListQuery, AuditPage } from './audit.schemas.ts';
import { listAudit } from './audit.service.ts';

/** /api/v1/audit — admins read the writes made in their subtree. */
export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/', {
    schema: { tags: ['audit'], summary: 'Query the audit log', querystring: AuditListQuery, response: { 200: AuditPage, ...errorResponses(400, 401, 403) } },
    handler: (request) => listAudit(contextOf(request), request.query),
  });
};
