import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import { IdParams, errorResponses } from '../../platform/http/schema.ts';
import { contextOf } from '../auth/index.ts';
import { VenueFigures, VenueFiguresQuery } from './figures.schemas.ts';
import { venueFigures } from './figures.service.ts';
import { Venue, VenueInputBody, VenueListQuery, VenuePage } from './venue.schemas.ts';
import { createVenue, deleteVenue, getVenue, listVenues, updateVenue } from './venue.service.ts';
import { visitRoutes } from './visit.routes.ts';
import { outreachRoutes } from './outreach.routes.ts';
import { caravanRoutes } from './caravan.routes.ts';
import { touringRoutes } from './touring.routes.ts';
import { tripExcelRoutes, visitExcelRoutes } from './venue.excel.routes.ts';

const tags = ['venues'];

/** /api/v1/venues and what is recorded per venue — thin: validate, hand to the service. */
export const venueRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/venues', {
    schema: { tags, summary: 'Venues run by orgs in scope, by name', querystring: VenueListQuery, response: { 200: VenuePage, ...errorResponses(400, 401, 403) } },
    handler: (request) => listVenues(contextOf(request), request.query),
  });
  app.get('/venues/figures', {
    schema: {
      tags,
      summary: 'A year’s figures of the museum system: venues, visitors, school outreach, caravans, touring shows',
      querystring: VenueFiguresQuery,
      response: { 200: VenueFigures, ...errorResponses(400, 401, 403, 404) },
    },
    handler: (request) => venueFigures(contextOf(request), request.query),
  });
  app.post('/venues', {
    schema: { tags, summary: 'Record a venue (场馆)', body: VenueInputBody, response: { 201: Venue, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: async (request, reply) => reply.status(201).send(await createVenue(contextOf(request), request.body)),
  });
  app.get('/venues/:id', {
    schema: { tags, summary: 'One venue', params: IdParams, response: { 200: Venue, ...errorResponses(401, 403, 404) } },
    handler: (request) => getVenue(contextOf(request), request.params.id),
  });
  app.put('/venues/:id', {
    schema: { tags, summary: 'Change a venue', params: IdParams, body: VenueInputBody, response: { 200: Venue, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: (request) => updateVenue(contextOf(request), request.params.id, request.body),
  });
  app.delete('/venues/:id', {
    schema: { tags, summary: 'Delete a venue that has no records yet', params: IdParams, response: { 204: Type.Null(), ...errorResponses(401, 403, 404, 409) } },
    handler: async (request, reply) => {
      await deleteVenue(contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  });
  await app.register(visitRoutes);
  await app.register(outreachRoutes);
  await app.register(caravanRoutes);
  await app.register(touringRoutes);
  await app.register(visitExcelRoutes, { prefix: '/venues/excel/visits' });
  await app.register(tripExcelRoutes, { prefix: '/caravans/excel/trips' });
};
