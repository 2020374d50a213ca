import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import { IdParams, errorResponses } from '../../platform/http/schema.ts';
import { contextOf } from '../auth/index.ts';
import { OutreachInputBody, OutreachListQuery, OutreachPage, OutreachVisit, VenueOutreachParams } from './outreach.schemas.ts';
import { createOutreach, deleteOutreach, listOutreach, updateOutreach } from './outreach.service.ts';

const tags = ['venues'];

/** /api/v1/venues/:id/outreach — 馆校合作: the venue's visits to schools. */
export const outreachRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/venues/:id/outreach', {
    schema: { tags, summary: 'A venue’s visits to schools, newest first', params: IdParams, querystring: OutreachListQuery, response: { 200: OutreachPage, ...errorResponses(400, 401, 403, 404) } },
    handler: (request) => listOutreach(contextOf(request), request.params.id, request.query),
  });
  app.post('/venues/:id/outreach', {
    schema: { tags, summary: 'Record a visit to a school (到校活动)', params: IdParams, body: OutreachInputBody, response: { 201: OutreachVisit, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: async (request, reply) => reply.status(201).send(await createOutreach(contextOf(request), request.params.id, request.body)),
  });
  app.put('/venues/:id/outreach/:outreachId', {
    schema: { tags, summary: 'Correct a visit to a school', params: VenueOutreachParams, body: OutreachInputBody, response: { 200: OutreachVisit, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: (request) => updateOutreach(contextOf(request), request.params.id, request.params.outreachId, request.body),
  });
  app.delete('/venues/:id/outreach/:outreachId', {
    schema: { tags, summary: 'Delete a visit to a school', params: VenueOutreachParams, response: { 204: Type.Null(), ...errorResponses(401, 403, 404) } },
    handler: async (request, reply) => {
      await deleteOutreach(contextOf(request), request.params.id, request.params.outreachId);
      return reply.status(204).send(null);
    },
  });
};
