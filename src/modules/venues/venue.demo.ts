import type { Db } from '../../database.ts';
import { systemContext, type ServiceContext } from '../../platform/context.ts';
import { seededRandom, type Random } from '../../platform/seeded-random.ts';
import { findOrgSubtree, findRootOrg, type OrgRow } from '../orgs/index.ts';
import { createCaravan, createTrip } from './caravan.service.ts';
import type { TripInput } from './caravan.schemas.ts';
import { apportion, spreadOver } from './demo-shares.ts';
import { createOutreach } from './outreach.service.ts';
import type { OutreachInput } from './outreach.schemas.ts';
import { createShow, createStops } from './touring.service.ts';
import type { StopInput } from './touring.schemas.ts';
import * as venueRepo from './venue.repository.ts';
import type { Venue, VenueInput } from './venue.schemas.ts';
import { createVenue } from './venue.service.ts';
import type { VisitInput } from './visit.schemas.ts';
import { insertPlannedVisits, planVisits, type VisitEntry } from './visit.service.ts';

/**
 * The demo's museum system in 2024, as the seed's work review reports it
 * (建强阵地): seven science museums open, 新野 among them since May, 社旗 and
 * 淅川 still being built; the city museum's 335,600 visitors in 75 groups and
 * the after-school centre's 180,000-odd; 70 visits to 35 schools; six
 * caravans on 270 trips to more than 200 schools; the touring museum's
 * 246,000 visits. The totals below are what the generator spreads over days,
 * months, schools and stops; kexie shows only sums and counts of the records.
 */
const seed = 20241128;
const year = 2024;

/** 行政区划代码 of the counties named below. */
const code = { wancheng: '411302', wolong: '411303', nanzhao: '411321', fangcheng: '411322', xixia: '411323', zhenping: '411324', neixiang: '411325', xichuan: '411326', sheqi: '411327', tanghe: '411328', xinye: '411329', tongbai: '411330', dengzhou: '411381' } as const;
const city = 'city';
type Place = keyof typeof code | typeof city;

interface DemoVenue {
  name: string;
  kind: VenueInput['kind'];
  owner: Place;
  county: Place;
  address: string;
  status: VenueInput['status'];
  openedOn: string | null;
  capacity: number | null;
  /** The year's visitors and how they were counted; none for venues without visitors in 2024. */
  visits?: { total: number; counted: 'daily' | 'monthly'; groups?: number };
}

/** The city museum and the after-school centre count every day; the county museums report monthly. 7 museums: 986,400 visitors. */
const demoVenues: DemoVenue[] = [
  { name: '南阳市科技馆', kind: 'museum', owner: city, county: 'wolong', address: '南阳市卧龙区范蠡东路与明山路交叉口', status: 'open', openedOn: '2017-05-18', capacity: 3000, visits: { total: 335_600, counted: 'daily', groups: 75 } },
  { name: '南阳市青少年课外活动中心', kind: 'youth_centre', owner: city, county: 'wolong', address: '南阳市卧龙区范蠡东路科技馆北楼', status: 'open', openedOn: '2019-06-01', capacity: 1200, visits: { total: 182_460, counted: 'daily' } },
  { name: '邓州市科技馆', kind: 'museum', owner: 'dengzhou', county: 'dengzhou', address: '邓州市新华东路文化中心', status: 'open', openedOn: '2019-09-20', capacity: 1500, visits: { total: 168_000, counted: 'monthly' } },
  { name: '唐河县科技馆', kind: 'museum', owner: 'tanghe', county: 'tanghe', address: '唐河县滨河路文体中心', status: 'open', openedOn: '2021-05-18', capacity: 1000, visits: { total: 126_300, counted: 'monthly' } },
  { name: '西峡县科技馆', kind: 'museum', owner: 'xixia', county: 'xixia', address: '西峡县白羽路科教中心', status: 'open', openedOn: '2018-05-18', capacity: 800, visits: { total: 112_000, counted: 'monthly' } },
  { name: '内乡县科技馆', kind: 'museum', owner: 'neixiang', county: 'neixiang', address: '内乡县菊潭大道文化艺术中心', status: 'open', openedOn: '2020-10-01', capacity: 800, visits: { total: 98_500, counted: 'monthly' } },
  { name: '方城县科技馆', kind: 'museum', owner: 'fangcheng', county: 'fangcheng', address: '方城县释之路科教文化中心', status: 'open', openedOn: '2022-09-16', capacity: 600, visits: { total: 87_200, counted: 'monthly' } },
  { name: '新野县科技馆', kind: 'museum', owner: 'xinye', county: 'xinye', address: '新野县汉城路文化中心', status: 'open', openedOn: '2024-05-18', capacity: 600, visits: { total: 58_800, counted: 'monthly' } },
  { name: '社旗县科技馆', kind: 'museum', owner: 'sheqi', county: 'sheqi', address: '社旗县赊店镇建设路', status: 'under_construction', openedOn: null, capacity: null },
  { name: '淅川县科技馆', kind: 'museum', owner: 'xichuan', county: 'xichuan', address: '淅川县龙城街道丹阳路', status: 'under_construction', openedOn: null, capacity: null },
  { name: '镇平县贾宋镇初级中学科技馆', kind: 'rural_school_museum', owner: 'zhenping', county: 'zhenping', address: '镇平县贾宋镇初级中学', status: 'open', openedOn: '2021-09-01', capacity: 120, visits: { total: 9_600, counted: 'monthly' } },
  { name: '桐柏县月河镇初级中学科技馆', kind: 'rural_school_museum', owner: 'tongbai', county: 'tongbai', address: '桐柏县月河镇初级中学', status: 'open', openedOn: '2022-03-01', capacity: 100, visits: { total: 7_200, counted: 'monthly' } },
  { name: '南召县皇后乡初级中学科技馆', kind: 'rural_school_museum', owner: 'nanzhao', county: 'nanzhao', address: '南召县皇后乡初级中学', status: 'open', openedOn: '2023-03-01', capacity: 100, visits: { total: 8_400, counted: 'monthly' } },
  { name: '南阳数字科技馆', kind: 'digital_museum', owner: city, county: city, address: '线上', status: 'open', openedOn: '2021-01-01', capacity: null },
];

/** 馆校合作: the city museum's 70 visits to 35 schools, each school twice (spring and autumn term). */
const outreach = { venue: '南阳市科技馆', people: 31_260, schools: [['wancheng', 14], ['wolong', 14], ['zhenping', 3], ['fangcheng', 2], ['tanghe', 2]] as [Place, number][] };
const outreachActivities = ['科学实验秀', '移动科技馆进校园', '科普大讲堂', '机器人编程体验课', '无人机科普课', '天文观测课'];

/** 科普大篷车: six vehicles, 270 trips (one activity each), 208,000 people, 21,560 km; the city's two roam the counties without a caravan. */
const caravanTotals = { km: 21_560, people: 208_000 };
const placeTripsPerCaravan = 4;
/** Schools a caravan went back to in the autumn; the rest of its school trips each went to a new school. */
const revisitsPerCaravan = 5;
const demoCaravans: { name: string; owner: Place; trips: number; counties: Place[]; range: [number, number] }[] = [
  { name: '豫R·K6601', owner: city, trips: 60, counties: ['wancheng', 'wolong', 'nanzhao', 'zhenping', 'neixiang'], range: [60, 140] },
  { name: '豫R·K6602', owner: city, trips: 54, counties: ['xichuan', 'sheqi', 'xinye', 'tongbai'], range: [70, 160] },
  { name: '豫R·D3018', owner: 'dengzhou', trips: 42, counties: ['dengzhou'], range: [30, 90] },
  { name: '豫R·T2207', owner: 'tanghe', trips: 40, counties: ['tanghe'], range: [30, 90] },
  { name: '豫R·F1135', owner: 'fangcheng', trips: 38, counties: ['fangcheng'], range: [30, 80] },
  { name: '豫R·X5120', owner: 'xixia', trips: 36, counties: ['xixia'], range: [40, 110] },
];

/** 流动科技馆: one show touring the counties, a stop every fortnight, 246,000 visits in the year. */
const touring = { name: '流动科技馆区域常态化巡展', visits: 246_000, stops: 24, description: '中国流动科技馆河南巡展南阳站：力学、光学、数学、生命科学等 60 余件互动展品，在各县区学校和场馆轮流展出' };
const touringCounties: Place[] = ['nanzhao', 'fangcheng', 'xixia', 'zhenping', 'neixiang', 'xichuan', 'sheqi', 'tanghe', 'xinye', 'tongbai', 'dengzhou', 'wancheng'];

// ---- the calendar ---------------------------------------------------------------

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const holidays2024 = new Set(
  [['01-01'], ['02-10', '02-17'], ['04-04', '04-06'], ['05-01', '05-05'], ['06-08', '06-10'], ['09-15', '09-17'], ['10-01', '10-07']].flatMap(([from, to]) => {
    const days: string[] = [];
    for (let d = new Date(`${year}-${from}T00:00:00Z`); iso(d) <= `${year}-${to ?? from}`; d.setUTCDate(d.getUTCDate() + 1)) days.push(iso(d));
    return days;
  }),
);
interface Day {
  date: string;
  month: number;
  weekday: number;
  holiday: boolean;
}
const daysOfYear: Day[] = (() => {
  const days: Day[] = [];
  for (let d = new Date(`${year}-01-01T00:00:00Z`); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1)) {
    days.push({ date: iso(d), month: d.getUTCMonth() + 1, weekday: d.getUTCDay(), holiday: holidays2024.has(iso(d)) });
  }
  return days;
})();
const weekend = (day: Day) => day.weekday === 0 || day.weekday === 6;
/** Museums close on Mondays, except on public holidays. */
const museumOpen = (day: Day) => day.weekday !== 1 || day.holiday;
const termMonths = new Set([3, 4, 5, 6, 9, 10, 11, 12]);
const schoolDay = (day: Day) => termMonths.has(day.month) && !weekend(day) && !day.holiday;

// ---- the generators ---------------------------------------------------------------

/** Busy in the winter and summer holidays and in the May and October golden weeks. */
const museumMonthWeights = [9, 10, 7, 7, 10, 6, 13, 14, 6, 10, 5, 4];

function dailyVisits(random: Random, venue: Venue, spec: NonNullable<DemoVenue['visits']>): VisitInput[] {
  const open = daysOfYear.filter((day) => museumOpen(day) && day.date >= venue.openedOn!);
  // The groups come on school days: classes and teachers on a term-time visit.
  const groupDays = new Map(spreadOver(open.filter(schoolDay), spec.groups ?? 0).map((day) => [day.date, random.between(30, 150)]));
  const groupVisitors = [...groupDays.values()].reduce((a, b) => a + b, 0);
  const weights = open.map((day) => museumMonthWeights[day.month - 1]! * (day.holiday ? 2.4 : weekend(day) ? 1.8 : 1) * random.around(0.25));
  const individual = apportion(spec.total - groupVisitors, weights);
  return open.map((day, i) => {
    const group = groupDays.get(day.date) ?? 0;
    return { date: day.date, period: 'day', individualVisitors: individual[i]!, groupVisitors: group, groups: group > 0 ? 1 : 0 };
  });
}

function monthlyVisits(random: Random, venue: Venue, spec: NonNullable<DemoVenue['visits']>): VisitInput[] {
  const schoolMuseum = venue.kind === 'rural_school_museum';
  const months = Array.from({ length: 12 }, (_, i) => i + 1).filter((month) => `${year}-${pad(month)}-31` >= venue.openedOn! && (!schoolMuseum || termMonths.has(month)));
  // A museum that opened mid-month counts that month by the days it was open.
  const openShare = (month: number) => (venue.openedOn!.startsWith(`${year}-${pad(month)}`) ? (31 - Number(venue.openedOn!.slice(8))) / 31 : 1);
  const totals = apportion(spec.total, months.map((month) => (schoolMuseum ? 1 : museumMonthWeights[month - 1]!) * openShare(month) * random.around(0.15)));
  return months.map((month, i) => {
    // A school's museum is visited class by class; a county museum has a few groups a month among its visitors.
    const groups = schoolMuseum ? Math.ceil(totals[i]! / 45) : random.between(2, 8);
    const groupVisitors = schoolMuseum ? totals[i]! : groups * random.between(35, 70);
    return { date: `${year}-${pad(month)}-01`, period: 'month', individualVisitors: totals[i]! - groupVisitors, groupVisitors, groups };
  });
}

const ordinals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];
/** Schools of a county, in a fixed shuffled order: primary, junior and senior schools, experimental and vocational ones. */
function schoolsOf(random: Random, county: OrgRow): string[] {
  const name = county.name.replace(/科协$/, '');
  const schools = [
    ...ordinals.map((n) => `${name}第${n}小学`),
    ...ordinals.slice(0, 12).map((n) => `${name}第${n}初级中学`),
    ...ordinals.slice(0, 6).map((n) => `${name}第${n}高级中学`),
    `${name}实验小学`,
    `${name}实验中学`,
    `${name}实验高级中学`,
    `${name}职业教育中心`,
  ];
  return random.shuffled(schools);
}

// ---- loading ------------------------------------------------------------------------

/** Loads the demo's museum system for 2024, unless venues are already recorded. Returns how many records it created. */
export async function loadDemoVenues(db: Db): Promise<{ venues: number; visits: number; outreach: number; trips: number; stops: number }> {
  const root = await findRootOrg(db);
  if (!root) throw new Error('the organisation tree is empty: run migrations and seeding first');
  if ((await venueRepo.findVenues(db, {}, { offset: 0, limit: 1 })).total > 0) return { venues: 0, visits: 0, outreach: 0, trips: 0, stops: 0 };
  const orgs = await findOrgSubtree(db, root.id);
  const org = (place: Place): OrgRow => {
    const found = place === city ? root : orgs.find((o) => o.admin_code === code[place]);
    if (!found) throw new Error(`demo venues: no org for ${place}`);
    return found;
  };
  const ctx = systemContext(db, root.id, 'demo');
  const random = seededRandom(seed);
  const schools = new Map<Place, string[]>();
  const schoolPool = (place: Place) => schools.get(place) ?? schools.set(place, schoolsOf(random, org(place))).get(place)!;

  const venues = new Map<string, Venue>();
  for (const spec of demoVenues) {
    const venue = await createVenue(ctx, {
      name: spec.name,
      kind: spec.kind,
      ownerOrgId: org(spec.owner).id,
      countyOrgId: org(spec.county).id,
      address: spec.address,
      status: spec.status,
      openedOn: spec.openedOn,
      capacity: spec.capacity,
    });
    venues.set(spec.name, venue);
  }

  const visits = await loadVisits(ctx, random, venues);
  const outreachCount = await loadOutreach(ctx, random, venues.get(outreach.venue)!, org, schoolPool);
  const trips = await loadCaravans(ctx, random, org, schoolPool);
  const stops = await loadTouring(ctx, random, org, venues, schoolPool);
  return { venues: venues.size, visits, outreach: outreachCount, trips, stops };
}

async function loadVisits(ctx: ServiceContext, random: Random, venues: Map<string, Venue>): Promise<number> {
  const entries: VisitEntry[] = demoVenues.flatMap((spec) => {
    if (!spec.visits) return [];
    const venue = venues.get(spec.name)!;
    const inputs = spec.visits.counted === 'daily' ? dailyVisits(random, venue, spec.visits) : monthlyVisits(random, venue, spec.visits);
    return inputs.map((input) => ({ venueId: venue.id, input }));
  });
  const { rows, problems } = await planVisits(ctx, entries, 'entry');
  if (problems.size > 0) throw new Error(`demo visits break the rules: ${JSON.stringify([...problems.entries()].slice(0, 3))}`);
  await insertPlannedVisits(ctx, [...rows.values()], 'demo');
  return rows.size;
}

async function loadOutreach(ctx: ServiceContext, random: Random, venue: Venue, org: (place: Place) => OrgRow, schoolPool: (place: Place) => string[]): Promise<number> {
  const visited = outreach.schools.flatMap(([place, count]) => schoolPool(place).slice(0, count).map((school) => ({ school, county: org(place) })));
  const spring = daysOfYear.filter((day) => schoolDay(day) && day.month <= 6);
  const autumn = daysOfYear.filter((day) => schoolDay(day) && day.month >= 9);
  const dates = [...spreadOver(spring, visited.length), ...spreadOver(autumn, visited.length)].map((day) => day.date);
  const order = [...random.shuffled(visited), ...random.shuffled(visited)];
  const people = apportion(outreach.people, order.map(() => random.around(0.5)));
  const inputs: OutreachInput[] = order.map((visit, i) => ({
    date: dates[i]!,
    schoolName: visit.school,
    countyOrgId: visit.county.id,
    activity: outreachActivities[i % outreachActivities.length]!,
    people: people[i]!,
  }));
  for (const input of inputs) await createOutreach(ctx, venue.id, input);
  return inputs.length;
}

async function loadCaravans(ctx: ServiceContext, random: Random, org: (place: Place) => OrgRow, schoolPool: (place: Place) => string[]): Promise<number> {
  const plans: { caravanId: string; input: Omit<TripInput, 'km' | 'people'>; kmWeight: number; peopleWeight: number }[] = [];
  const schoolDays = daysOfYear.filter(schoolDay);
  const outingDays = daysOfYear.filter((day) => (day.holiday || weekend(day) || !termMonths.has(day.month)) && day.month >= 4 && day.month <= 10);
  for (const spec of demoCaravans) {
    const caravan = await createCaravan(ctx, { name: spec.name, ownerOrgId: org(spec.owner).id, note: '科普大篷车：车载互动展品与科学实验' });
    const schoolTrips = spec.trips - placeTripsPerCaravan;
    const distinct = schoolTrips - revisitsPerCaravan;
    // New schools taken in turn from the counties it serves; the last few revisited in the autumn.
    const targets = Array.from({ length: distinct }, (_, i) => {
      const place = spec.counties[i % spec.counties.length]!;
      return { school: schoolPool(place)[Math.floor(i / spec.counties.length)]!, county: org(place) };
    });
    const destinations = [...targets, ...targets.slice(0, revisitsPerCaravan)];
    const days = random.shuffled(schoolDays).slice(0, schoolTrips).sort((a, b) => a.date.localeCompare(b.date));
    destinations.forEach((target, i) =>
      plans.push({
        caravanId: caravan.id,
        input: { date: days[i]!.date, destination: target.school, destinationKind: 'school', countyOrgId: target.county.id, activities: 1 },
        kmWeight: random.between(...spec.range),
        peopleWeight: random.around(0.4),
      }),
    );
    for (const [i, day] of spreadOver(random.shuffled(outingDays), placeTripsPerCaravan).entries()) {
      const county = org(spec.counties[i % spec.counties.length]!);
      const square = ['人民广场', '文化广场', '科技广场', '新时代文明实践中心'][i]!;
      plans.push({
        caravanId: caravan.id,
        input: { date: day.date, destination: `${county.name.replace(/科协$/, '')}${square}`, destinationKind: 'place', countyOrgId: county.id, activities: 1 },
        kmWeight: random.between(...spec.range),
        peopleWeight: 1.3 * random.around(0.3),
      });
    }
  }
  const km = apportion(caravanTotals.km, plans.map((p) => p.kmWeight));
  const people = apportion(caravanTotals.people, plans.map((p) => p.peopleWeight));
  for (const [i, plan] of plans.entries()) await createTrip(ctx, plan.caravanId, { ...plan.input, km: km[i]!, people: people[i]! });
  return plans.length;
}

async function loadTouring(ctx: ServiceContext, random: Random, org: (place: Place) => OrgRow, venues: Map<string, Venue>, schoolPool: (place: Place) => string[]): Promise<number> {
  const show = await createShow(ctx, { name: touring.name, ownerOrgId: org(city).id, description: touring.description });
  const visits = apportion(touring.visits, Array.from({ length: touring.stops }, () => random.around(0.3)));
  const stops: StopInput[] = visits.map((count, i) => {
    const start = new Date(Date.UTC(year, 0, 8 + 15 * i));
    const end = new Date(start);
    end.setUTCDate(end.getUTCDate() + 12);
    const place = touringCounties[i % touringCounties.length]!;
    const county = org(place);
    // Hosted by the county's open museum when it has one; otherwise by a school.
    const host = [...venues.values()].find((v) => v.countyOrgId === county.id && v.status === 'open' && v.openedOn! <= iso(start) && v.kind !== 'digital_museum');
    const dates = { startDate: iso(start), endDate: iso(end), visits: count };
    return host ? { hostKind: 'venue', hostVenueId: host.id, ...dates } : { hostKind: 'school', hostName: schoolPool(place).at(-1 - Math.floor(i / touringCounties.length))!, countyOrgId: county.id, ...dates };
  });
  await createStops(ctx, show.id, stops);
  return stops.length;
}
