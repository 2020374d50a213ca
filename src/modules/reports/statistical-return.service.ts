import { definePolicy } from '../../platform/auth-core.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { findOrgById, isOrgInSubtree } from '../orgs/index.ts';
import { writeStatisticalReturn, statisticalReturnFileName } from './statistical-return.excel.ts';
import { computeStatisticalReturn } from './statistical-return.ts';

/** Any staff role may produce the return for their own part of the tree. */
const statisticalReturnPolicy = definePolicy({ read: 'any-role' });

/** The current year in China, where the records are kept: the year a return defaults to. */
export const currentYear = (now = new Date()) => new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();

/**
 * The return of an org in the actor's subtree (their own org when none is
 * named) as an .xlsx; an org outside the scope is ORG_NOT_FOUND, as if it did
 * not exist.
 */
export async function exportStatisticalReturn(ctx: ServiceContext, query: { year?: number; orgId?: string }) {
  statisticalReturnPolicy.assertCan(ctx.actor, 'read');
  const orgId = query.orgId ?? ctx.actor.orgId;
  const org = await findOrgById(ctx.db, orgId);
  if (!org || !(await isOrgInSubtree(ctx.db, ctx.actor.orgId, orgId))) throw new AppError('ORG_NOT_FOUND', 404);
  const statisticalReturn = await computeStatisticalReturn(ctx.db, { org: { id: org.id, name: org.name }, year: query.year ?? currentYear(), locale: ctx.locale });
  return {
    statisticalReturn,
    bytes: await writeStatisticalReturn(statisticalReturn, ctx.locale),
    fileName: statisticalReturnFileName(statisticalReturn, ctx.locale),
  };
}
