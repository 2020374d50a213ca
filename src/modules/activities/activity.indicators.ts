import { defineIndicators, type IndicatorDeclaration, type IndicatorSource } from '../stats/indicator.declare.ts';
import { totalledDimensions, type ActivityTables } from './activity.table.ts';

/** Activities count in the period they start in; only verified (已核实) ones reach official figures. */
const activities: IndicatorSource<ActivityTables> = {
  name: 'activities',
  table: 'activities',
  date: 'activities.start_date',
  timing: 'in_period',
  org: 'activities.org_id',
  verified: ['activities.status', '=', 'verified'],
  dimensions: {
    org: { column: 'activities.org_id', org: true },
    type: { column: 'activities.type_id', names: 'activity_types' },
    campaign: { column: 'activities.campaign_id', names: 'activity_campaigns' },
    series: { column: 'activities.series' },
    venue: { column: 'activities.venue' },
  },
  dailyTotals: {
    table: 'activity_daily_totals',
    date: 'activity_daily_totals.start_date',
    org: 'activity_daily_totals.org_id',
    dimension: 'activity_daily_totals.dimension',
    key: 'activity_daily_totals.key',
    dimensions: Object.keys(totalledDimensions) as (keyof typeof totalledDimensions)[],
    count: 'activity_daily_totals.activities',
    sums: [
      ['activities.participants', 'activity_daily_totals.participants'],
      ['activities.quantity', 'activity_daily_totals.quantity'],
    ],
  },
};

/** Every activity figure counts verified activities and can be narrowed or broken down the same ways. */
const ofVerifiedActivities = (figure: Pick<IndicatorDeclaration<ActivityTables>, 'code' | 'label' | 'unit' | 'definition' | 'aggregation' | 'measure'>): IndicatorDeclaration<ActivityTables> => ({
  ...figure,
  source: activities,
  dimensions: ['county', 'month', 'org', 'type', 'campaign', 'series', 'venue'],
  verifiedOnly: true,
});

export const activityIndicators = defineIndicators<ActivityTables>('activities', [
  ofVerifiedActivities({
    code: 'activities.count',
    label: { 'zh-CN': '科普活动', 'en-US': 'Activities' },
    unit: { 'zh-CN': '项', 'en-US': 'activities' },
    definition: { 'zh-CN': '开始日期在期内、已核实的科普活动条数。', 'en-US': 'Verified activities starting in the period.' },
    aggregation: 'count',
  }),
  ofVerifiedActivities({
    code: 'activities.participants',
    label: { 'zh-CN': '受益人次', 'en-US': 'People reached' },
    unit: { 'zh-CN': '人次', 'en-US': 'person-times' },
    definition: { 'zh-CN': '期内开始、已核实的科普活动的受益人次之和。', 'en-US': 'The person-times reached by verified activities starting in the period, summed.' },
    aggregation: 'sum',
    measure: 'activities.participants',
  }),
  ofVerifiedActivities({
    code: 'activities.quantity',
    label: { 'zh-CN': '活动数量', 'en-US': 'Quantity' },
    unit: { 'zh-CN': '数量', 'en-US': 'units' },
    definition: {
      'zh-CN': '期内开始、已核实的科普活动填报的数量（场、块、次等，按活动类型的计量单位）之和。',
      'en-US': 'The quantities (sessions, boards … in each type’s unit) of verified activities starting in the period, summed.',
    },
    aggregation: 'sum',
    measure: 'activities.quantity',
  }),
  ofVerifiedActivities({
    code: 'activities.partners',
    label: { 'zh-CN': '合作单位', 'en-US': 'Partner units' },
    unit: { 'zh-CN': '家', 'en-US': 'partners' },
    definition: { 'zh-CN': '期内开始、已核实的科普活动的合作单位，同名单位只计一次。', 'en-US': 'Partner units of verified activities starting in the period, each name counted once.' },
    aggregation: 'count_distinct',
    measure: { jsonArrayOf: 'activities.partners' },
  }),
]);
