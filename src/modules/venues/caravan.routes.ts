import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import { IdParams, errorResponses } from '../../platform/http/schema.ts';
import { contextOf } from '../auth/index.ts';
import { Caravan, CaravanInputBody, CaravanListQuery, CaravanPage, CaravanTrip, CaravanTripParams, TripInputBody, TripListQuery, TripPage } from './caravan.schemas.ts';
import { createCaravan, createTrip, deleteCaravan, deleteTrip, getCaravan, listCaravans, listTrips, updateCaravan, updateTrip } from './caravan.service.ts';

const tags = ['caravans'];

/** /api/v1/caravans — 科普大篷车 and their trip logs. */
export const caravanRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/caravans', {
    schema: { tags, summary: 'Caravans run by orgs in scope', querystring: CaravanListQuery, response: { 200: CaravanPage, ...errorResponses(400, 401, 403) } },
    handler: (request) => listCaravans(contextOf(request), request.query),
  });
  app.post('/caravans', {
    schema: { tags, summary: 'Record a caravan (科普大篷车)', body: CaravanInputBody, response: { 201: Caravan, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: async (request, reply) => reply.status(201).send(await createCaravan(contextOf(request), request.body)),
  });
  app.get('/caravans/:id', {
    schema: { tags, summary: 'One caravan', params: IdParams, response: { 200: Caravan, ...errorResponses(401, 403, 404) } },
    handler: (request) => getCaravan(contextOf(request), request.params.id),
  });
  app.put('/caravans/:id', {
    schema: { tags, summary: 'Change a caravan', params: IdParams, body: CaravanInputBody, response: { 200: Caravan, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: (request) => updateCaravan(contextOf(request), request.params.id, request.body),
  });
  app.delete('/caravans/:id', {
    schema: { tags, summary: 'Delete a caravan with no trips', params: IdParams, response: { 204: Type.Null(), ...errorResponses(401, 403, 404, 409) } },
    handler: async (request, reply) => {
      await deleteCaravan(contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  });
  app.get('/caravans/:id/trips', {
    schema: { tags, summary: 'A caravan’s trips, newest first', params: IdParams, querystring: TripListQuery, response: { 200: TripPage, ...errorResponses(400, 401, 403, 404) } },
    handler: (request) => listTrips(contextOf(request), request.params.id, request.query),
  });
  app.post('/caravans/:id/trips', {
    schema: { tags, summary: 'Log a trip (出车记录)', params: IdParams, body: TripInputBody, response: { 201: CaravanTrip, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: async (request, reply) => reply.status(201).send(await createTrip(contextOf(request), request.params.id, request.body)),
  });
  app.put('/caravans/:id/trips/:tripId', {
    schema: { tags, summary: 'Correct a trip', params: CaravanTripParams, body: TripInputBody, response: { 200: CaravanTrip, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: (request) => updateTrip(contextOf(request), request.params.id, request.params.tripId, request.body),
  });
  app.delete('/caravans/:id/trips/:tripId', {
    schema: { tags, summary: 'Delete a trip', params: CaravanTripParams, response: { 204: Type.Null(), ...errorResponses(401, 403, 404) } },
    handler: async (request, reply) => {
      await deleteTrip(contextOf(request), request.params.id, request.params.tripId);
      return reply.status(204).send(null);
    },
  });
};
