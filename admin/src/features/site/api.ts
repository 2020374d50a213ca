import { api } from '../../app/api.ts';

/** The site settings as the server sends and takes them (the server's own types). */
export type { SiteSettings, UpdateSiteSettingsInput } from '../../../../src/modules/portal/site.schemas.ts';
import type { SiteSettings, UpdateSiteSettingsInput } from '../../../../src/modules/portal/site.schemas.ts';

export const fetchSiteSettings = () => api<SiteSettings>('GET', '/site-settings');
export const saveSiteSettings = (settings: UpdateSiteSettingsInput) => api<SiteSettings>('PUT', '/site-settings', settings);
