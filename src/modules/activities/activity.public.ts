import type { Db } from '../../database.ts';
import { findOrgsByIds } from '../orgs/index.ts';
import * as repo from './activity.repository.ts';
import type { ActivityMode, ActivityRow } from './activity.table.ts';

/**
 * What the public website reads of activities: only public (公开) and
 * verified records, no actor, no scope — and the signal that tells the
 * portal's page cache when that set changed.
 */

/** An activity as the portal shows it. */
export interface PublicActivity {
  id: string;
  title: string;
  startDate: string;
  endDate: string;
  orgId: string;
  /** 所属县区 */
  orgName: string;
  venue: string;
  /** 主办单位 */
  organiser: string;
  /** 合作单位 */
  partners: string[];
  typeName: string;
  campaignName: string | null;
  series: string;
  mode: ActivityMode;
  description: string;
  evidenceMediaIds: string[];
  /** 受益人次: only once the activity has ended (before that it is a plan, not a count). */
  participants: number | null;
  updatedAt: string;
}

// ---- change signal --------------------------------------------------------------

type Listener = (activityId: string) => void;
const listeners = new Set<Listener>();

/** Called in this process after a committed change to an activity the portal shows or showed; returns the unsubscribe function. */
export function onPublicActivityChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const isShown = (row: Pick<ActivityRow, 'is_public' | 'status'> | undefined) => row?.is_public === 1 && row.status === 'verified';

/** Tells the listeners when a committed change touched the public set: the record was shown before or is shown now. */
export function announceActivityChange(id: string, before: Pick<ActivityRow, 'is_public' | 'status'> | undefined, after: Pick<ActivityRow, 'is_public' | 'status'> | undefined): void {
  if (!isShown(before) && !isShown(after)) return;
  for (const listener of listeners) listener(id);
}

/** For processes that did not make the change: differs whenever the public set or a record in it changed. */
export const publicActivitiesVersion = (db: Db) => repo.findPublicActivitiesVersion(db);

// ---- reading --------------------------------------------------------------------

async function present(db: Db, rows: readonly ActivityRow[], today: string): Promise<PublicActivity[]> {
  if (rows.length === 0) return [];
  const [types, campaigns, orgs] = await Promise.all([repo.findTypes(db), repo.findCampaigns(db), findOrgsByIds(db, [...new Set(rows.map((r) => r.org_id))])]);
  const typeNames = new Map(types.map((t) => [t.id, t.name]));
  const campaignNames = new Map(campaigns.map((c) => [c.id, c.name]));
  const orgNames = new Map(orgs.map((o) => [o.id, o.name]));
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    startDate: row.start_date,
    endDate: row.end_date,
    orgId: row.org_id,
    orgName: orgNames.get(row.org_id) ?? '',
    venue: row.venue,
    organiser: row.organiser,
    partners: JSON.parse(row.partners) as string[],
    typeName: typeNames.get(row.type_id) ?? '',
    campaignName: row.campaign_id ? (campaignNames.get(row.campaign_id) ?? null) : null,
    series: row.series,
    mode: row.mode,
    description: row.description,
    evidenceMediaIds: JSON.parse(row.evidence_media_ids) as string[],
    participants: row.end_date < today ? row.participants : null,
    updatedAt: row.updated_at,
  }));
}

export interface PublicActivityQuery {
  /** Still running on or after this day. */
  from: string;
  /** Starting on or before this day; open-ended when omitted. */
  to?: string;
  orgId?: string;
  typeId?: string;
  limit: number;
  /** Beijing's date today: decides whether 受益人次 is shown yet. */
  today: string;
}

/** Public activities overlapping [from, to], earliest first. */
export async function listPublicActivities(db: Db, query: PublicActivityQuery): Promise<PublicActivity[]> {
  return present(db, await repo.findPublicActivities(db, query), query.today);
}

/** One public activity, or undefined when it is missing, internal or not (or no longer) verified: the portal answers all three alike. */
export async function findPublicActivity(db: Db, id: string, today: string): Promise<PublicActivity | undefined> {
  const row = await repo.findPublicActivity(db, id);
  return row ? (await present(db, [row], today))[0] : undefined;
}

/** What the calendar's filters offer: the orgs with public activities, and the activity types in use. */
export async function publicActivityFilterOptions(db: Db): Promise<{ orgs: { id: string; name: string }[]; types: { id: string; name: string }[] }> {
  const [orgIds, types] = await Promise.all([repo.findPublicActivityOrgIds(db), repo.findTypes(db)]);
  const orgs = await findOrgsByIds(db, orgIds);
  return {
    // By 行政区划代码: the city first, then its counties in the official order.
    orgs: [...orgs].sort((a, b) => (a.admin_code ?? '').localeCompare(b.admin_code ?? '')).map((o) => ({ id: o.id, name: o.name })),
    types: types.filter((t) => t.active === 1).map((t) => ({ id: t.id, name: t.name })),
  };
}

export async function listPublicActivitiesForSitemap(db: Db): Promise<{ id: string; updatedAt: string }[]> {
  return (await repo.findPublicActivitiesForSitemap(db)).map((row) => ({ id: row.id, updatedAt: row.updated_at }));
}
