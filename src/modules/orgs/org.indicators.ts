import { defineIndicators, type IndicatorSource } from '../stats/indicator.declare.ts';
import { orgTypes, type OrgTables } from './org.table.ts';

/** Orgs count in the period they were founded in (成立日期). */
const founded: IndicatorSource<OrgTables> = {
  name: 'orgs_founded',
  table: 'orgs',
  date: 'orgs.founded_on',
  timing: 'in_period',
  org: 'orgs.id',
  dimensions: {
    org: { column: 'orgs.parent_id', org: true },
    type: { column: 'orgs.type', messages: { prefix: 'org.type.', codes: orgTypes } },
  },
};

/** Orgs that exist at the period's end: founded by then, or with no founding date on record (the seeded tree). */
const standing: IndicatorSource<OrgTables> = { ...founded, name: 'orgs_standing', timing: 'as_of_end', undatedCounts: true };

const newOf = (type: 'society' | 'enterprise_association' | 'service_station', zh: string, en: string) =>
  ({
    code: `orgs.new.${type}`,
    label: { 'zh-CN': `新建${zh}`, 'en-US': `New ${en}` },
    unit: { 'zh-CN': '个', 'en-US': en },
    definition: { 'zh-CN': `成立日期在期内的${zh}。`, 'en-US': `${en[0]!.toUpperCase()}${en.slice(1)} founded in the period.` },
    source: founded,
    aggregation: 'count',
    where: [['orgs.type', '=', type]],
    dimensions: ['county', 'month', 'org'],
  }) as const;

export const orgIndicators = defineIndicators<OrgTables>('orgs', [
  newOf('society', '学会', 'societies'),
  newOf('enterprise_association', '企业科协', 'enterprise associations'),
  newOf('service_station', '学会服务站', 'service stations'),
  {
    code: 'orgs.new',
    label: { 'zh-CN': '新建组织', 'en-US': 'New organisations' },
    unit: { 'zh-CN': '个', 'en-US': 'organisations' },
    definition: { 'zh-CN': '成立日期在期内的各类组织。', 'en-US': 'Organisations of every kind founded in the period.' },
    source: founded,
    aggregation: 'count',
    dimensions: ['county', 'month', 'org', 'type'],
  },
  {
    code: 'orgs.total',
    label: { 'zh-CN': '组织总数', 'en-US': 'Organisations' },
    unit: { 'zh-CN': '个', 'en-US': 'organisations' },
    definition: { 'zh-CN': '期末已成立（或未登记成立日期）且仍在用的组织。', 'en-US': 'Organisations in use that exist at the period’s end (founded by then, or with no founding date on record).' },
    source: standing,
    aggregation: 'count',
    where: [['orgs.status', '=', 'active']],
    dimensions: ['county', 'org', 'type'],
  },
]);
