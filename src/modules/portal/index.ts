/** The public website rendered on the server, and the site settings it shows (name, logo, footer, filing numbers). */
import { createPortalPlugin } from './portal.plugin.ts';

export type { SiteTables } from './site.table.ts';
export { siteSettingsRoutes } from './site.routes.ts';
export { createPortalPlugin, type PortalOptions } from './portal.plugin.ts';
export { getSiteSettings, updateSiteSettings, loadSiteSettings, loadDemoSite, demoSite, onSiteSettingsChange } from './site.service.ts';
export type { SiteSettings, UpdateSiteSettingsInput } from './site.schemas.ts';

/** The public pages at /, feeds, sitemap and robots.txt, with the default cache budget. */
export const portalPlugin = createPortalPlugin();
