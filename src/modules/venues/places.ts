import type { Db } from '../../database.ts';
import { findOrgsByIds, type OrgRow } from '../orgs/index.ts';

/** Orgs a "county" may be: a county-level association, or the city for what serves the whole city. */
const countyLevelTypes: readonly OrgRow['type'][] = ['county_association', 'city_association'];

export const isCountyLevel = (org: OrgRow | undefined): org is OrgRow => org !== undefined && countyLevelTypes.includes(org.type);

/** The orgs with these ids, by id, loaded once for a batch of records. */
export async function orgsById(db: Db, ids: Iterable<string>): Promise<Map<string, OrgRow>> {
  return new Map((await findOrgsByIds(db, [...new Set(ids)])).map((org) => [org.id, org]));
}
