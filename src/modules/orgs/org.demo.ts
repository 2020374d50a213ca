import type { Db } from '../../database.ts';
import { apportion } from '../../platform/apportion.ts';
import { nowIso } from '../../platform/clock.ts';
import { systemContext } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { seededRandom, type Random } from '../../platform/seeded-random.ts';
import { recordAudit } from '../audit/index.ts';
import * as repo from './org.repository.ts';
import { toOrg } from './org.service.ts';
import type { OrgRow, OrgType } from './org.table.ts';

/**
 * The demo's organisations below the seeded city and counties: the city's
 * societies (学会), the enterprise associations (企业科协) of the city and
 * its counties, and the society service stations (学会服务站). The seed's
 * 组织建设 figures — 4 societies, 39 enterprise associations and 7 stations
 * founded in 2024 (O1–O3) — are counts of these by type and 成立日期, never
 * stored numbers. A fixed seed makes every run produce the same tree.
 */

/** One org to create: where it hangs (an org's 行政区划代码) and what it is. */
export interface DemoOrg {
  parentCode: string;
  name: string;
  shortName: string | null;
  type: OrgType;
  foundedOn: string;
}

const cityCode = '411300';
const seed = 20241108;

/** 学会 of the city, founded over seven decades; the last four are 2024's (O1). */
const societies: readonly [name: string, foundedOn: string][] = [
  ['南阳市农学会', '1956-04-12'],
  ['南阳市医学会', '1958-09-20'],
  ['南阳市林学会', '1962-03-12'],
  ['南阳市畜牧兽医学会', '1963-11-05'],
  ['南阳市中医药学会', '1979-10-18'],
  ['南阳市机械工程学会', '1980-06-26'],
  ['南阳市水利学会', '1981-05-14'],
  ['南阳市气象学会', '1982-08-09'],
  ['南阳市护理学会', '1984-12-01'],
  ['南阳市地质学会', '1986-04-22'],
  ['南阳市电机工程学会', '1991-09-16'],
  ['南阳市计算机学会', '1995-07-08'],
  ['南阳市土木建筑学会', '2003-03-28'],
  ['南阳市光学学会', '2012-10-30'],
  ['南阳市食品科学技术学会', '2019-06-12'],
  ['南阳市生物工程学会', '2024-03-26'],
  ['南阳市航空学会', '2024-06-18'],
  ['南阳市药学会', '2024-08-22'],
  ['南阳市茶叶学会', '2024-11-08'],
];

/**
 * What the enterprises of each place make (Nanyang's 7+17 industries as they
 * sit in the counties), and how many of its enterprise associations founded
 * in 2024 each place gets, by weight.
 */
const enterprisePlaces: readonly { code: string; prefix: string; industries: readonly string[]; weight: number }[] = [
  { code: cityCode, prefix: '南阳', industries: ['光电科技', '防爆电机', '石油装备', '生物医药'], weight: 5 },
  { code: '411302', prefix: '南阳', industries: ['新材料', '食品', '纺织', '电子科技'], weight: 4 },
  { code: '411303', prefix: '南阳', industries: ['防爆电机', '光电', '汽车零部件', '超硬材料'], weight: 4 },
  { code: '411321', prefix: '南召县', industries: ['中药饮片', '新型建材', '食用菌'], weight: 2 },
  { code: '411322', prefix: '方城县', industries: ['新材料', '食品', '装备制造'], weight: 3 },
  { code: '411323', prefix: '西峡县', industries: ['汽车配件', '香菇食品', '冶金材料', '猕猴桃饮品'], weight: 3 },
  { code: '411324', prefix: '镇平县', industries: ['玉器', '地毯', '观赏鱼养殖'], weight: 2 },
  { code: '411325', prefix: '内乡县', industries: ['生猪养殖', '肉食品', '电力装备'], weight: 3 },
  { code: '411326', prefix: '淅川县', industries: ['汽车减振器', '铝业', '生态农业'], weight: 3 },
  { code: '411327', prefix: '社旗县', industries: ['酒业', '食品', '蔬菜种植'], weight: 2 },
  { code: '411328', prefix: '唐河县', industries: ['食品', '新能源', '农机'], weight: 3 },
  { code: '411329', prefix: '新野县', industries: ['纺织', '牧业', '电子'], weight: 2 },
  { code: '411330', prefix: '桐柏县', industries: ['碱业', '矿业', '生物科技'], weight: 1 },
  { code: '411381', prefix: '邓州市', industries: ['农业装备', '食品', '新型建材', '中药'], weight: 4 },
];

/** 字号: the trade names the generated enterprises go by. */
const tradeNames = ['宛龙', '伏牛', '鼎泰', '恒信', '中原', '华鑫', '金鹏', '瑞丰', '天冠', '森源', '豫宛', '汇通', '博瑞', '润达', '嘉禾', '隆泰', '昌盛', '宏达', '新源', '弘毅', '卧龙', '白河', '独山', '仲景', '张衡', '丹江', '淮源', '宛都', '英华', '信和'];
/** 组织形式; 科技 belongs to the industry where the company is one (光电科技), so it is not a form here. */
const legalForms = ['有限公司', '有限公司', '股份有限公司', '集团有限公司'];

/** 企业科协 founded in 2024 (O2); the earlier ones are one a place, and two in the city. */
const enterpriseAssociationsIn2024 = 39;

/** 学会服务站 (O3): where each stands, by the enterprise hosting it; the first seven opened in 2024. */
const serviceStations: readonly [parentCode: string, host: string, foundedOn: string][] = [
  [cityCode, '南阳市瑞佳食品有限公司', '2024-04-16'],
  ['411303', '南阳防爆电气研究所有限公司', '2024-05-21'],
  ['411323', '西峡县宛西中药材科技有限公司', '2024-06-13'],
  ['411325', '内乡县牧丰生物饲料有限公司', '2024-07-09'],
  ['411326', '淅川县丹江生态农业有限公司', '2024-09-05'],
  ['411328', '唐河县宏达食品有限公司', '2024-10-24'],
  ['411381', '邓州市豫宛农业装备有限公司', '2024-12-12'],
  ['411302', '南阳汉冶新材料有限公司', '2022-08-18'],
  ['411322', '方城县华鑫装备制造有限公司', '2023-05-30'],
  ['411324', '镇平县玉都玉器有限公司', '2023-11-02'],
];

const pad = (n: number) => String(n).padStart(2, '0');
const dayIn = (year: number, random: Random) => `${year}-${pad(random.between(1, 12))}-${pad(random.between(1, 28))}`;

/** Enterprise associations: 39 founded in 2024, shared over the places by weight, and earlier ones from 2016 on. */
function enterpriseAssociations(random: Random): DemoOrg[] {
  const taken = new Set<string>();
  const named = (place: (typeof enterprisePlaces)[number]) => {
    for (;;) {
      const name = `${place.prefix}${random.pick(tradeNames)}${random.pick(place.industries)}${random.pick(legalForms)}科协`;
      if (taken.has(name)) continue;
      taken.add(name);
      return name;
    }
  };
  const in2024 = apportion(enterpriseAssociationsIn2024, enterprisePlaces.map((p) => p.weight));
  return enterprisePlaces.flatMap((place, i) => {
    const earlier = place.code === cityCode ? 2 : 1;
    return [
      ...Array.from({ length: earlier }, () => ({ year: random.between(2016, 2023) })),
      ...Array.from({ length: in2024[i]! }, () => ({ year: 2024 })),
    ].map(({ year }) => ({ parentCode: place.code, name: named(place), shortName: null, type: 'enterprise_association' as const, foundedOn: dayIn(year, random) }));
  });
}

/** Every demo org, parents before children, the same on every run. */
export function demoOrgs(): DemoOrg[] {
  const random = seededRandom(seed);
  return [
    ...societies.map(([name, foundedOn]) => ({ parentCode: cityCode, name, shortName: name.replace(/^南阳市/, ''), type: 'society' as const, foundedOn })),
    ...enterpriseAssociations(random),
    ...serviceStations.map(([parentCode, host, foundedOn]) => ({ parentCode, name: `${host}学会服务站`, shortName: null, type: 'service_station' as const, foundedOn })),
  ];
}

/**
 * Creates the demo orgs that are missing, in one transaction, each with its
 * closure rows and its audit entry as the org service makes them, under the
 * seeded city and counties found by 行政区划代码; an org whose parent is not
 * in the tree is left out. Loading again creates nothing. Returns how many it
 * created. One transaction rather than the service's one per org: the whole
 * set lands or none, in half the round trips and with one commit.
 */
export async function loadDemoOrgs(db: Db): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const root = await repo.findRootOrg(trx);
    if (!root) throw new Error('the organisation tree is empty: run migrations and seeding first');
    const tree = await repo.findSubtree(trx, root.id);
    const byCode = new Map(tree.filter((org) => org.admin_code).map((org) => [org.admin_code!, org]));
    const existing = new Set(tree.map((org) => siblingKey(org.parent_id, org.name)));
    const ctx = systemContext(trx, root.id, 'demo');
    const now = nowIso();
    let created = 0;
    for (const org of demoOrgs()) {
      const parent = byCode.get(org.parentCode);
      if (!parent || existing.has(siblingKey(parent.id, org.name))) continue;
      const row: OrgRow = { id: newId(), name: org.name, short_name: org.shortName, type: org.type, parent_id: parent.id, admin_code: null, founded_on: org.foundedOn, status: 'active', created_at: now, updated_at: now };
      await repo.insertOrg(trx, row);
      await recordAudit(trx, ctx, { entity: 'org', entityId: row.id, orgId: row.id, action: 'create', before: null, after: toOrg(row) });
      created += 1;
    }
    return created;
  });
}

const siblingKey = (parentId: OrgRow['parent_id'], name: string) => `${parentId}\n${name}`;
