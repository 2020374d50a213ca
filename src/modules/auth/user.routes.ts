import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, errorResponses } from '../../platform/http/schema.ts';
import { CreateUserBody, ResetPasswordBody, RevokedSessions, UpdateUserBody, User, UserListQuery, UserPage } from './auth.schemas.ts';
import { contextOf } from './auth.plugin.ts';
import { createUser, getUser, listUsers, resetPassword, revokeSessions, updateUser } from './user.service.ts';

const tags = ['users'];

/** /api/v1/users — account management within the admin's subtree. */
export const userRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/', {
    schema: { tags, summary: 'List users in scope', querystring: UserListQuery, response: { 200: UserPage, ...errorResponses(400, 401, 403) } },
    handler: (request) => listUsers(contextOf(request), request.query),
  });

  app.get('/:id', {
    schema: { tags, summary: 'One user', params: IdParams, response: { 200: User, ...errorResponses(401, 403, 404) } },
    handler: (request) => getUser(contextOf(request), request.params.id),
  });

  app.post('/', {
    schema: { tags, summary: 'Create a user', body: CreateUserBody, response: { 201: User, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: async (request, reply) => reply.status(201).send(await createUser(contextOf(request), request.body)),
  });

  app.patch('/:id', {
    schema: { tags, summary: 'Edit roles, org, status or language', params: IdParams, body: UpdateUserBody, response: { 200: User, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: (request) => updateUser(contextOf(request), request.params.id, request.body),
  });

  app.post('/:id/password', {
    schema: { tags, summary: 'Reset the password, lift a lockout and sign the user out', params: IdParams, body: ResetPasswordBody, response: { 200: User, ...errorResponses(400, 401, 403, 404) } },
    handler: (request) => resetPassword(contextOf(request), request.params.id, request.body.password),
  });

  app.post('/:id/revoke-sessions', {
    schema: { tags, summary: 'Sign the user out everywhere', params: IdParams, response: { 200: RevokedSessions, ...errorResponses(401, 403, 404) } },
    handler: (request) => revokeSessions(contextOf(request), request.params.id),
  });
};
