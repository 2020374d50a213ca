import type { Db } from '../../database.ts';
import type { Actor } from '../../platform/auth-core.ts';
import { AppError } from '../../platform/errors.ts';
import { findRootOrg, isInSubtree } from './org.repository.ts';

/**
 * What belongs to the whole association rather than to one org's subtree —
 * the portal's columns and review chain, the activity vocabularies every
 * county reports in — is changed only by actors whose scope holds the
 * top-level org: a county's administrator runs the county, not the city.
 */
export async function isCityWide(db: Db, orgId: string): Promise<boolean> {
  const root = await findRootOrg(db);
  return Boolean(root) && (await isInSubtree(db, orgId, root!.id));
}

/** Refuses an actor whose scope does not hold the top-level org: 403 ORG_CITY_WIDE_ONLY. */
export async function assertCityWide(db: Db, actor: Actor): Promise<void> {
  if (!(await isCityWide(db, actor.orgId))) throw new AppError('ORG_CITY_WIDE_ONLY', 403);
}
