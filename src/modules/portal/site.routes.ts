import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../platform/http/schema.ts';
import { contextOf } from '../auth/index.ts';
import { SiteSettings, UpdateSiteSettingsBody } from './site.schemas.ts';
import { getSiteSettings, updateSiteSettings } from './site.service.ts';

const tags = ['site'];

/** /api/v1/site-settings — the portal's name, logo and footer, edited by the top-level org's administrators. */
export const siteSettingsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/', {
    schema: { tags, summary: 'The site settings', response: { 200: SiteSettings, ...errorResponses(401, 403) } },
    handler: (request) => getSiteSettings(contextOf(request)),
  });

  app.put('/', {
    schema: { tags, summary: 'Replace the site settings', body: UpdateSiteSettingsBody, response: { 200: SiteSettings, ...errorResponses(400, 401, 403) } },
    handler: (request) => updateSiteSettings(contextOf(request), request.body),
  });
};
