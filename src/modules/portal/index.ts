/** The public website rendered on the server, and the site settings it shows (name, logo, footer, filing numbers). */
export type { SiteTables } from './site.table.ts';
import type { FastifyPluginAsync } from 'fastify';

/** /api/v1/site-settings — edited in the console. */
export const siteSettingsRoutes: FastifyPluginAsync = async () => {};
/** The public pages at /, feeds, sitemap and robots.txt. */
export const portalPlugin: FastifyPluginAsync = async () => {};
