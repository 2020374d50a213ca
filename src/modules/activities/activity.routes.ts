import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import { IdParams, errorResponses } from '../../platform/http/schema.ts';
import { contextOf } from '../auth/index.ts';
import {
  Activity,
  ActivityInputBody,
  ActivityListQuery,
  ActivityPage,
  Figures,
  FiguresQuery,
  ReturnActivityBody,
  Vocabulary,
  VocabularyEntryBody,
  VocabularyEntryPatchBody,
} from './activity.schemas.ts';
import {
  activityFigures,
  createActivity,
  deleteActivity,
  getActivity,
  listActivities,
  returnActivity,
  updateActivity,
  verifyActivity,
} from './activity.service.ts';
import { addVocabularyEntry, listVocabulary, updateVocabularyEntry } from './vocabulary.service.ts';

const tags = ['activities'];
const VocabularyEntry = Vocabulary.properties.items.items;

/** /api/v1/activities, /api/v1/activity-types and /api/v1/activity-campaigns — thin: validate, hand to the service. */
export const activityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/activities', {
    schema: { tags, summary: 'Activities in scope, newest first', querystring: ActivityListQuery, response: { 200: ActivityPage, ...errorResponses(400, 401, 403) } },
    handler: (request) => listActivities(contextOf(request), request.query),
  });
  app.get('/activities/figures', {
    schema: { tags, summary: 'A year’s count, 受益人次 and 数量, in total and by one dimension', querystring: FiguresQuery, response: { 200: Figures, ...errorResponses(400, 401, 403, 404) } },
    handler: (request) => activityFigures(contextOf(request), request.query),
  });
  app.post('/activities', {
    schema: { tags, summary: 'Record an activity (reported to the level above)', body: ActivityInputBody, response: { 201: Activity, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: async (request, reply) => reply.status(201).send(await createActivity(contextOf(request), request.body)),
  });
  app.get('/activities/:id', {
    schema: { tags, summary: 'One activity', params: IdParams, response: { 200: Activity, ...errorResponses(401, 403, 404) } },
    handler: (request) => getActivity(contextOf(request), request.params.id),
  });
  app.put('/activities/:id', {
    schema: { tags, summary: 'Correct an activity; it goes back up for verification', params: IdParams, body: ActivityInputBody, response: { 200: Activity, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: (request) => updateActivity(contextOf(request), request.params.id, request.body),
  });
  app.delete('/activities/:id', {
    schema: { tags, summary: 'Delete an activity', params: IdParams, response: { 204: Type.Null(), ...errorResponses(401, 403, 404, 409) } },
    handler: async (request, reply) => {
      await deleteActivity(contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  });
  app.post('/activities/:id/verify', {
    schema: { tags, summary: 'Verify a reported activity (the level above)', params: IdParams, response: { 200: Activity, ...errorResponses(401, 403, 404, 409) } },
    handler: (request) => verifyActivity(contextOf(request), request.params.id),
  });
  app.post('/activities/:id/return', {
    schema: { tags, summary: 'Return a reported activity with a reason', params: IdParams, body: ReturnActivityBody, response: { 200: Activity, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: (request) => returnActivity(contextOf(request), request.params.id, request.body.reason),
  });

  for (const kind of ['types', 'campaigns'] as const) {
    const path = `/activity-${kind}`;
    app.get(path, {
      schema: { tags, summary: kind === 'types' ? 'Activity types (活动类型)' : 'Theme campaigns (主题活动)', response: { 200: Vocabulary, ...errorResponses(401, 403) } },
      handler: (request) => listVocabulary(contextOf(request), kind),
    });
    app.post(path, {
      schema: { tags, summary: 'Add an entry', body: VocabularyEntryBody, response: { 201: VocabularyEntry, ...errorResponses(400, 401, 403, 409) } },
      handler: async (request, reply) => reply.status(201).send(await addVocabularyEntry(contextOf(request), kind, request.body)),
    });
    app.patch(`${path}/:id`, {
      schema: { tags, summary: 'Rename, reorder or retire an entry', params: IdParams, body: VocabularyEntryPatchBody, response: { 200: VocabularyEntry, ...errorResponses(400, 401, 403, 404, 409) } },
      handler: (request) => updateVocabularyEntry(contextOf(request), kind, request.params.id, request.body),
    });
  }
};
