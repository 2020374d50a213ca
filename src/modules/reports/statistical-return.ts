import type { Db } from '../../database.ts';
import { translate, type Locale } from '../../platform/i18n/catalogue.ts';
import { computeIndicators, yearPeriod } from '../stats/index.ts';
import type { IndicatorRequest, IndicatorValue } from '../stats/indicator.types.ts';
import './statistical-return.messages.ts';

/**
 * 科协统计年报: the rows of the association's annual statistical forms that
 * kexie's records can fill. Each row is data: its form, its line, its name and
 * unit, and either the indicator that fills it or the module it waits for.
 * A row without a source is reported as such and never as 0.
 */

type LocalText = Record<Locale, string>;

/** The form's own unit for a row (次, 人次 …), which may differ from the indicator's (项 for 次). */
export type ReturnUnit = 'times' | 'personTimes' | 'people' | 'count' | 'items' | 'boards' | 'vehicles' | 'km' | 'schools' | 'units' | 'batches' | 'squareMetres';

/** Where a row without a source will come from; null when no planned module records it. */
export type PendingModule = 'contests' | 'volunteers' | 'talent' | 'venues' | null;

export type ReturnRowDefinition = { name: LocalText; unit: ReturnUnit } & ({ source: IndicatorRequest } | { source: null; pendingModule: PendingModule });

export interface ReturnFormDefinition {
  /** 表号 */
  table: string;
  title: LocalText;
  /** In the form's order; 行次 is the position, counted from 1. */
  rows: readonly ReturnRowDefinition[];
}

const figure = (zh: string, en: string, unit: ReturnUnit, code: string, where?: IndicatorRequest['where']): ReturnRowDefinition => ({
  name: { 'zh-CN': zh, 'en-US': en },
  unit,
  source: where ? { code, where } : { code },
});

const noSource = (zh: string, en: string, unit: ReturnUnit, pendingModule: PendingModule): ReturnRowDefinition => ({
  name: { 'zh-CN': zh, 'en-US': en },
  unit,
  source: null,
  pendingModule,
});

/** Activity types and campaigns as the activities module names them (venue kinds go by their codes). */
const lectures = { type: '讲座/报告会' };
const exhibitions = { type: '展览/展板' };
const competitions = { type: '竞赛' };
const consultations = { type: '科技咨询' };
const trainings = { type: '培训' };
const screenings = { type: '科普电影放映' };
const volunteering = { type: '志愿服务' };
const scienceWeek = { campaign: '科技活动周' };
const scienceDay = { campaign: '全国科普日' };

export const statisticalReturnForms: readonly ReturnFormDefinition[] = [
  {
    table: '表1',
    title: { 'zh-CN': '科学技术普及', 'en-US': 'Science popularisation' },
    rows: [
      figure('科普活动 举办次数', 'Science-popularisation activities held', 'times', 'activities.count'),
      figure('科普活动 受益人次', 'People reached by the activities', 'personTimes', 'activities.participants'),
      figure('其中：科普讲座（报告会） 举办次数', 'of which lectures held', 'times', 'activities.count', lectures),
      figure('科普讲座（报告会） 参加人次', 'Lecture attendance', 'personTimes', 'activities.participants', lectures),
      figure('科普展览 举办次数', 'Exhibitions held', 'times', 'activities.count', exhibitions),
      figure('科普展览 参观人次', 'Exhibition visitors', 'personTimes', 'activities.participants', exhibitions),
      figure('科普宣传展板', 'Display boards shown', 'boards', 'activities.quantity', exhibitions),
      figure('科普竞赛 举办次数', 'Science quizzes and competitions held', 'times', 'activities.count', competitions),
      figure('科普竞赛 参加人次', 'Competition participants', 'personTimes', 'activities.participants', competitions),
      figure('科技咨询 举办次数', 'Science consultations held', 'times', 'activities.count', consultations),
      figure('科技咨询 受益人次', 'People consulted', 'personTimes', 'activities.participants', consultations),
      figure('实用技术培训 举办次数', 'Practical training sessions held', 'times', 'activities.count', trainings),
      figure('实用技术培训 培训人次', 'People trained', 'personTimes', 'activities.participants', trainings),
      figure('科普电影放映 场次', 'Science film screenings', 'times', 'activities.count', screenings),
      figure('科普电影放映 观众人次', 'Film audience', 'personTimes', 'activities.participants', screenings),
      figure('科普志愿服务 活动次数', 'Science volunteering activities', 'times', 'activities.count', volunteering),
      figure('科技活动周 活动次数', 'Science and Technology Week activities', 'times', 'activities.count', scienceWeek),
      figure('科技活动周 参加人次', 'Science and Technology Week participants', 'personTimes', 'activities.participants', scienceWeek),
      figure('全国科普日 活动次数', 'National Science Popularisation Day activities', 'times', 'activities.count', scienceDay),
      figure('全国科普日 参加人次', 'National Science Popularisation Day participants', 'personTimes', 'activities.participants', scienceDay),
      figure('联合开展活动的单位', 'Partner organisations of the activities', 'units', 'activities.partners'),
      noSource('科普中国信息员 注册人数', 'Registered Science China informants', 'people', 'volunteers'),
      noSource('科普中国信息员 转发科普文章', 'Articles shared by the informants', 'times', 'volunteers'),
    ],
  },
  {
    table: '表2',
    title: { 'zh-CN': '青少年科技教育', 'en-US': 'Youth science education' },
    rows: [
      noSource('青少年科技竞赛 组织参赛项目', 'Youth science contests entered', 'items', 'contests'),
      noSource('青少年科技竞赛 参赛人次', 'Youth contest participants', 'personTimes', 'contests'),
      noSource('青少年科技竞赛 省级以上获奖', 'Provincial and national youth contest awards', 'items', 'contests'),
      noSource('青少年科技夏令营（冬令营） 举办次数', 'Youth science camps held', 'times', null),
      noSource('科技辅导员 人数', 'Science tutors', 'people', null),
      figure('馆校合作 到校活动次数', 'Museum visits to schools', 'times', 'outreach.visits'),
      figure('馆校合作 覆盖学校', 'Schools reached by museum visits', 'schools', 'outreach.schools'),
      figure('馆校合作 受益学生人次', 'Pupils reached by museum visits', 'personTimes', 'outreach.people'),
      figure('科普大篷车 进校园 学校数', 'Schools reached by the caravans', 'schools', 'caravans.schools'),
    ],
  },
  {
    table: '表3',
    title: { 'zh-CN': '科普基础设施建设', 'en-US': 'Science-popularisation infrastructure' },
    rows: [
      figure('科技馆 开放个数', 'Science museums open', 'count', 'venues.museums.open'),
      figure('其中：本年新开馆', 'of which opened this year', 'count', 'venues.museums.opened'),
      figure('在建科技馆', 'Science museums under construction', 'count', 'venues.museums.under_construction'),
      noSource('科技馆 建筑面积', 'Floor area of the science museums', 'squareMetres', 'venues'),
      figure('科技馆体系场馆 参观人次', 'Visits to the museum system’s venues', 'personTimes', 'venues.visits'),
      figure('其中：实体科技馆 参观人次', 'of which science museums', 'personTimes', 'venues.visits', { kind: 'museum' }),
      figure('青少年活动中心 参观人次', 'of which youth activity centres', 'personTimes', 'venues.visits', { kind: 'youth_centre' }),
      figure('农村中学科技馆 参观人次', 'of which rural school science museums', 'personTimes', 'venues.visits', { kind: 'rural_school_museum' }),
      figure('接待团体', 'Groups received', 'batches', 'venues.groups'),
      figure('科普大篷车 辆数', 'Science caravans', 'vehicles', 'caravans.vehicles'),
      figure('科普大篷车 行驶里程', 'Distance driven by the caravans', 'km', 'caravans.km'),
      figure('科普大篷车 活动次数', 'Caravan trips', 'times', 'caravans.trips'),
      figure('科普大篷车 受益人次', 'People reached by the caravans', 'personTimes', 'caravans.people'),
      figure('流动科技馆 巡展站点', 'Touring-museum stops', 'count', 'touring.stops'),
      figure('流动科技馆 参观人次', 'Touring-museum visitors', 'personTimes', 'touring.visits'),
    ],
  },
  {
    table: '表4',
    title: { 'zh-CN': '组织建设', 'en-US': 'Organisation' },
    rows: [
      figure('科协组织 总数（期末）', 'Organisations in the tree at the year’s end', 'units', 'orgs.total'),
      figure('本年新建组织', 'Organisations founded this year', 'units', 'orgs.new'),
      figure('其中：新成立学会', 'of which academic societies', 'units', 'orgs.new.society'),
      figure('新建企业科协', 'of which enterprise associations', 'units', 'orgs.new.enterprise_association'),
      figure('新建学会服务站', 'of which society service stations', 'units', 'orgs.new.service_station'),
      noSource('学会 个人会员', 'Individual members of the societies', 'people', null),
      noSource('科技工作者 获省级以上奖励', 'Provincial and national awards to S&T workers', 'items', 'talent'),
    ],
  },
];

/** One filled row: the figure and last year's, or null for both with the reason when the row has no source. */
export interface StatisticalReturnRow {
  table: string;
  line: number;
  name: string;
  unit: string;
  value: number | null;
  previous: number | null;
  /** Where the figure came from, in words with the indicator code; for a row without a source, why it is empty. */
  source: string;
  indicator: IndicatorValue | null;
}

export interface StatisticalReturn {
  org: { id: string; name: string };
  year: number;
  period: { from: string; to: string };
  previousPeriod: { from: string; to: string };
  title: string;
  forms: { table: string; title: string; rows: StatisticalReturnRow[] }[];
}

function noSourceText(locale: Locale, module: PendingModule): string {
  return module ? translate(locale, 'return.noSource', { module: translate(locale, `return.module.${module}`) }) : translate(locale, 'return.noSourceNoModule');
}

function sourceText(locale: Locale, value: IndicatorValue): string {
  const { conditions } = value.filters;
  return translate(locale, conditions ? 'return.sourceNarrowed' : 'return.source', { label: value.label, code: value.code, conditions });
}

/**
 * Fills every form for the org's subtree and the calendar year. Every sourced
 * row is computed in one `computeIndicators` call; no scope check here (callers
 * check that the actor may see the org).
 */
export async function computeStatisticalReturn(db: Db, request: { org: { id: string; name: string }; year: number; locale: Locale }): Promise<StatisticalReturn> {
  const { org, year, locale } = request;
  const period = yearPeriod(year);
  const requests = statisticalReturnForms.flatMap((form) => form.rows.flatMap((row) => (row.source ? [row.source] : [])));
  const values = await computeIndicators(db, { orgId: org.id, ...period, requests, locale });
  let next = 0;
  const forms = statisticalReturnForms.map((form) => ({
    table: form.table,
    title: form.title[locale],
    rows: form.rows.map((row, index): StatisticalReturnRow => {
      const common = { table: form.table, line: index + 1, name: row.name[locale], unit: translate(locale, `return.unit.${row.unit}`) };
      if (!row.source) return { ...common, value: null, previous: null, source: noSourceText(locale, row.pendingModule), indicator: null };
      const value = values[next++]!;
      return { ...common, value: value.value, previous: value.previous, source: sourceText(locale, value), indicator: value };
    }),
  }));
  return {
    org,
    year,
    period,
    previousPeriod: yearPeriod(year - 1),
    title: translate(locale, 'return.title', { year, org: org.name }),
    forms,
  };
}
