import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../database.ts';
import { Nullable, errorResponses } from '../../platform/http/schema.ts';
import { isCityWide } from '../orgs/index.ts';
import { ChangePasswordBody, LoginBody, SessionInfo, UpdateMeBody, User } from './auth.schemas.ts';
import { clearSessionCookie, contextOf, setSessionCookie } from './auth.plugin.ts';
import { login, logout } from './session.service.ts';
import { changeOwnPassword, getUser, toUser, updateMe } from './user.service.ts';

const tags = ['auth'];

/** What the console learns at sign-in and on reload: who, the write token, and whether city-wide settings are theirs to change. */
async function sessionInfo(db: Db, user: User, csrfToken: string, expiresAt: string): Promise<SessionInfo> {
  return { user, csrfToken, expiresAt, cityWide: await isCityWide(db, user.orgId) };
}

/** /api/v1/auth — signing in and out, and the signed-in user's own account. */
export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/login', {
    config: { public: true },
    schema: { tags, summary: 'Sign in; sets the session cookie', body: LoginBody, response: { 200: SessionInfo, ...errorResponses(400, 401, 403, 429) } },
    handler: async (request, reply) => {
      const client = { ip: request.ip, userAgent: request.headers['user-agent'], requestId: request.id };
      const opened = await login(app.db, app.config, request.body, client);
      // A fresh session id at every login: an id planted before login (fixation) is never promoted.
      if (request.session) await logout(app.db, request.session, client);
      setSessionCookie(request, reply, opened.token, opened.session.expires_at);
      return sessionInfo(app.db, await toUser(app.db, opened.user), opened.session.csrf_token, opened.session.expires_at);
    },
  });

  app.post('/logout', {
    schema: { tags, summary: 'Sign out of this session', response: { 204: Type.Null(), ...errorResponses(401, 403) } },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      await logout(app.db, request.session!, { ip: request.ip, userAgent: request.headers['user-agent'], requestId: ctx.requestId! });
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  });

  app.get('/session', {
    // Public so a page can ask "am I signed in?" without provoking a 401: null means no.
    config: { public: true },
    schema: { tags, summary: 'Who is signed in, with the CSRF token; null when nobody is', response: { 200: Nullable(SessionInfo), ...errorResponses(500) } },
    handler: async (request) => {
      if (!request.session) return null;
      const ctx = contextOf(request);
      return sessionInfo(app.db, await getUser(ctx, ctx.actor.userId!), request.session.csrfToken, request.session.expiresAt);
    },
  });

  app.patch('/me', {
    schema: { tags, summary: 'Edit own display name and language', body: UpdateMeBody, response: { 200: User, ...errorResponses(400, 401, 403) } },
    handler: (request) => updateMe(contextOf(request), request.body),
  });

  app.post('/password', {
    schema: { tags, summary: 'Change own password; other sessions are signed out', body: ChangePasswordBody, response: { 204: Type.Null(), ...errorResponses(400, 401, 403) } },
    handler: async (request, reply) => {
      await changeOwnPassword(contextOf(request), request.session!.sessionId, request.body.currentPassword, request.body.newPassword);
      return reply.status(204).send(null);
    },
  });
};
