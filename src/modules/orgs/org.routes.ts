import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, errorResponses } from '../../platform/http/schema.ts';
import { contextOf } from '../auth/index.ts';
import { CreateOrgBody, MoveOrgBody, Org, OrgDetail, OrgListQuery, OrgPage, OrgTree, UpdateOrgBody } from './org.schemas.ts';
import { createOrg, getOrg, getOrgTree, listOrgs, moveOrg, updateOrg } from './org.service.ts';

const tags = ['orgs'];

/** /api/v1/orgs — thin: validate, hand to the service, return what it returns. */
export const orgRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/', {
    schema: { tags, summary: 'List organisations in scope', querystring: OrgListQuery, response: { 200: OrgPage, ...errorResponses(400, 401) } },
    handler: (request) => listOrgs(contextOf(request), request.query),
  });

  app.get('/tree', {
    schema: { tags, summary: "The actor's subtree, parents before children", response: { 200: OrgTree, ...errorResponses(401) } },
    handler: (request) => getOrgTree(contextOf(request)),
  });

  app.get('/:id', {
    schema: { tags, summary: 'One organisation with its ancestors', params: IdParams, response: { 200: OrgDetail, ...errorResponses(401, 404) } },
    handler: (request) => getOrg(contextOf(request), request.params.id),
  });

  app.post('/', {
    schema: { tags, summary: 'Create an organisation', body: CreateOrgBody, response: { 201: Org, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: async (request, reply) => reply.status(201).send(await createOrg(contextOf(request), request.body)),
  });

  app.patch('/:id', {
    schema: { tags, summary: 'Edit or disable an organisation', params: IdParams, body: UpdateOrgBody, response: { 200: Org, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: (request) => updateOrg(contextOf(request), request.params.id, request.body),
  });

  app.post('/:id/move', {
    schema: { tags, summary: 'Move an organisation and its subtree under another parent', params: IdParams, body: MoveOrgBody, response: { 200: Org, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: (request) => moveOrg(contextOf(request), request.params.id, request.body.parentId),
  });
};
