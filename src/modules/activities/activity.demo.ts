import type { Db } from '../../database.ts';
import type { Actor } from '../../platform/auth-core.ts';
import { systemContext, type ServiceContext } from '../../platform/context.ts';
import { apportion } from '../../platform/apportion.ts';
import { seededRandom, type Random } from '../../platform/seeded-random.ts';
import { findUserForCli } from '../auth/index.ts';
import { findRootOrg, findOrgSubtree, type OrgRow } from '../orgs/index.ts';
import * as repo from './activity.repository.ts';
import type { ActivityInput } from './activity.schemas.ts';
import { checkActivity, insertCheckedActivities, prepareActivityChecks } from './activity.service.ts';
import { citySchools, cityVenues, countyTowns, filmTourStops, nationalScienceDayPartners, placesByType, titleStems, townPlaces, type DemoTypeName } from './activity.demo-data.ts';

/**
 * The demo's activity records: the 2024 science-popularisation year that the
 * seed's work review reports, as the counties and the city would have
 * recorded it, all verified by the city. The plan below is drawn so that the
 * review's figures come out — 2758 records, 受益人次 above two million, the
 * 全国科普日's 20 partner units, the 科学家精神 series' 6 lectures, 48 boards
 * and 85 screenings, 200+ featured events, 800+ drone and robot pupils,
 * 南阳市科技馆's 3000 场次 of 科教活动, its 60+ 光影科学梦 screenings and its
 * 10+ staff trainings — but what kexie shows are aggregations over the
 * records, never these numbers. A fixed seed makes every run produce the same
 * records, so tests and screenshots can rely on them.
 */

/** The year's activity count in the seed (P2): the named events below, the rest ordinary county and city work. */
const activitiesIn2024 = 2758;
const seed = 20240920;
/**
 * 南阳市科技馆 is a unit of 南阳市科协, not an org of the tree: its records
 * are the city's, with the museum as 主办单位.
 */
const cityMuseum = '南阳市科技馆';

const pad = (n: number) => String(n).padStart(2, '0');
const date = (month: number, day: number) => `2024-${pad(month)}-${pad(day)}`;
const daysIn2024 = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Busier in March (学雷锋), May (科技活动周) and September (全国科普日); quiet around the Spring Festival and in summer. */
const monthWeights = [6, 3, 9, 8, 14, 9, 7, 6, 14, 9, 8, 7];
const anyDay = (random: Random) => {
  const month = random.weighted(monthWeights) + 1;
  return [month, random.between(1, daysIn2024[month - 1]!)] as const;
};

/** The records to create, in the vocabularies' terms; ids are resolved when they are checked. */
interface Draft extends Omit<ActivityInput, 'typeId' | 'campaignId' | 'orgId'> {
  type: DemoTypeName;
  campaign?: string;
  org: OrgRow;
}

/** The city and its counties, with what the generator needs to know of each. */
class DemoOrgs {
  readonly all: OrgRow[];
  constructor(
    readonly city: OrgRow,
    readonly counties: OrgRow[],
  ) {
    this.all = [city, ...counties];
  }
  isCity = (org: OrgRow) => org.id === this.city.id;
  /** 方城县, 邓州市 …; the city's own records say 市直. */
  place = (org: OrgRow) => (this.isCity(org) ? '市直' : (countyTowns[org.admin_code ?? '']?.county ?? org.name.replace(/科协$/, '')));
  /** A county's town and a place in it (of `places`), or one of the city's own venues. */
  venue = (org: OrgRow, random: Random, places = townPlaces) => {
    const county = countyTowns[org.admin_code ?? ''];
    return county ? `${county.county}${random.pick(county.towns)}${random.pick(places)}` : random.pick(cityVenues);
  };
}

/** The bigger counties record more: 邓州, 唐河 and 宛城 most, the mountain counties fewer. */
const recordsWeight: Readonly<Record<string, number>> = {
  '411300': 9, // 南阳市科协 (市直)
  '411381': 14, // 邓州市
  '411328': 12, // 唐河县
  '411302': 11, // 宛城区
  '411303': 10, // 卧龙区
  '411322': 10, // 方城县
  '411324': 9, // 镇平县
  '411329': 8, // 新野县
  '411327': 8, // 社旗县
  '411325': 7, // 内乡县
  '411326': 7, // 淅川县
  '411323': 6, // 西峡县
  '411321': 6, // 南召县
  '411330': 6, // 桐柏县
};

/** Collects drafts, refusing a second record with the same title, day and org (what the import calls a duplicate). */
class Plan {
  readonly drafts: Draft[] = [];
  private readonly taken = new Set<string>();
  /** Adds the first draw that is not a duplicate; a draw that never varies must be unique the first time. */
  add(draw: () => Draft): void {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const draft = draw();
      const key = `${draft.org.id}|${draft.startDate}|${draft.title}`;
      if (this.taken.has(key)) continue;
      this.taken.add(key);
      this.drafts.push(draft);
      return;
    }
    throw new Error('the demo activity plan keeps repeating a record (same title, day and org)');
  }
}

/** P1: the city's 全国科普日 with its 20 partner units, and 杨利伟's visits to two schools. */
function nationalScienceDay(plan: Plan, orgs: DemoOrgs): void {
  const common = { campaign: '全国科普日', org: orgs.city, organiser: orgs.city.name, startDate: '2024-09-20', endDate: '2024-09-20', public: true };
  plan.add(() => ({
    ...common,
    title: '2024年南阳市全国科普日活动启动仪式',
    type: '其他',
    venue: '南阳市科技馆广场',
    partners: [...nationalScienceDayPartners],
    participants: 6800,
    description: '航天英雄杨利伟出席启动仪式，现场设置科普展区、互动体验和科技咨询。',
  }));
  plan.add(() => ({ ...common, title: '航天英雄杨利伟走进南阳市第二高级中学', type: '讲座/报告会', venue: '南阳市第二高级中学', participants: 2600, quantity: 1 }));
  plan.add(() => ({ ...common, title: '航天英雄杨利伟走进南阳市第十五小学', type: '讲座/报告会', venue: '南阳市第十五小学', participants: 1800, quantity: 1 }));
}

/** T7: the 科学家精神 series — 6 lectures, 48 display boards, 85 documentary screenings (数量). */
function scientistSpirit(plan: Plan, orgs: DemoOrgs, random: Random): void {
  const series = '科学家精神';
  const lectures: [OrgRow, string, string, string?][] = [
    [orgs.city, '2024-05-30', '南阳市科技馆报告厅', '全国科技工作者日'],
    [orgs.city, '2024-05-30', '南阳师范学院报告厅', '全国科技工作者日'],
    ...orgs.counties.slice(0, 4).map((org, i): [OrgRow, string, string] => [org, ['2024-06-18', '2024-09-12', '2024-10-16', '2024-11-20'][i]!, `${orgs.place(org)}会议中心`]),
  ];
  for (const [org, day, venue, campaign] of lectures) {
    plan.add(() => ({ title: `弘扬科学家精神报告会（${orgs.isCity(org) ? venue.replace('报告厅', '') : orgs.place(org)}）`, type: '讲座/报告会', series, campaign, public: true, org, organiser: org.name, startDate: day, endDate: day, venue, participants: random.between(180, 420), quantity: 1 }));
  }
  const boardWeeks: [number, number][] = [[5, 20], [6, 10], [7, 8], [9, 16], [10, 21]];
  for (const [i, quantity] of random.partition(48, boardWeeks.length).entries()) {
    const org = orgs.all[(i * 2) % orgs.all.length]!;
    const [month, day] = boardWeeks[i]!;
    plan.add(() => ({
      title: `科学家精神主题展板巡展（${orgs.place(org)}）`,
      type: '展览/展板',
      series,
      public: true,
      org,
      organiser: org.name,
      startDate: date(month, day),
      endDate: date(month, day + 6),
      venue: orgs.isCity(org) ? '南阳市科技馆一楼展厅' : `${orgs.place(org)}文化广场`,
      participants: random.between(300, 900),
      quantity,
    }));
  }
  const films = ['《钱学森》', '《邓稼先》', '《袁隆平》', '《黄大年》', '《李四光》', '《南仁东》'];
  for (const [i, quantity] of random.partition(85, 17).entries()) {
    const org = orgs.all[(i + 1) % orgs.all.length]!;
    plan.add(() => {
      const month = random.pick([4, 5, 6, 9, 10, 11]);
      const day = random.between(1, daysIn2024[month - 1]!);
      return {
        title: `科学家电影纪录片${films[i % films.length]}放映（${orgs.place(org)}）`,
        type: '科普电影放映',
        series,
        public: true,
        org,
        organiser: org.name,
        startDate: date(month, day),
        endDate: date(month, day),
        venue: orgs.venue(org, random),
        participants: quantity * random.between(60, 180),
        quantity,
      };
    });
  }
}

interface SeriesPlan {
  series: string;
  type: DemoTypeName;
  count: number;
  mode: 'offline' | 'online';
  participants: [number, number];
  /** `n` counts the series' events from 1. */
  title: (place: string, n: number, month: number) => string;
  /** Held by the city and every county in turn; otherwise the city's own series. */
  everywhere?: boolean;
  /** One event a month in this order; otherwise any day, busier months likelier. */
  months?: readonly number[];
  /** Events in the first days of March are the county's 学雷锋纪念日. */
  marchCampaign?: string;
  /** Open to the public, so on the portal's calendar; courses for enrolled groups (seniors, pupils) are not. */
  public: boolean;
  /** 主办单位 when not the org itself: 南阳市科技馆 runs its series as a unit of the city association. */
  organiser?: string;
  /** Where a city series goes instead of the city's own venues (schools for a touring programme). */
  venues?: readonly string[];
}

const countyTopics = ['小麦高产栽培', '食品安全', '防范电信诈骗', '慢病防治', '应急避险', '防溺水安全', '艾草种植', '心肺复苏急救', '气象防灾', '科学用药'];
const seniorTopics = ['智能手机入门', '线上挂号就医', '防范网络诈骗', '移动支付', '出行购票', '视频通话'];
const allMonths = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/** P4, V6 and V9: the featured series (200+ events, 200万 served), the museum's touring films and the drone and robot lessons (800+ pupils). */
const seriesPlans: SeriesPlan[] = [
  { series: '科普面对面', type: '科技咨询', count: 24, mode: 'online', public: true, participants: [8000, 15000], title: (_place, n) => `“科普面对面”专家访谈第${n}期` },
  { series: '科普讲堂', type: '讲座/报告会', count: 48, mode: 'offline', public: true, participants: [150, 480], title: (_place, n) => `“科普讲堂”第${n}讲` },
  { series: '科普专家基层行', type: '科技咨询', count: 56, mode: 'offline', public: true, participants: [120, 400], everywhere: true, title: (place, n) => `科普专家基层行走进${place}（${countyTopics[n % countyTopics.length]}）` },
  { series: '科普知识在线有奖竞答', type: '竞赛', count: 12, mode: 'online', public: true, participants: [125000, 165000], months: allMonths, title: (_place, _n, month) => `科普知识在线有奖竞答（${month}月）` },
  { series: 'i科普志愿服务', type: '志愿服务', count: 40, mode: 'offline', public: true, participants: [80, 260], everywhere: true, marchCampaign: '学雷锋纪念日', title: (place) => `学雷锋“i科普”志愿服务（${place}）` },
  { series: '银龄跨越数字鸿沟', type: '培训', count: 30, mode: 'offline', public: false, participants: [40, 120], everywhere: true, title: (place, n) => `“银龄跨越数字鸿沟”老年人${seniorTopics[n % seniorTopics.length]}培训（${place}）` },
  // V6: each record is one screening (数量 1 场) the museum takes to a school or a neighbourhood.
  { series: '光影科学梦', type: '科普电影放映', count: 62, mode: 'offline', public: true, participants: [80, 300], organiser: cityMuseum, venues: filmTourStops, title: (_place, n) => `“光影科学梦”科普电影巡映第${n}场` },
  { series: '无人机机器人课堂', type: '培训', count: 18, mode: 'offline', public: false, participants: [38, 56], months: [3, 4, 5, 6, 9, 10, 11, 12], organiser: cityMuseum, venues: citySchools, title: (_place, n) => `校园科技节无人机与机器人课堂第${n}课` },
];

function seriesEvents(plan: Plan, orgs: DemoOrgs, random: Random): void {
  for (const series of seriesPlans) {
    for (let i = 0; i < series.count; i += 1) {
      const org = series.everywhere ? orgs.all[i % orgs.all.length]! : orgs.city;
      plan.add(() => {
        const [month, day] = series.months ? [series.months[i % series.months.length]!, random.between(1, 28)] : anyDay(random);
        const campaign = series.marchCampaign && month === 3 && day <= 10 ? series.marchCampaign : undefined;
        return {
          title: series.title(orgs.place(org), i + 1, month),
          type: series.type,
          series: series.series,
          campaign,
          org,
          organiser: series.organiser ?? org.name,
          startDate: date(month, day),
          endDate: date(month, day),
          // One draw either way, so a series' own venues leave the other records' draws as they were.
          venue: series.mode === 'online' ? '线上' : series.venues ? random.pick(series.venues) : orgs.venue(org, random),
          mode: series.mode,
          public: series.public,
          participants: random.between(...series.participants),
          quantity: 1,
        };
      });
    }
  }
}

/**
 * V6: 南阳市科技馆's 科教活动 in its own halls, 3000 场次 in the year. One
 * record per programme and month, held at 南阳市科技馆 (no other record of
 * the year is held there exactly: the association's own events in its
 * 报告厅 or 展厅 say so in their venue). Its 数量 counts 场次 — one session
 * held for an audience: a show, a lecture, a guided tour, a workshop, a
 * contest round — so the year's 场次 are the sum of 数量 over the records
 * held at 南阳市科技馆. Only types counted in sessions (场/次) are used:
 * boards (块) and courses (期) do not add up with sessions.
 */
const museumSessionsIn2024 = 3000;
const museumProgrammes: { name: string; type: DemoTypeName; share: number; audience: [number, number]; description: string }[] = [
  { name: '科学实验秀', type: '其他', share: 38, audience: [40, 90], description: '实验剧场每日定时上演的科学实验秀：液氮、静电、声光等主题轮换。' },
  { name: '展厅主题辅导', type: '参观开放', share: 27, audience: [15, 40], description: '科技辅导员在各展厅按主题带领观众体验展品并讲解原理。' },
  { name: '青少年研学', type: '参观开放', share: 15, audience: [40, 110], description: '面向中小学校团体的研学课程：参观、实验和任务单相结合。' },
  { name: '科学工作坊', type: '其他', share: 12, audience: [12, 30], description: '小班动手课：电路搭建、简易机器人、天文望远镜制作等。' },
  { name: '周末科普讲座', type: '讲座/报告会', share: 6, audience: [60, 160], description: '周末邀请高校和医院专家面向公众开讲。' },
  { name: '科学小达人挑战赛', type: '竞赛', share: 2, audience: [20, 60], description: '面向青少年的科学知识与动手能力闯关赛，每场一轮。' },
];
/** Busiest in the winter and summer holidays, quietest in the exam months. */
const museumMonthWeights = [10, 11, 7, 8, 9, 6, 13, 14, 7, 9, 8, 8];

/**
 * V10: the museum's “大练兵、大比武” for its own staff — trainings and skill
 * contests, one a month. Internal (not on the portal) and of type 培训 (one
 * 期 each), held in its meeting room, so they add nothing to the 场次 above;
 * they are found by their series.
 */
const staffDrillSeries = '大练兵、大比武';
const staffDrills = ['金牌辅导员培训', '仪态仪表培训', '公文写作培训', '拍照摄影培训', '展品讲解技能比武', '科学实验秀表演培训', '应急救护与消防安全培训', '新媒体宣传与短视频制作培训', '接待服务礼仪培训', '展品维护保养培训', '金牌辅导员讲解大比武', '年度业务技能大比武'];

/** 南阳市科技馆's draws come from a seed of its own (国际博物馆日), so that adding its year changed no other record's draws. */
const museumSeed = 20240518;

/** V6 and V10: 南阳市科技馆's year. */
function cityMuseumYear(plan: Plan, orgs: DemoOrgs): void {
  const random = seededRandom(museumSeed);
  const common = { org: orgs.city, organiser: cityMuseum, mode: 'offline' as const };
  const cells = museumProgrammes.flatMap((programme) => allMonths.map((month) => ({ programme, month })));
  const sessions = apportion(museumSessionsIn2024, cells.map(({ programme, month }) => programme.share * museumMonthWeights[month - 1]! * random.around(0.15)));
  for (const [i, { programme, month }] of cells.entries()) {
    plan.add(() => ({
      ...common,
      title: `南阳市科技馆${programme.name}（2024年${month}月）`,
      type: programme.type,
      public: true,
      startDate: date(month, 1),
      endDate: date(month, daysIn2024[month - 1]!),
      venue: cityMuseum,
      participants: sessions[i]! * random.between(...programme.audience),
      quantity: sessions[i]!,
      description: programme.description,
    }));
  }
  for (const [i, drill] of staffDrills.entries()) {
    const day = date(i + 1, random.between(8, 26));
    plan.add(() => ({ ...common, title: `南阳市科技馆“大练兵、大比武”：${drill}`, type: '培训', series: staffDrillSeries, public: false, startDate: day, endDate: day, venue: `${cityMuseum}会议室`, participants: random.between(24, 46), quantity: 1 }));
  }
}

/** P5 and T8: the theme days and weeks every county marks, on their dates. */
const campaignPlans: {
  campaign: string;
  type: DemoTypeName;
  perCounty: [number, number];
  days: readonly [number, number][];
  title: (place: string, topic: string) => string;
  /** The theme days are public outreach, except meetings held for the scientists themselves. */
  internal?: true;
}[] = [
  { campaign: '学雷锋纪念日', type: '志愿服务', perCounty: [1, 3], days: [[3, 4], [3, 5], [3, 6]], title: (place, topic) => `学雷锋纪念日科普志愿服务：${topic}（${place}）` },
  { campaign: '全民国家安全教育日', type: '展览/展板', perCounty: [1, 2], days: [[4, 15]], title: (place, topic) => `全民国家安全教育日科普宣传：${topic}（${place}）` },
  { campaign: '防灾减灾日', type: '科技咨询', perCounty: [1, 3], days: [[5, 10], [5, 11], [5, 12], [5, 13]], title: (place, topic) => `防灾减灾日科普宣传：${topic}（${place}）` },
  { campaign: '科技活动周', type: '科技咨询', perCounty: [4, 8], days: [[5, 25], [5, 26], [5, 27], [5, 28], [5, 29], [5, 31]], title: (place, topic) => `科技活动周：${topic}科普活动（${place}）` },
  { campaign: '全国科技工作者日', type: '其他', perCounty: [1, 1], days: [[5, 30]], internal: true, title: (place) => `“全国科技工作者日”座谈会（${place}）` },
  { campaign: '食品安全宣传周', type: '展览/展板', perCounty: [1, 3], days: [[6, 17], [6, 18], [6, 19], [6, 20], [6, 21]], title: (place, topic) => `食品安全宣传周科普进${topic}（${place}）` },
  { campaign: '全国科普日', type: '科技咨询', perCounty: [6, 12], days: Array.from({ length: 11 }, (_, i) => [9, 14 + i] as [number, number]), title: (place, topic) => `全国科普日：${topic}主题科普活动（${place}）` },
];
const foodSafetyPlaces = ['社区', '校园', '农贸市场', '超市', '乡村'];

function campaignEvents(plan: Plan, orgs: DemoOrgs, random: Random): void {
  for (const campaign of campaignPlans) {
    for (const org of orgs.counties) {
      const count = random.between(...campaign.perCounty);
      for (let i = 0; i < count; i += 1) {
        plan.add(() => {
          const [month, day] = random.pick(campaign.days);
          const topic = random.pick(campaign.campaign === '食品安全宣传周' ? foodSafetyPlaces : countyTopics);
          return {
            title: campaign.title(orgs.place(org), topic),
            type: campaign.type,
            campaign: campaign.campaign,
            public: !campaign.internal,
            org,
            organiser: org.name,
            startDate: date(month, day),
            endDate: date(month, day),
            venue: orgs.venue(org, random),
            participants: random.between(60, 300),
            quantity: campaign.type === '展览/展板' ? random.between(6, 20) : 1,
          };
        });
      }
    }
  }
}

/** What an ordinary activity of each type reaches, its 数量, and how often the counties hold it (by weight). */
const ordinaryTypes: { type: DemoTypeName; weight: number; participants: [number, number]; quantity: [number, number] }[] = [
  { type: '讲座/报告会', weight: 26, participants: [30, 90], quantity: [1, 1] },
  { type: '科技咨询', weight: 20, participants: [20, 80], quantity: [1, 1] },
  { type: '培训', weight: 16, participants: [20, 60], quantity: [1, 2] },
  { type: '展览/展板', weight: 10, participants: [60, 220], quantity: [6, 24] },
  { type: '志愿服务', weight: 10, participants: [15, 60], quantity: [1, 1] },
  { type: '科普电影放映', weight: 6, participants: [40, 150], quantity: [1, 3] },
  { type: '参观开放', weight: 6, participants: [30, 160], quantity: [1, 1] },
  { type: '竞赛', weight: 3, participants: [30, 120], quantity: [1, 1] },
  { type: '其他', weight: 3, participants: [15, 60], quantity: [1, 1] },
];

/** The year's everyday work — village lectures, consultations, trainings — until the year holds `total` records. */
function ordinaryEvents(plan: Plan, total: number, orgs: DemoOrgs, random: Random): void {
  const orgWeights = orgs.all.map((org) => recordsWeight[org.admin_code ?? ''] ?? 8);
  const typeWeights = ordinaryTypes.map((t) => t.weight);
  while (plan.drafts.length < total) {
    plan.add(() => {
      const org = orgs.all[random.weighted(orgWeights)]!;
      const kind = ordinaryTypes[random.weighted(typeWeights)]!;
      const [month, day] = anyDay(random);
      const venue = orgs.venue(org, random, placesByType[kind.type]);
      const lasts = kind.type === '展览/展板' ? random.between(0, 4) : 0;
      return {
        title: `${random.pick(titleStems[kind.type])}（${venue}）`,
        type: kind.type,
        org,
        organiser: org.name,
        startDate: date(month, day),
        endDate: date(month, Math.min(day + lasts, daysIn2024[month - 1]!)),
        venue,
        participants: random.between(...kind.participants),
        quantity: random.between(...kind.quantity),
      };
    });
  }
}

/** Every 2024 record: the named events first, then ordinary work filling the year up to the seed's count. */
export function demoActivities2024(city: OrgRow, counties: OrgRow[]): Draft[] {
  const random = seededRandom(seed);
  const orgs = new DemoOrgs(city, counties);
  const plan = new Plan();
  nationalScienceDay(plan, orgs);
  scientistSpirit(plan, orgs, random);
  seriesEvents(plan, orgs, random);
  campaignEvents(plan, orgs, random);
  cityMuseumYear(plan, orgs);
  if (plan.drafts.length >= activitiesIn2024) throw new Error('the named demo events alone exceed the year’s count');
  ordinaryEvents(plan, activitiesIn2024, orgs, random);
  return plan.drafts;
}

/** 2025's first reports from 方城县, still awaiting the city's verification: the demo's verify queue. */
function awaitingVerification(fangcheng: OrgRow): Draft[] {
  const common = { org: fangcheng, organiser: fangcheng.name, mode: 'offline' as const };
  return [
    { ...common, title: '学雷锋“i科普”志愿服务进社区（方城县）', type: '志愿服务', series: 'i科普志愿服务', campaign: '学雷锋纪念日', startDate: '2025-03-05', endDate: '2025-03-05', venue: '方城县释之街道文化广场', participants: 210, quantity: 1 },
    { ...common, title: '春季小麦病虫害防治技术培训（博望镇）', type: '培训', startDate: '2025-03-18', endDate: '2025-03-18', venue: '方城县博望镇党群服务中心', participants: 65, quantity: 1 },
    { ...common, title: '全民国家安全教育日科普展板进校园（方城县）', type: '展览/展板', campaign: '全民国家安全教育日', startDate: '2025-04-15', endDate: '2025-04-16', venue: '方城县第一高级中学', participants: 1200, quantity: 16 },
    { ...common, title: '防灾减灾日应急避险科普宣传（方城县）', type: '科技咨询', campaign: '防灾减灾日', startDate: '2025-05-12', endDate: '2025-05-12', venue: '方城县凤瑞街道裕州广场', participants: 430, quantity: 1 },
    { ...common, title: '科技活动周：青少年科学小实验展示（方城县）', type: '竞赛', campaign: '科技活动周', startDate: '2025-05-24', endDate: '2025-05-24', venue: '方城县科技馆', participants: 320, quantity: 1 },
  ];
}

/** One coming activity: when, counted in days from the day the demo is loaded, and where (an org's 行政区划代码). */
interface ComingActivity extends Omit<Draft, 'org' | 'startDate' | 'endDate' | 'organiser'> {
  inDays: number;
  /** Extra days it runs for (exhibitions). */
  lasts?: number;
  orgCode: string;
}

/**
 * The next eight weeks, so the portal's 活动日历 is never empty on a fresh
 * start: public events the city and the counties have announced and the city
 * has checked, and one internal training that the portal must not show.
 * Fixed apart from the anchor day. 受益人次 here is the number expected.
 */
const comingActivities: readonly ComingActivity[] = [
  { inDays: 7, orgCode: '411300', title: '“科普讲堂”：人工智能与日常生活', type: '讲座/报告会', series: '科普讲堂', venue: '南阳市科技馆报告厅', participants: 300, quantity: 1, public: true, description: '邀请南阳理工学院专家讲解人工智能在出行、医疗和学习中的应用，现场设互动问答。' },
  { inDays: 9, orgCode: '411322', title: '科普专家基层行走进方城县（冬季小麦田间管理）', type: '科技咨询', series: '科普专家基层行', venue: '方城县博望镇党群服务中心', participants: 180, quantity: 1, public: true, partners: ['方城县农业农村局'], description: '农技专家现场解答冬小麦防冻、除草和病虫害防治问题，发放技术明白纸。' },
  { inDays: 12, lasts: 6, orgCode: '411300', title: '科学家精神主题展板巡展（南阳市民之家）', type: '展览/展板', series: '科学家精神', venue: '南阳市民之家一楼大厅', participants: 2000, quantity: 24, public: true, description: '24 块展板讲述钱学森、邓稼先、袁隆平、黄大年等科学家的故事。' },
  { inDays: 14, orgCode: '411381', title: '“光影科学梦”科普电影进校园（邓州市）', type: '科普电影放映', series: '光影科学梦', venue: '邓州市第一初级中学', participants: 600, quantity: 2, public: true, description: '放映科普影片《地球脉动》《飞向太空》，映后由科技辅导员讲解。' },
  { inDays: 16, orgCode: '411300', title: '“科普面对面”专家访谈：冬季呼吸道疾病防治', type: '科技咨询', series: '科普面对面', venue: '线上', mode: 'online', participants: 10000, quantity: 1, public: true, partners: ['南阳市中心医院'], description: '呼吸科专家在线访谈并答网友问，可通过南阳市科协视频号观看。' },
  { inDays: 20, orgCode: '411328', title: '唐河县科技馆公众开放日', type: '参观开放', venue: '唐河县科技馆', participants: 500, quantity: 1, public: true, description: '免费开放全部展厅，安排科普讲解员定时讲解和科学小实验表演。' },
  { inDays: 23, orgCode: '411302', title: '学雷锋“i科普”志愿服务进社区（宛城区）', type: '志愿服务', series: 'i科普志愿服务', venue: '宛城区仲景街道社区服务中心', participants: 150, quantity: 1, public: true, description: '科技志愿者为居民提供健康咨询、手机使用和防诈骗讲解。' },
  { inDays: 27, orgCode: '411300', title: '南阳市青少年科技创新大赛决赛', type: '竞赛', venue: '南阳市青少年课外活动中心', participants: 400, quantity: 1, public: true, partners: ['南阳市教育局'], description: '全市中小学生科技创新作品现场展示与答辩，欢迎家长和市民观摩。' },
  { inDays: 30, orgCode: '411303', title: '防范电信诈骗科普宣传（卧龙区）', type: '科技咨询', venue: '卧龙区石桥镇文化广场', participants: 260, quantity: 1, public: true, partners: ['卧龙区公安分局'], description: '民警和科技志愿者讲解常见诈骗手法，现场演示如何识别诈骗短信。' },
  { inDays: 33, orgCode: '411300', title: '全市科协系统科普信息员业务培训', type: '培训', venue: '南阳市科协会议室', participants: 80, quantity: 1, public: false, description: '面向各县区科协科普信息员的内部业务培训。' },
  { inDays: 35, orgCode: '411323', title: '森林防火与应急避险科普讲座（西峡县）', type: '讲座/报告会', venue: '西峡县丁河镇中心学校', participants: 220, quantity: 1, public: true, description: '讲解冬春季森林防火知识和火场避险方法。' },
  { inDays: 41, orgCode: '411300', title: '科普知识在线有奖竞答（冬季专场）', type: '竞赛', series: '科普知识在线有奖竞答', venue: '线上', mode: 'online', participants: 120000, quantity: 1, public: true, description: '围绕冬季健康、安全用电和防灾减灾出题，答题全部正确者可参与抽奖。' },
  { inDays: 48, lasts: 3, orgCode: '411324', title: '玉雕工艺中的科学——科普展览（镇平县）', type: '展览/展板', venue: '镇平县文化馆', participants: 900, quantity: 16, public: true, description: '从矿物硬度到雕刻工具，展示镇平玉雕背后的科学原理。' },
  { inDays: 55, orgCode: '411325', title: '科普专家基层行走进内乡县（中药材种植）', type: '科技咨询', series: '科普专家基层行', venue: '内乡县赵店乡党群服务中心', participants: 160, quantity: 1, public: true, partners: ['内乡县农业农村局'], description: '中药材种植专家讲解山茱萸、艾草的栽培与病虫害防治。' },
];

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const beijingToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** The coming activities dated from `today`, for the orgs the demo has. */
export function comingDemoActivities(orgs: readonly OrgRow[], today: string): Draft[] {
  return comingActivities.flatMap(({ inDays, lasts = 0, orgCode, ...fields }) => {
    const org = orgs.find((o) => o.admin_code === orgCode);
    if (!org) return [];
    return [{ ...fields, org, organiser: org.name, startDate: addDays(today, inDays), endDate: addDays(today, inDays + lasts) }];
  });
}

async function contextFor(db: Db, username: string, fallback: ServiceContext): Promise<ServiceContext> {
  const user = await findUserForCli(db, username);
  if (!user) return fallback;
  const actor: Actor = { kind: 'user', userId: user.id, username: user.username, orgId: user.org_id, roles: user.roles };
  return { db, actor, locale: 'zh-CN' };
}

/** Turns drafts into inputs and checks each with the same rules as the form and the import: a bad plan fails loudly. */
async function checkedInputs(db: Db, ctx: ServiceContext, drafts: readonly Draft[]): Promise<ActivityInput[]> {
  const lookups = await prepareActivityChecks(db, [...new Set(drafts.map((d) => d.org.id))]);
  const typeIds = new Map([...lookups.types.values()].map((t) => [t.name, t.id]));
  const campaignIds = new Map([...lookups.campaigns.values()].map((c) => [c.name, c.id]));
  const inputs: ActivityInput[] = [];
  for (const { type, campaign, org, ...fields } of drafts) {
    const typeId = typeIds.get(type);
    const campaignId = campaign === undefined ? null : campaignIds.get(campaign);
    if (!typeId || campaignId === undefined) throw new Error(`the demo activity “${fields.title}” names a type or campaign the vocabularies lack: ${type}, ${campaign}`);
    const input: ActivityInput = { ...fields, typeId, campaignId, orgId: org.id };
    const problems = await checkActivity(db, ctx, input, lookups);
    if (problems.length > 0) throw new Error(`the demo activity “${fields.title}” breaks a rule: ${problems.map((p) => p.code).join(', ')}`);
    inputs.push(input);
  }
  return inputs;
}

/**
 * Loads the demo activities once (skipped when any activity exists): the
 * 2024 records, verified by the city, a few 2025 reports from 方城县 for
 * the verify queue, and the coming weeks' activities from `today` (Beijing's
 * date by default) for the portal's calendar. Returns how many of each it created.
 */
export async function loadDemoActivities(db: Db, today = beijingToday()): Promise<{ verified: number; reported: number; upcoming: number }> {
  const root = await findRootOrg(db);
  if (!root) throw new Error('the organisation tree is empty: run migrations and seeding first');
  if ((await repo.findActivities(db, { scopeRootId: root.id }, { offset: 0, limit: 1 })).total > 0) return { verified: 0, reported: 0, upcoming: 0 };
  const orgs = await findOrgSubtree(db, root.id);
  const counties = orgs.filter((org) => org.parent_id === root.id && org.type === 'county_association');
  const city = systemContext(db, root.id, 'demo');
  const history = await checkedInputs(db, city, demoActivities2024(root, counties));
  const verified = await insertCheckedActivities(city, history, { verified: true, source: 'demo' });
  const coming = await checkedInputs(db, city, comingDemoActivities(orgs, today));
  const upcoming = await insertCheckedActivities(city, coming, { verified: true, source: 'demo' });
  const fangcheng = counties.find((org) => org.admin_code === '411322');
  if (!fangcheng) return { verified: verified.length, reported: 0, upcoming: upcoming.length };
  const reporter = await contextFor(db, 'fangcheng', city);
  const reports = await checkedInputs(db, reporter, awaitingVerification(fangcheng));
  const reported = await insertCheckedActivities(reporter, reports, { source: 'demo' });
  return { verified: verified.length, reported: reported.length, upcoming: upcoming.length };
}
