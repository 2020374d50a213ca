import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import { IdParams, errorResponses } from '../../platform/http/schema.ts';
import { contextOf } from '../auth/index.ts';
import { VenueVisitParams, Visit, VisitInputBody, VisitListQuery, VisitPage } from './visit.schemas.ts';
import { createVisit, deleteVisit, listVisits, updateVisit } from './visit.service.ts';

const tags = ['venues'];

/** /api/v1/venues/:id/visits — a venue's daily or monthly visitor counts. */
export const visitRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/venues/:id/visits', {
    schema: { tags, summary: 'A venue’s visit figures, newest first', params: IdParams, querystring: VisitListQuery, response: { 200: VisitPage, ...errorResponses(400, 401, 403, 404) } },
    handler: (request) => listVisits(contextOf(request), request.params.id, request.query),
  });
  app.post('/venues/:id/visits', {
    schema: {
      tags,
      summary: 'Record a day’s or a month’s visitors; 409 if that day or month is already counted',
      params: IdParams,
      body: VisitInputBody,
      response: { 201: Visit, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => reply.status(201).send(await createVisit(contextOf(request), request.params.id, request.body)),
  });
  app.put('/venues/:id/visits/:visitId', {
    schema: { tags, summary: 'Correct a visit figure', params: VenueVisitParams, body: VisitInputBody, response: { 200: Visit, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: (request) => updateVisit(contextOf(request), request.params.id, request.params.visitId, request.body),
  });
  app.delete('/venues/:id/visits/:visitId', {
    schema: { tags, summary: 'Delete a visit figure', params: VenueVisitParams, response: { 204: Type.Null(), ...errorResponses(401, 403, 404, 409) } },
    handler: async (request, reply) => {
      await deleteVisit(contextOf(request), request.params.id, request.params.visitId);
      return reply.status(204).send(null);
    },
  });
};
