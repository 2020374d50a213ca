import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, errorResponses } from '../../platform/http/schema.ts';
import { contextOf } from '../auth/index.ts';
import { attachmentDisposition } from '../media/index.ts';
import { AnnualReview, ExportQuery, GenerateReviewBody, PublishReviewBody, RefreshReviewBody, ReviewList, ReviewListQuery, SaveReviewBody } from './review.schemas.ts';
import { exportReview, generateReview, getReview, listReviews, publishReview, refreshReviewFigures, saveReview } from './review.service.ts';

const tags = ['reports'];

/** /api/v1/annual-reviews — the review desk: generate, edit, refresh figures, publish, export. */
export const reviewRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/annual-reviews', {
    schema: { tags, summary: 'Annual reviews in scope (without their text), newest year first', querystring: ReviewListQuery, response: { 200: ReviewList, ...errorResponses(400, 401, 403) } },
    handler: (request) => listReviews(contextOf(request), request.query),
  });
  app.post('/annual-reviews', {
    schema: {
      tags,
      summary: 'Generate the review of a year for an org (default: the actor’s); 409 if that year’s review exists',
      body: GenerateReviewBody,
      response: { 201: AnnualReview, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => reply.status(201).send(await generateReview(contextOf(request), request.body)),
  });
  app.get('/annual-reviews/:id', {
    schema: { tags, summary: 'One review with its document', params: IdParams, response: { 200: AnnualReview, ...errorResponses(400, 401, 403, 404) } },
    handler: (request) => getReview(contextOf(request), request.params.id),
  });
  app.put('/annual-reviews/:id', {
    schema: { tags, summary: 'Save the edited document', params: IdParams, body: SaveReviewBody, response: { 200: AnnualReview, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: (request) => saveReview(contextOf(request), request.params.id, request.body),
  });
  app.post('/annual-reviews/:id/refresh', {
    schema: {
      tags,
      summary: 'Recompute every figure from today’s records, keeping the text around them',
      params: IdParams,
      body: RefreshReviewBody,
      response: { 200: AnnualReview, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: (request) => refreshReviewFigures(contextOf(request), request.params.id, request.body.baseRevision),
  });
  app.post('/annual-reviews/:id/publish', {
    schema: {
      tags,
      summary: 'Publish as a portal article in a column (focus news by default); it goes through the article review chain',
      params: IdParams,
      body: PublishReviewBody,
      response: { 200: AnnualReview, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: (request) => publishReview(contextOf(request), request.params.id, request.body),
  });
  app.get('/annual-reviews/:id/export', {
    schema: {
      tags,
      summary: 'Download as Word (.docx), PDF or Markdown; the file is named after the review’s title',
      params: IdParams,
      querystring: ExportQuery,
      response: { ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request, reply) => {
      const file = await exportReview(contextOf(request), request.params.id, request.query.format ?? 'docx');
      return reply.header('content-type', file.contentType).header('content-disposition', attachmentDisposition(file.fileName)).header('cache-control', 'no-store').send(file.bytes);
    },
  });
};
