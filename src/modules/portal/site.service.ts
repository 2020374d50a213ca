import type { Db } from '../../database.ts';
import { systemContext, type ServiceContext } from '../../platform/context.ts';
import { nowIso } from '../../platform/clock.ts';
import { AppError, type ErrorDetail } from '../../platform/errors.ts';
import { translate } from '../../platform/i18n/catalogue.ts';
import { recordAudit } from '../audit/index.ts';
import { findMediaByIds } from '../media/index.ts';
import { findRootOrg, isOrgInSubtree } from '../orgs/index.ts';
import * as repo from './site.repository.ts';
import type { SiteSettings, UpdateSiteSettingsInput } from './site.schemas.ts';
import { sitePolicy } from './site.policy.ts';
import { siteId, type SiteSettingsRow } from './site.table.ts';
import './portal.messages.ts';

export function toSiteSettings(row: SiteSettingsRow): SiteSettings {
  return {
    siteName: row.site_name,
    logoMediaId: row.logo_media_id,
    footerText: row.footer_text,
    sponsor: row.sponsor,
    address: row.address,
    phone: row.phone,
    icpNumber: row.icp_number,
    publicSecurityNumber: row.public_security_number,
    copyrightHolder: row.copyright_holder,
    updatedAt: row.updated_at,
  };
}

/** What a fresh install shows until the settings are first saved: a neutral name, an empty footer. */
function defaultRow(): SiteSettingsRow {
  return {
    id: siteId,
    site_name: translate('zh-CN', 'site.defaultName'),
    logo_media_id: null,
    footer_text: '',
    sponsor: '',
    address: '',
    phone: '',
    icp_number: '',
    public_security_number: '',
    copyright_holder: '',
    updated_at: new Date(0).toISOString(),
  };
}

/** 豫ICP备14014232号-1: a province's one-character abbreviation, the number, and an optional site serial. */
export const icpPattern = /^[\u4e00-\u9fa5]ICP备\d{6,10}号(-\d{1,3})?$/;
/** 豫公网安备41130302000201号: the abbreviation and fourteen digits, which are also the record code in the lookup link. */
export const publicSecurityPattern = /^[\u4e00-\u9fa5]公网安备(\d{14})号$/;
/** A landline with area code (0377-63132535, optional extension), a mobile number, or a 400 service line. */
export const phonePattern = /^(0\d{2,3}-?\d{7,8}(-\d{1,6})?|1[3-9]\d{9}|400-?\d{3}-?\d{4})$/;

/** The record code for the 公网安备 lookup link, or undefined when the number is not filled in. */
export function publicSecurityRecordCode(number: string): string | undefined {
  return publicSecurityPattern.exec(number)?.[1];
}

function trimmed(input: UpdateSiteSettingsInput): UpdateSiteSettingsInput {
  const text = (value: string) => value.trim();
  return {
    siteName: text(input.siteName),
    logoMediaId: input.logoMediaId,
    footerText: text(input.footerText),
    sponsor: text(input.sponsor),
    address: text(input.address),
    phone: text(input.phone),
    icpNumber: text(input.icpNumber),
    publicSecurityNumber: text(input.publicSecurityNumber),
    copyrightHolder: text(input.copyrightHolder),
  };
}

/** Every failing field at once, each with a message that shows a correct example. Empty optional fields pass. */
async function formatProblems(db: Db, input: UpdateSiteSettingsInput): Promise<ErrorDetail[]> {
  const problems: ErrorDetail[] = [];
  const refuse = (field: keyof UpdateSiteSettingsInput, code: string, message: string) => problems.push({ path: `body.${field}`, code, message });
  if (!input.siteName) refuse('siteName', 'required', 'SITE_NAME_REQUIRED');
  if (input.icpNumber && !icpPattern.test(input.icpNumber)) refuse('icpNumber', 'format', 'SITE_ICP_FORMAT');
  if (input.publicSecurityNumber && !publicSecurityPattern.test(input.publicSecurityNumber)) refuse('publicSecurityNumber', 'format', 'SITE_PUBLIC_SECURITY_FORMAT');
  if (input.phone && !phonePattern.test(input.phone)) refuse('phone', 'format', 'SITE_PHONE_FORMAT');
  if (input.logoMediaId) {
    const [logo] = await findMediaByIds(db, [input.logoMediaId]);
    if (!logo) refuse('logoMediaId', 'exists', 'SITE_LOGO_NOT_FOUND');
    else if (logo.kind !== 'image') refuse('logoMediaId', 'image', 'SITE_LOGO_NOT_IMAGE');
  }
  return problems;
}

/** Site settings belong to the top-level org: only an actor whose scope contains it may touch them. */
async function assertSiteInScope(db: Db, ctx: ServiceContext): Promise<string> {
  const root = await findRootOrg(db);
  if (!root || !(await isOrgInSubtree(db, ctx.actor.orgId, root.id))) throw new AppError('SITE_SETTINGS_SCOPE', 403);
  return root.id;
}

/** What the portal prints on every page. Everything here is public; no actor needed. */
export async function loadSiteSettings(db: Db): Promise<SiteSettings> {
  return toSiteSettings((await repo.findSiteSettings(db)) ?? defaultRow());
}

export async function getSiteSettings(ctx: ServiceContext): Promise<SiteSettings> {
  sitePolicy.assertCan(ctx.actor, 'read');
  await assertSiteInScope(ctx.db, ctx);
  return loadSiteSettings(ctx.db);
}

type SiteSettingsListener = () => void;
const listeners = new Set<SiteSettingsListener>();

/** In-process notice after a change has committed; other processes see `siteSettingsVersion` move instead. */
export function onSiteSettingsChange(listener: SiteSettingsListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The settings' updated_at: a cheap stamp that changes whenever any process saves them. */
export async function siteSettingsVersion(db: Db): Promise<string> {
  return (await repo.findSiteSettingsUpdatedAt(db)) ?? '';
}

export async function updateSiteSettings(ctx: ServiceContext, raw: UpdateSiteSettingsInput): Promise<SiteSettings> {
  sitePolicy.assertCan(ctx.actor, 'update');
  const input = trimmed(raw);
  const saved = await ctx.db.transaction().execute(async (trx) => {
    const rootOrgId = await assertSiteInScope(trx, ctx);
    const problems = await formatProblems(trx, input);
    if (problems.length > 0) throw new AppError('SITE_SETTINGS_INVALID', 400, { details: problems });
    const existing = await repo.findSiteSettings(trx);
    const after: SiteSettingsRow = {
      id: siteId,
      site_name: input.siteName,
      logo_media_id: input.logoMediaId,
      footer_text: input.footerText,
      sponsor: input.sponsor,
      address: input.address,
      phone: input.phone,
      icp_number: input.icpNumber,
      public_security_number: input.publicSecurityNumber,
      copyright_holder: input.copyrightHolder,
      // Strictly later than before, so a poller comparing stamps never misses two saves within one millisecond.
      updated_at: laterThan(existing?.updated_at),
    };
    if (existing) await repo.updateSiteSettingsRow(trx, after);
    else await repo.insertSiteSettings(trx, after);
    const settings = toSiteSettings(after);
    await recordAudit(trx, ctx, {
      entity: 'site_settings',
      entityId: siteId,
      orgId: rootOrgId,
      action: 'update',
      before: existing ? toSiteSettings(existing) : null,
      after: settings,
    });
    return settings;
  });
  for (const listener of listeners) listener();
  return saved;
}

function laterThan(previous: string | undefined): string {
  const now = nowIso();
  if (!previous || now > previous) return now;
  return new Date(Date.parse(previous) + 1).toISOString();
}

/** The reference site's footer (seed W4), for the demo data set. */
export const demoSite: UpdateSiteSettingsInput = {
  siteName: '南阳市科学技术协会',
  logoMediaId: null,
  footerText: '',
  sponsor: '南阳市科学技术协会',
  address: '河南省南阳市范蠡东路1666号5号楼',
  phone: '0377-63132535',
  icpNumber: '豫ICP备14014232号-1',
  publicSecurityNumber: '豫公网安备41130302000201号',
  copyrightHolder: '南阳市科协信息中心',
};

/** Fills in the demo site unless someone has already saved settings of their own; returns whether it did. */
export async function loadDemoSite(db: Db): Promise<boolean> {
  const current = await repo.findSiteSettings(db);
  if (current && (current.copyright_holder || current.icp_number || current.site_name !== defaultRow().site_name)) return false;
  const root = await findRootOrg(db);
  if (!root) throw new Error('the organisation tree is empty: run migrations and seeding first');
  await updateSiteSettings(systemContext(db, root.id, 'demo'), demoSite);
  return true;
}
