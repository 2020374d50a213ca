/** The public website rendered on the server, and the site settings it shows (name, logo, footer, filing numbers). */
import { createPortalPlugin } from './portal.plugin.ts';

export type { SiteTables } from './site.table.ts';
export { siteSettingsRoutes } from './site.routes.ts';
export { createPortalPlugin, type PortalOptions } from './portal.plugin.ts';
export { getSiteSettings, updateSiteSettings, loadSiteSettings, loadDemoSite, demoSite, onSiteSettingsChange } from './site.service.ts';
export type { SiteSettings, UpdateSiteSettingsInput } from './site.schemas.ts';

/** The public pages at /, feeds, sitemap and robots.txt, with the default cache budget. */
export const portalPlugin = createPortalPlugin();

import { registerMediaUsageSource } from '../media/index.ts';
import { loadSiteSettings } from './site.service.ts';

// Media refuses to delete the image the site shows as its logo.
registerMediaUsageSource(async (db, mediaId) => ((await loadSiteSettings(db)).logoMediaId === mediaId ? ['网站设置：网站标志'] : []));
