import type { Selectable, Updateable } from 'kysely';

/** The one site this installation serves; its row id. */
export const siteId = 'default';

/** 网站设置: what every portal page shows around the content (name, logo, footer, filing numbers). */
export interface SiteSettingsTable {
  id: string;
  site_name: string;
  /** A media id (an image in the media library), or null for the name alone. */
  logo_media_id: string | null;
  footer_text: string;
  /** 主办单位 */
  sponsor: string;
  address: string;
  phone: string;
  /** ICP备案号, e.g. 豫ICP备14014232号-1 */
  icp_number: string;
  /** 公网安备案号, e.g. 豫公网安备41130302000201号 */
  public_security_number: string;
  /** 版权所有 */
  copyright_holder: string;
  updated_at: string;
}

/** Tables owned by the portal module. */
export interface SiteTables {
  site_settings: SiteSettingsTable;
}

export type SiteSettingsRow = Selectable<SiteSettingsTable>;
export type SiteSettingsRowUpdate = Updateable<SiteSettingsTable>;
