import type { Db } from '../../database.ts';
import { nowIso } from '../../platform/clock.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { newId } from '../../platform/ids.ts';
import { recordAudit } from '../audit/index.ts';
import * as repo from './org.repository.ts';
import { toOrg } from './org.service.ts';
import type { OrgRow } from './org.table.ts';

/** 南阳市科协 and its thirteen county-level associations, with their 行政区划代码. */
export const nanyangSeed = {
  city: { name: '南阳市科协', shortName: '南阳市科协', adminCode: '411300' },
  counties: [
    ['宛城区科协', '411302'],
    ['卧龙区科协', '411303'],
    ['南召县科协', '411321'],
    ['方城县科协', '411322'],
    ['西峡县科协', '411323'],
    ['镇平县科协', '411324'],
    ['内乡县科协', '411325'],
    ['淅川县科协', '411326'],
    ['社旗县科协', '411327'],
    ['唐河县科协', '411328'],
    ['新野县科协', '411329'],
    ['桐柏县科协', '411330'],
    ['邓州市科协', '411381'],
  ] as const,
};

/**
 * Creates the city association and its counties when the tree is empty, and
 * returns the root. Safe to call on every start: an existing tree is left alone.
 */
export async function ensureSeedOrgs(db: Db): Promise<OrgRow> {
  const existing = await repo.findRootOrg(db);
  if (existing) return existing;
  try {
    return await insertSeedOrgs(db);
  } catch (err) {
    // Several processes starting on one empty database: one seeds, the others find its tree.
    const seeded = isUniqueViolation(err) ? await repo.findRootOrg(db) : undefined;
    if (!seeded) throw err;
    return seeded;
  }
}

async function insertSeedOrgs(db: Db): Promise<OrgRow> {
  return db.transaction().execute(async (trx) => {
    const now = nowIso();
    const make = (name: string, adminCode: string, type: OrgRow['type'], parentId: string | null): OrgRow => ({
      id: newId(),
      name,
      short_name: name.replace(/科协$/, ''),
      type,
      parent_id: parentId,
      admin_code: adminCode,
      founded_on: null,
      status: 'active',
      created_at: now,
      updated_at: now,
    });
    const city = make(nanyangSeed.city.name, nanyangSeed.city.adminCode, 'city_association', null);
    const ctx = { db: trx, locale: 'zh-CN' as const, actor: { kind: 'system' as const, userId: null, username: 'system:seed', orgId: city.id, roles: ['admin' as const] } };
    for (const row of [city, ...nanyangSeed.counties.map(([name, code]) => make(name, code, 'county_association', city.id))]) {
      await repo.insertOrg(trx, row);
      await recordAudit(trx, ctx, { entity: 'org', entityId: row.id, orgId: row.id, action: 'create', before: null, after: toOrg(row) });
    }
    return city;
  });
}
