import type { Db, Trx } from '../../database.ts';
import { nowIso } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { pageWindow } from '../../platform/http/schema.ts';
import { translate } from '../../platform/i18n/catalogue.ts';
import { newId } from '../../platform/ids.ts';
import { recordAudit } from '../audit/index.ts';
import { findMediaByIds } from '../media/index.ts';
import { findOrgsByIds, isOrgInSubtree, type OrgRow } from '../orgs/index.ts';
import { announceActivityChange } from './activity.public.ts';
import { activityPolicy } from './activity.policy.ts';
import * as repo from './activity.repository.ts';
import type { Activity, ActivityInput, ActivityListQuery, ActivityPage, Figures, FiguresQuery } from './activity.schemas.ts';
import type { ActivityCampaignRow, ActivityRow, ActivityTypeRow, NewActivityRow } from './activity.table.ts';
import './activity.messages.ts';

/** The vocabularies and org names a batch of activities refers to, loaded once for the batch. */
interface Lookups {
  types: Map<string, ActivityTypeRow>;
  campaigns: Map<string, ActivityCampaignRow>;
  orgs: Map<string, OrgRow>;
  /** Whether each org checked so far is in the actor's scope: one query per org, not per activity. */
  inScope: Map<string, boolean>;
}

async function lookupsFor(db: Db, orgIds: readonly string[]): Promise<Lookups> {
  const [types, campaigns, orgs] = await Promise.all([repo.findTypes(db), repo.findCampaigns(db), findOrgsByIds(db, [...new Set(orgIds)])]);
  return { types: new Map(types.map((t) => [t.id, t])), campaigns: new Map(campaigns.map((c) => [c.id, c])), orgs: new Map(orgs.map((o) => [o.id, o])), inScope: new Map() };
}

/** Verified by the level above: a strict ancestor's user, or, for the top org's own activities, its own. */
async function mayVerify(db: Db, ctx: ServiceContext, row: Pick<ActivityRow, 'org_id'>, org: OrgRow | undefined): Promise<boolean> {
  if (!activityPolicy.can(ctx.actor, 'verify')) return false;
  if (row.org_id === ctx.actor.orgId) return org?.parent_id === null;
  return isOrgInSubtree(db, ctx.actor.orgId, row.org_id);
}

function toActivity(row: ActivityRow, lookups: Lookups, permissions: Activity['permissions']): Activity {
  const type = lookups.types.get(row.type_id);
  return {
    id: row.id,
    title: row.title,
    typeId: row.type_id,
    campaignId: row.campaign_id,
    series: row.series,
    startDate: row.start_date,
    endDate: row.end_date,
    orgId: row.org_id,
    venue: row.venue,
    organiser: row.organiser,
    partners: JSON.parse(row.partners) as string[],
    participants: row.participants,
    mode: row.mode,
    quantity: row.quantity,
    description: row.description,
    evidenceMediaIds: JSON.parse(row.evidence_media_ids) as string[],
    public: row.is_public === 1,
    orgName: lookups.orgs.get(row.org_id)?.name ?? '',
    typeName: type?.name ?? '',
    unit: type?.unit ?? '',
    campaignName: row.campaign_id ? (lookups.campaigns.get(row.campaign_id)?.name ?? null) : null,
    status: row.status,
    returnReason: row.return_reason,
    verifiedAt: row.verified_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    permissions,
  };
}

async function present(db: Db, ctx: ServiceContext, rows: ActivityRow[]): Promise<Activity[]> {
  const lookups = await lookupsFor(db, rows.map((r) => r.org_id));
  const canWrite = activityPolicy.can(ctx.actor, 'write');
  const isAdmin = ctx.actor.roles.includes('admin');
  // Whether the actor may verify depends on the org only: ask once per org on the page, not once per row.
  const orgIds = [...new Set(rows.filter((r) => r.status === 'reported').map((r) => r.org_id))];
  const verifiable = new Map(await Promise.all(orgIds.map(async (orgId) => [orgId, await mayVerify(db, ctx, { org_id: orgId }, lookups.orgs.get(orgId))] as const)));
  return rows.map((row) =>
    toActivity(row, lookups, {
      edit: canWrite && (row.status !== 'verified' || isAdmin),
      verify: row.status === 'reported' && verifiable.get(row.org_id) === true,
    }),
  );
}

async function activityInScope(db: Db, ctx: ServiceContext, id: string): Promise<ActivityRow> {
  const row = await repo.findActivityById(db, id, ctx.actor.orgId);
  if (!row) throw new AppError('ACTIVITY_NOT_FOUND', 404);
  return row;
}

export interface RowProblem {
  field: keyof ActivityInput;
  code: string;
  params?: Record<string, unknown>;
}

/**
 * Every rule an activity must meet beyond its schema, as problems by field:
 * the org within the actor's scope, known and active type and campaign, dates
 * in order. Shared by the form (first problem → 400) and the Excel import
 * (every problem → a row report).
 */
export async function checkActivity(db: Db, ctx: ServiceContext, input: ActivityInput, lookups: Lookups): Promise<RowProblem[]> {
  const problems: RowProblem[] = [];
  let inScope = lookups.inScope.get(input.orgId);
  if (inScope === undefined) {
    inScope = lookups.orgs.has(input.orgId) && (await isOrgInSubtree(db, ctx.actor.orgId, input.orgId));
    lookups.inScope.set(input.orgId, inScope);
  }
  if (!inScope) problems.push({ field: 'orgId', code: 'ACTIVITY_ORG_OUT_OF_SCOPE' });
  if (lookups.types.get(input.typeId)?.active !== 1) problems.push({ field: 'typeId', code: 'ACTIVITY_TYPE_UNKNOWN' });
  if (input.campaignId && lookups.campaigns.get(input.campaignId)?.active !== 1) problems.push({ field: 'campaignId', code: 'ACTIVITY_CAMPAIGN_UNKNOWN' });
  if (input.endDate < input.startDate) problems.push({ field: 'endDate', code: 'ACTIVITY_DATES_REVERSED', params: { startDate: input.startDate, endDate: input.endDate } });
  return problems;
}

function refuse(problems: RowProblem[]): never {
  const first = problems[0]!;
  const status = first.code === 'ACTIVITY_ORG_OUT_OF_SCOPE' ? 404 : 400;
  throw new AppError(first.code, status, { params: first.params, details: problems.map((p) => ({ path: `body.${p.field}`, code: p.code, message: p.code })) });
}

function rowFields(input: ActivityInput) {
  return {
    org_id: input.orgId,
    title: input.title.trim(),
    type_id: input.typeId,
    campaign_id: input.campaignId ?? null,
    series: input.series?.trim() ?? '',
    start_date: input.startDate,
    end_date: input.endDate,
    venue: input.venue?.trim() ?? '',
    organiser: input.organiser?.trim() ?? '',
    partners: JSON.stringify((input.partners ?? []).map((p) => p.trim())),
    participants: input.participants,
    mode: input.mode ?? ('offline' as const),
    quantity: input.quantity ?? null,
    description: input.description?.trim() ?? '',
    evidence_media_ids: JSON.stringify(input.evidenceMediaIds ?? []),
    // Internal unless said otherwise: the Excel format has no column for it, so imported records stay internal.
    is_public: input.public ? 1 : 0,
  };
}

/**
 * 活动照片 are images of the actor's scope. Only photos newly attached are
 * checked, so a county can still save a record whose photo the city attached
 * from its own library.
 */
async function assertEvidenceUsable(db: Db, ctx: ServiceContext, ids: readonly string[], alreadyAttached: readonly string[]): Promise<void> {
  const added = ids.filter((id) => !alreadyAttached.includes(id));
  if (added.length === 0) return;
  const found = new Map((await findMediaByIds(db, added)).map((item) => [item.id, item]));
  for (const id of added) {
    const item = found.get(id);
    if (item?.kind !== 'image' || !(await isOrgInSubtree(db, ctx.actor.orgId, item.orgId))) {
      throw new AppError('ACTIVITY_EVIDENCE_UNUSABLE', 400, { details: [{ path: `body.evidenceMediaIds.${ids.indexOf(id)}`, code: 'evidence', message: 'ACTIVITY_EVIDENCE_UNUSABLE' }] });
    }
  }
}

async function assertNotDuplicate(db: Db, input: ActivityInput, lookups: Lookups, selfId?: string) {
  // The same key the import checks (identityKey), looked up exactly rather than through the list's title search.
  const existing = await repo.findActivityByIdentity(db, { orgId: input.orgId, startDate: input.startDate, title: input.title.trim() });
  if (existing && existing.id !== selfId) {
    throw new AppError('ACTIVITY_DUPLICATE', 409, {
      params: { org: lookups.orgs.get(input.orgId)?.name ?? '', date: input.startDate, title: input.title.trim() },
      details: [{ path: 'body.title', code: 'unique', message: 'ACTIVITY_DUPLICATE' }],
    });
  }
}

export async function createActivity(ctx: ServiceContext, input: ActivityInput): Promise<Activity> {
  activityPolicy.assertCan(ctx.actor, 'write');
  return ctx.db.transaction().execute(async (trx) => {
    const lookups = await lookupsFor(trx, [input.orgId]);
    const problems = await checkActivity(trx, ctx, input, lookups);
    if (problems.length > 0) refuse(problems);
    await assertNotDuplicate(trx, input, lookups);
    await assertEvidenceUsable(trx, ctx, input.evidenceMediaIds ?? [], []);
    const now = nowIso();
    const row: ActivityRow = {
      id: newId(),
      ...rowFields(input),
      status: 'reported',
      return_reason: null,
      verified_by: null,
      verified_at: null,
      created_by: ctx.actor.userId,
      created_at: now,
      updated_at: now,
    };
    await repo.insertActivities(trx, [row]);
    const [activity] = await present(trx, ctx, [row]);
    await recordAudit(trx, ctx, { entity: 'activity', entityId: row.id, orgId: row.org_id, action: 'create', before: null, after: activity });
    return activity!;
  });
}

/**
 * Runs a change to one activity in its own transaction, then tells the
 * portal if the record was or now is on it: after the commit, so a page
 * rendered at once already reads the new state.
 */
async function changeActivity<T>(ctx: ServiceContext, id: string, work: (trx: Trx) => Promise<{ result: T; before: ActivityRow; after: ActivityRow | undefined }>): Promise<T> {
  const { result, before, after } = await ctx.db.transaction().execute(work);
  announceActivityChange(id, before, after);
  return result;
}

/**
 * Many activities in one transaction, already checked by the caller (the
 * Excel import, the demo): one insert per few hundred rows and one audit
 * entry for the batch, so 100,000 rows take seconds. `verified` is for
 * records entered by the level that verifies them (the demo's history).
 */
export async function insertCheckedActivities(ctx: ServiceContext, inputs: readonly ActivityInput[], options: { verified?: boolean; source: string }): Promise<string[]> {
  activityPolicy.assertCan(ctx.actor, 'write');
  if (options.verified) activityPolicy.assertCan(ctx.actor, 'verify');
  const now = nowIso();
  const rows: NewActivityRow[] = inputs.map((input) => ({
    id: newId(),
    ...rowFields(input),
    status: options.verified ? 'verified' : 'reported',
    return_reason: null,
    verified_by: options.verified ? ctx.actor.userId : null,
    verified_at: options.verified ? now : null,
    created_by: ctx.actor.userId,
    created_at: now,
    updated_at: now,
  }));
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertActivities(trx, rows);
    await recordAudit(trx, ctx, {
      entity: 'activity',
      entityId: null,
      orgId: ctx.actor.orgId,
      action: 'import',
      before: null,
      after: { source: options.source, count: rows.length, verified: options.verified ?? false, firstId: rows[0]?.id ?? null, lastId: rows.at(-1)?.id ?? null },
    });
  });
  return rows.map((row) => row.id as string);
}

/** Loads what checking a batch needs once: vocabularies, orgs, and which identities already exist. */
export async function prepareActivityChecks(db: Db, orgIds: readonly string[]) {
  return lookupsFor(db, orgIds);
}
export { findExistingIdentities, identityKey } from './activity.repository.ts';

export async function updateActivity(ctx: ServiceContext, id: string, input: ActivityInput): Promise<Activity> {
  return changeActivity(ctx, id, async (trx) => {
    const before = await activityInScope(trx, ctx, id);
    activityPolicy.assertCan(ctx.actor, 'write');
    if (before.status === 'verified' && !ctx.actor.roles.includes('admin')) throw new AppError('ACTIVITY_VERIFIED_LOCKED', 409);
    const lookups = await lookupsFor(trx, [input.orgId, before.org_id]);
    const problems = await checkActivity(trx, ctx, input, lookups);
    if (problems.length > 0) refuse(problems);
    await assertNotDuplicate(trx, input, lookups, id);
    await assertEvidenceUsable(trx, ctx, input.evidenceMediaIds ?? [], JSON.parse(before.evidence_media_ids) as string[]);
    // A changed record goes back up for verification, unless an administrator corrects a verified one.
    const keepsVerification = before.status === 'verified';
    const after: ActivityRow = {
      ...before,
      ...rowFields(input),
      status: keepsVerification ? 'verified' : 'reported',
      return_reason: null,
      updated_at: nowIso(),
    };
    const { id: _id, ...changes } = after;
    await repo.updateActivity(trx, id, changes);
    const [beforeView, afterView] = await present(trx, ctx, [before, after]);
    await recordAudit(trx, ctx, { entity: 'activity', entityId: id, orgId: after.org_id, action: 'update', before: beforeView, after: afterView });
    return { result: afterView!, before, after };
  });
}

export async function deleteActivity(ctx: ServiceContext, id: string): Promise<void> {
  await changeActivity(ctx, id, async (trx) => {
    const before = await activityInScope(trx, ctx, id);
    activityPolicy.assertCan(ctx.actor, 'write');
    if (before.status === 'verified' && !ctx.actor.roles.includes('admin')) throw new AppError('ACTIVITY_VERIFIED_LOCKED', 409);
    await repo.deleteActivity(trx, id);
    const [view] = await present(trx, ctx, [before]);
    await recordAudit(trx, ctx, { entity: 'activity', entityId: id, orgId: before.org_id, action: 'delete', before: view, after: null });
    return { result: undefined, before, after: undefined };
  });
}

async function decide(ctx: ServiceContext, id: string, decision: 'verify' | 'return', reason?: string): Promise<Activity> {
  return changeActivity(ctx, id, async (trx) => {
    const before = await activityInScope(trx, ctx, id);
    activityPolicy.assertCan(ctx.actor, 'verify');
    const lookups = await lookupsFor(trx, [before.org_id]);
    if (!(await mayVerify(trx, ctx, before, lookups.orgs.get(before.org_id)))) throw new AppError('ACTIVITY_VERIFY_OWN_LEVEL', 403);
    if (before.status !== 'reported') throw new AppError('ACTIVITY_NOT_REPORTED', 409, { params: { status: translate(ctx.locale, `activity.status.${before.status}`) } });
    const now = nowIso();
    const after: ActivityRow =
      decision === 'verify'
        ? { ...before, status: 'verified', return_reason: null, verified_by: ctx.actor.userId, verified_at: now, updated_at: now }
        : { ...before, status: 'returned', return_reason: reason!.trim(), updated_at: now };
    const { id: _id, ...changes } = after;
    await repo.updateActivity(trx, id, changes);
    const [beforeView, afterView] = await present(trx, ctx, [before, after]);
    await recordAudit(trx, ctx, { entity: 'activity', entityId: id, orgId: after.org_id, action: decision, before: beforeView, after: afterView });
    return { result: afterView!, before, after };
  });
}

export const verifyActivity = (ctx: ServiceContext, id: string) => decide(ctx, id, 'verify');
export const returnActivity = (ctx: ServiceContext, id: string, reason: string) => decide(ctx, id, 'return', reason);

export async function getActivity(ctx: ServiceContext, id: string): Promise<Activity> {
  const row = await activityInScope(ctx.db, ctx, id);
  activityPolicy.assertCan(ctx.actor, 'read');
  return (await present(ctx.db, ctx, [row]))[0]!;
}

export async function listActivities(ctx: ServiceContext, query: ActivityListQuery): Promise<ActivityPage> {
  activityPolicy.assertCan(ctx.actor, 'read');
  const window = pageWindow(query);
  const from = query.from ?? (query.year ? `${query.year}-01-01` : undefined);
  const to = query.to ?? (query.year ? `${query.year}-12-31` : undefined);
  const { rows, total } = await repo.findActivities(
    ctx.db,
    {
      scopeRootId: ctx.actor.orgId,
      q: query.q?.trim() || undefined,
      from,
      to,
      orgId: query.orgId,
      typeId: query.typeId,
      campaignId: query.campaignId,
      status: query.awaitingMyVerification ? 'reported' : query.status,
      below: query.awaitingMyVerification ? ctx.actor.orgId : undefined,
      isPublic: query.public,
    },
    window,
    { sort: query.sort ?? 'start_date', direction: query.order ?? 'desc' },
  );
  return { items: await present(ctx.db, ctx, rows), total, page: window.page, pageSize: window.pageSize };
}

/** The year's count, 受益人次 and 数量 within an org's subtree, in total and by one dimension. */
export async function activityFigures(ctx: ServiceContext, query: FiguresQuery): Promise<Figures> {
  activityPolicy.assertCan(ctx.actor, 'read');
  const scopeRootId = query.orgId ?? ctx.actor.orgId;
  if (query.orgId && !(await isOrgInSubtree(ctx.db, ctx.actor.orgId, query.orgId))) throw new AppError('ACTIVITY_ORG_OUT_OF_SCOPE', 404);
  return figuresFor(ctx.db, { scopeRootId, year: query.year ?? new Date().getFullYear(), verifiedOnly: query.verifiedOnly ?? true, by: query.by, series: query.series });
}

/** The same figures without an actor: for the command line, stats and reports, which apply their own scope. */
export async function figuresFor(db: Db, query: { scopeRootId: string; year: number; verifiedOnly: boolean; by?: FiguresQuery['by']; series?: string }): Promise<Figures> {
  const filter = { scopeRootId: query.scopeRootId, from: `${query.year}-01-01`, to: `${query.year}-12-31`, verifiedOnly: query.verifiedOnly, series: query.series };
  const [[total], groups] = await Promise.all([repo.aggregateActivities(db, filter), query.by ? repo.aggregateActivities(db, filter, query.by) : Promise.resolve([])]);
  const lookups = query.by === 'org' ? await lookupsFor(db, groups.map((g) => g.key)) : await lookupsFor(db, []);
  const label = (key: string) => {
    if (query.by === 'org') return lookups.orgs.get(key)?.name ?? key;
    if (query.by === 'type') return lookups.types.get(key)?.name ?? key;
    if (query.by === 'campaign') return key === '' ? '' : (lookups.campaigns.get(key)?.name ?? key);
    return key;
  };
  return { year: query.year, verifiedOnly: query.verifiedOnly, ...total!, groups: groups.map((g) => ({ ...g, label: label(g.key) })) };
}
