/**
 * A small review for renderer and template tests: a template in the default
 * one's style, filled with hand-made values (the seed's 2024 figures), so the
 * tests need neither a database nor the stats module.
 */
import type { IndicatorInfo, IndicatorRequest, IndicatorValue } from '../stats/indicator.types.ts';
import type { ReviewDocument } from './review-document.ts';
import { fillTemplate, parseTemplate, requestKey, templateFigures } from './template.ts';

export const sampleTemplate = [
  '# {{org.name}}{{year}}年工作回顾：汇聚科技资源 赋能创新发展',
  '',
  '## 思想引领',
  '### 不断巩固党在科技界的执政基础',
  '大力弘扬科学家精神。召开科学家精神报告会{{activities.count series=科学家精神 type=讲座/报告会}}场。',
  '',
  '## 开拓创新',
  '开展{{activities.count}}项形式多样、成效明显的科普活动，受益人次{{activities.participants | 超过}}。',
  '',
  '## 建强阵地',
  '科技馆全年接待观众{{venues.visits venue=南阳市科技馆 | 万2}}人次 <团体> & “{{venues.groups venue=南阳市科技馆}}”个。',
  '{{next_year}}年已经到来。',
].join('\n');

const info = (code: string, unit: string, dimensions: IndicatorInfo['dimensions']): IndicatorInfo => ({
  code,
  module: code.split('.')[0]!,
  label: code,
  unit,
  aggregation: 'count',
  dimensions,
  verifiedOnly: false,
  definition: '',
});

export const sampleIndicators: IndicatorInfo[] = [
  info('activities.count', '项', ['type', 'series', 'campaign']),
  info('activities.participants', '人次', ['type', 'series']),
  info('venues.visits', '人次', ['venue', 'kind']),
  info('venues.groups', '个', ['venue']),
];

/** The seed's figures, by request. */
const sampleValues: Record<string, number> = {
  'activities.count series=科学家精神 type=讲座/报告会': 6,
  'activities.count': 2758,
  'activities.participants': 2_260_272,
  'venues.visits venue=南阳市科技馆': 335_600,
  'venues.groups venue=南阳市科技馆': 75,
};

export const sampleOrg = { id: 'org-nanyang', name: '南阳市科协' };

export function sampleValue(request: IndicatorRequest): IndicatorValue {
  const key = requestKey(request);
  const value = sampleValues[key];
  if (value === undefined) throw new Error(`no sample value for ${key}`);
  return {
    ...sampleIndicators.find((indicator) => indicator.code === request.code)!,
    ...(request.where ? { where: request.where } : {}),
    value,
    previous: Math.round(value * 0.9),
    filters: { orgId: sampleOrg.id, orgName: sampleOrg.name, from: '2024-01-01', to: '2024-12-31', verifiedOnly: false, conditions: request.where ? key.split(' ').slice(1).join('; ') : '' },
  };
}

export function sampleReview(): ReviewDocument {
  const template = parseTemplate(sampleTemplate, sampleIndicators, 'zh-CN');
  const values = new Map(templateFigures(template).map((figure) => [requestKey(figure.request), sampleValue(figure.request)]));
  return fillTemplate(template, values, { year: 2024, orgId: sampleOrg.id, orgName: sampleOrg.name });
}
