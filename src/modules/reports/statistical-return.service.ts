import type { ServiceContext } from '../../platform/context.ts';
import { getOrg } from '../orgs/index.ts';
import { writeStatisticalReturn, statisticalReturnFileName } from './statistical-return.excel.ts';
import { computeStatisticalReturn } from './statistical-return.ts';

/** The current year in China, where the records are kept: the year a return defaults to. */
const currentYear = (now = new Date()) => new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();

/**
 * The return of an org in the actor's subtree (their own org when none is
 * named) as an .xlsx. Anyone who may read an org may have its return: the
 * orgs module's scoped lookup answers ORG_NOT_FOUND for an org outside the
 * actor's subtree, as if it did not exist.
 */
export async function exportStatisticalReturn(ctx: ServiceContext, query: { year?: number; orgId?: string }) {
  const org = await getOrg(ctx, query.orgId ?? ctx.actor.orgId);
  const statisticalReturn = await computeStatisticalReturn(ctx.db, { org: { id: org.id, name: org.name }, year: query.year ?? currentYear(), locale: ctx.locale });
  return {
    statisticalReturn,
    bytes: await writeStatisticalReturn(statisticalReturn, ctx.locale),
    fileName: statisticalReturnFileName(statisticalReturn, ctx.locale),
  };
}
