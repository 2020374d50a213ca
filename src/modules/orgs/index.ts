/** The organisation tree (city → counties → societies, stations …) and the data scope every module filters by. */
export { inOrgSubtree } from './org.repository.ts';
export { assertCityWide, isCityWide } from './city-wide.ts';
export { createOrg, getOrg, getOrgTree, listOrgs, moveOrg, updateOrg, toOrg } from './org.service.ts';
export { ensureSeedOrgs, nanyangSeed } from './org.seed.ts';
export { loadDemoOrgs } from './org.demo.ts';
export { orgRoutes } from './org.routes.ts';
export { orgIndicators } from './org.indicators.ts';
export { orgTypes, type OrgType, type OrgRow } from './org.table.ts';
export type { Org, OrgDetail } from './org.schemas.ts';
import * as repo from './org.repository.ts';
import type { Db } from '../../database.ts';

/** For other modules: plain lookups that do not apply an actor's scope (callers apply their own). */
export const findOrgById = (db: Db, id: string) => repo.findOrgById(db, id);
export const findOrgsByIds = (db: Db, ids: readonly string[]) => repo.findOrgsByIds(db, ids);
export const findOrgByCode = (db: Db, code: string) => repo.findOrgByCode(db, code);
export const findRootOrg = (db: Db) => repo.findRootOrg(db);
export const isOrgInSubtree = (db: Db, ancestorId: string, orgId: string) => repo.isInSubtree(db, ancestorId, orgId);
export const countOrgs = (db: Db) => repo.countOrgs(db);
export const findOrgSubtree = (db: Db, rootId: string) => repo.findSubtree(db, rootId);
