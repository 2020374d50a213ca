import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { findOrgById, isOrgInSubtree } from '../orgs/index.ts';
import { computeBreakdown, listIndicators, computeIndicators } from './stats.compute.ts';
import { previousPeriod, yearPeriod } from './period.ts';
import { statsPolicy } from './stats.policy.ts';
import type { BreakdownQuery, ValuesQuery } from './stats.schemas.ts';

/** The actor's view of the figures: their own org by default, any org of their subtree on request, nothing outside it. */

export function indicatorCatalogue(ctx: ServiceContext) {
  statsPolicy.assertCan(ctx.actor, 'read');
  return { items: listIndicators(ctx.locale) };
}

/** An org outside the actor's subtree answers like one that does not exist. */
async function orgInScope(ctx: ServiceContext, orgId: string | undefined) {
  statsPolicy.assertCan(ctx.actor, 'read');
  const id = orgId ?? ctx.actor.orgId;
  const org = (await isOrgInSubtree(ctx.db, ctx.actor.orgId, id)) ? await findOrgById(ctx.db, id) : undefined;
  if (!org) throw new AppError('STATS_ORG_NOT_FOUND', 404);
  return { id: org.id, name: org.name };
}

export async function indicatorValues(ctx: ServiceContext, query: ValuesQuery) {
  const org = await orgInScope(ctx, query.orgId);
  const period = yearPeriod(query.year);
  const codes = query.codes?.split(',').map((code) => code.trim()).filter(Boolean);
  const items = await computeIndicators(ctx.db, { orgId: org.id, ...period, locale: ctx.locale, ...(codes?.length ? { requests: codes.map((code) => ({ code })) } : {}) });
  return { org, period, previousPeriod: previousPeriod(period), items };
}

export async function indicatorBreakdown(ctx: ServiceContext, query: BreakdownQuery) {
  const org = await orgInScope(ctx, query.orgId);
  const period = yearPeriod(query.year);
  const items = await computeBreakdown(ctx.db, { code: query.code, dimension: query.dimension, orgId: org.id, ...period, locale: ctx.locale });
  const indicator = listIndicators(ctx.locale).find((info) => info.code === query.code)!;
  return { indicator, dimension: query.dimension, period, previousPeriod: previousPeriod(period), items };
}
