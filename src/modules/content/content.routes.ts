import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import { IdParams, StrictObject, errorResponses } from '../../platform/http/schema.ts';
import { bodyMayBeEmpty } from '../../platform/http/validation.ts';
import { contextOf } from '../auth/index.ts';
import { approveArticle, recallArticle, returnArticle, submitArticle, withdrawArticle } from './article-workflow.service.ts';
import {
  Article,
  ArticleListQuery,
  ArticlePage,
  CreateArticleBody,
  ReturnArticleBody,
  ReviewTrail,
  RevisionDetail,
  RevisionDiff,
  RevisionDiffQuery,
  RevisionList,
  RevisionParams,
  SaveArticleBody,
  WithdrawArticleBody,
} from './article.schemas.ts';
import {
  createArticle,
  diffRevisions,
  getArticle,
  getRevision,
  listArticles,
  listReviews,
  listRevisions,
  restoreRevision,
  saveArticle,
} from './article.service.ts';
import { Column, ColumnList, CreateColumnBody, ReviewLevels, UpdateColumnBody, UpdateReviewLevelsBody } from './column.schemas.ts';
import { createColumn, deleteColumn, getReviewLevels, listColumns, setReviewLevels, updateColumn } from './column.service.ts';

/** A reviewer's decision names the level they saw, so a stale screen cannot approve a later level. */
const DecisionBody = StrictObject({ level: Type.Optional(Type.Integer({ minimum: 1, description: 'The review level shown when deciding' })) });

/** /api/v1/columns, /api/v1/review-levels and /api/v1/articles — thin: validate, hand to the service. */
export const contentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const columns = ['columns'];
  app.get('/columns', {
    schema: { tags: columns, summary: 'Every column, parents before children', response: { 200: ColumnList, ...errorResponses(401, 403) } },
    handler: (request) => listColumns(contextOf(request)),
  });
  app.post('/columns', {
    schema: { tags: columns, summary: 'Create a column', body: CreateColumnBody, response: { 201: Column, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: async (request, reply) => reply.status(201).send(await createColumn(contextOf(request), request.body)),
  });
  app.patch('/columns/:id', {
    schema: { tags: columns, summary: 'Edit, rename, reorder or move a column', params: IdParams, body: UpdateColumnBody, response: { 200: Column, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: (request) => updateColumn(contextOf(request), request.params.id, request.body),
  });
  app.delete('/columns/:id', {
    schema: { tags: columns, summary: 'Delete an empty column', params: IdParams, response: { 204: Type.Null(), ...errorResponses(401, 403, 404, 409) } },
    handler: async (request, reply) => {
      await deleteColumn(contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  });

  const review = ['articles'];
  app.get('/review-levels', {
    schema: { tags: review, summary: 'The review chain (初审, 复审, 终审 by default)', response: { 200: ReviewLevels, ...errorResponses(401, 403) } },
    handler: (request) => getReviewLevels(contextOf(request)),
  });
  app.put('/review-levels', {
    schema: { tags: review, summary: 'Rename, add or remove review levels', body: UpdateReviewLevelsBody, response: { 200: ReviewLevels, ...errorResponses(400, 401, 403, 409) } },
    handler: (request) => setReviewLevels(contextOf(request), request.body.names),
  });

  const tags = ['articles'];
  app.get('/articles', {
    schema: { tags, summary: 'Articles in scope, newest change first', querystring: ArticleListQuery, response: { 200: ArticlePage, ...errorResponses(400, 401, 403) } },
    handler: (request) => listArticles(contextOf(request), request.query),
  });
  app.post('/articles', {
    schema: { tags, summary: 'Create a draft', body: CreateArticleBody, response: { 201: Article, ...errorResponses(400, 401, 403) } },
    handler: async (request, reply) => reply.status(201).send(await createArticle(contextOf(request), request.body)),
  });
  app.get('/articles/:id', {
    schema: { tags, summary: 'An article’s working copy, workflow state and what the actor may do', params: IdParams, response: { 200: Article, ...errorResponses(401, 403, 404) } },
    handler: (request) => getArticle(contextOf(request), request.params.id),
  });
  app.put('/articles/:id', {
    schema: { tags, summary: 'Save: a new revision of the working copy', params: IdParams, body: SaveArticleBody, response: { 200: Article, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: (request) => saveArticle(contextOf(request), request.params.id, request.body),
  });

  const step = (summary: string) => ({ tags, summary, params: IdParams, response: { 200: Article, ...errorResponses(400, 401, 403, 404, 409) } });
  app.post('/articles/:id/submit', { schema: step('Submit the draft for review (level 1)'), handler: (request) => submitArticle(contextOf(request), request.params.id) });
  app.post('/articles/:id/recall', { schema: step('Take an article back from review or its schedule'), handler: (request) => recallArticle(contextOf(request), request.params.id) });
  app.post('/articles/:id/approve', {
    schema: { ...step('Approve the current review level; the last level publishes (or schedules)'), body: DecisionBody },
    preValidation: bodyMayBeEmpty,
    handler: (request) => approveArticle(contextOf(request), request.params.id, request.body.level),
  });
  app.post('/articles/:id/return', {
    schema: { ...step('Return the article to its editor with a reason'), body: StrictObject({ ...ReturnArticleBody.properties, ...DecisionBody.properties }) },
    handler: (request) => returnArticle(contextOf(request), request.params.id, request.body.reason, request.body.level),
  });
  app.post('/articles/:id/withdraw', {
    schema: { ...step('Take the article off the website'), body: WithdrawArticleBody },
    preValidation: bodyMayBeEmpty,
    handler: (request) => withdrawArticle(contextOf(request), request.params.id, request.body.reason),
  });

  app.get('/articles/:id/reviews', {
    schema: { tags, summary: 'Every review decision, newest first', params: IdParams, response: { 200: ReviewTrail, ...errorResponses(401, 403, 404) } },
    handler: (request) => listReviews(contextOf(request), request.params.id),
  });
  app.get('/articles/:id/revisions', {
    schema: { tags, summary: 'Every saved revision, newest first', params: IdParams, response: { 200: RevisionList, ...errorResponses(401, 403, 404) } },
    handler: (request) => listRevisions(contextOf(request), request.params.id),
  });
  app.get('/articles/:id/revisions/diff', {
    schema: { tags, summary: 'What changed between two revisions', params: IdParams, querystring: RevisionDiffQuery, response: { 200: RevisionDiff, ...errorResponses(400, 401, 403, 404) } },
    handler: (request) => diffRevisions(contextOf(request), request.params.id, request.query.from, request.query.to),
  });
  app.get('/articles/:id/revisions/:number', {
    schema: { tags, summary: 'One revision in full', params: RevisionParams, response: { 200: RevisionDetail, ...errorResponses(400, 401, 403, 404) } },
    handler: (request) => getRevision(contextOf(request), request.params.id, request.params.number),
  });
  app.post('/articles/:id/revisions/:number/restore', {
    schema: { tags, summary: 'Make an old revision the newest draft (never publishes)', params: RevisionParams, response: { 200: Article, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: (request) => restoreRevision(contextOf(request), request.params.id, request.params.number),
  });
};
