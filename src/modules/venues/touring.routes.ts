import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import { IdParams, errorResponses } from '../../platform/http/schema.ts';
import { contextOf } from '../auth/index.ts';
import { ShowInputBody, ShowListQuery, ShowPage, StopInputBody, StopListQuery, StopPage, TouringShow, TouringStop, TouringStopParams } from './touring.schemas.ts';
import { createShow, createStop, deleteShow, deleteStop, getShow, listShows, listStops, updateShow, updateStop } from './touring.service.ts';

const tags = ['touring shows'];

/** /api/v1/touring-shows — 流动科技馆 / 区域化巡展 and their stops. */
export const touringRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/touring-shows', {
    schema: { tags, summary: 'Touring shows run by orgs in scope', querystring: ShowListQuery, response: { 200: ShowPage, ...errorResponses(400, 401, 403) } },
    handler: (request) => listShows(contextOf(request), request.query),
  });
  app.post('/touring-shows', {
    schema: { tags, summary: 'Record a touring show', body: ShowInputBody, response: { 201: TouringShow, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: async (request, reply) => reply.status(201).send(await createShow(contextOf(request), request.body)),
  });
  app.get('/touring-shows/:id', {
    schema: { tags, summary: 'One touring show', params: IdParams, response: { 200: TouringShow, ...errorResponses(401, 403, 404) } },
    handler: (request) => getShow(contextOf(request), request.params.id),
  });
  app.put('/touring-shows/:id', {
    schema: { tags, summary: 'Change a touring show', params: IdParams, body: ShowInputBody, response: { 200: TouringShow, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: (request) => updateShow(contextOf(request), request.params.id, request.body),
  });
  app.delete('/touring-shows/:id', {
    schema: { tags, summary: 'Delete a touring show with no stops', params: IdParams, response: { 204: Type.Null(), ...errorResponses(401, 403, 404, 409) } },
    handler: async (request, reply) => {
      await deleteShow(contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  });
  app.get('/touring-shows/:id/stops', {
    schema: { tags, summary: 'A show’s stops, latest first', params: IdParams, querystring: StopListQuery, response: { 200: StopPage, ...errorResponses(400, 401, 403, 404) } },
    handler: (request) => listStops(contextOf(request), request.params.id, request.query),
  });
  app.post('/touring-shows/:id/stops', {
    schema: { tags, summary: 'Record a stop and its visits', params: IdParams, body: StopInputBody, response: { 201: TouringStop, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: async (request, reply) => reply.status(201).send(await createStop(contextOf(request), request.params.id, request.body)),
  });
  app.put('/touring-shows/:id/stops/:stopId', {
    schema: { tags, summary: 'Correct a stop', params: TouringStopParams, body: StopInputBody, response: { 200: TouringStop, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: (request) => updateStop(contextOf(request), request.params.id, request.params.stopId, request.body),
  });
  app.delete('/touring-shows/:id/stops/:stopId', {
    schema: { tags, summary: 'Delete a stop', params: TouringStopParams, response: { 204: Type.Null(), ...errorResponses(401, 403, 404) } },
    handler: async (request, reply) => {
      await deleteStop(contextOf(request), request.params.id, request.params.stopId);
      return reply.status(204).send(null);
    },
  });
};
