import type { Db } from '../../database.ts';
import { findOrgsByIds, isOrgInSubtree, type OrgRow } from '../orgs/index.ts';
import type { FieldProblem } from './field-problems.ts';

/** Orgs a "county" may be: a county-level association, or the city for what serves the whole city. */
const countyLevelTypes: readonly OrgRow['type'][] = ['county_association', 'city_association'];

export const isCountyLevel = (org: OrgRow | undefined): org is OrgRow => org !== undefined && countyLevelTypes.includes(org.type);

/** The orgs with these ids, by id, loaded once for a batch of records. */
export async function orgsById(db: Db, ids: Iterable<string>): Promise<Map<string, OrgRow>> {
  return new Map((await findOrgsByIds(db, [...new Set(ids)])).map((org) => [org.id, org]));
}

/**
 * The two rules every owned, named record here meets (caravans, touring
 * shows): its owner org is in the actor's scope (else 404, as for a record
 * that does not exist) and no other record has its name (409).
 */
export async function ownerAndNameProblems(
  db: Db,
  actorOrgId: string,
  record: { ownerOrgId: string; name: string; selfId?: string },
  rules: { findByName: (db: Db, name: string) => Promise<{ id: string } | undefined>; ownerOutOfScope: string; nameTaken: string },
): Promise<FieldProblem<'ownerOrgId' | 'name'>[]> {
  const problems: FieldProblem<'ownerOrgId' | 'name'>[] = [];
  if (!(await isOrgInSubtree(db, actorOrgId, record.ownerOrgId))) problems.push({ field: 'ownerOrgId', code: rules.ownerOutOfScope, status: 404 });
  const name = record.name.trim();
  const same = await rules.findByName(db, name);
  if (same && same.id !== record.selfId) problems.push({ field: 'name', code: rules.nameTaken, status: 409, params: { name } });
  return problems;
}
