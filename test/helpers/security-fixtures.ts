/**
 * Two counties furnished with one record of every kind, and signed-in staff
 * of every role in each: the ground the security suites walk. Records are
 * made through the API by each county's own administrator, as the county
 * would make them, so every one sits in its county's data scope; each
 * carries its county's marker in its text, so a response that leaks it is
 * found by searching for the marker.
 */
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import { roles, type Role } from '../../src/platform/auth-core.ts';
import { xlsxContentType } from '../../src/platform/excel/download.ts';
import { beijingToday } from '../../src/modules/bookings/booking-time.ts';
import { bookGroup, daysAhead } from '../factories/bookings.ts';
import { editableFieldsOf } from '../factories/content.ts';
import { startTestKexie, type TestClient, type TestKexie } from './test-app.ts';

export type CountyKey = 'fangcheng' | 'tanghe';
export const countyKeys: readonly CountyKey[] = ['fangcheng', 'tanghe'];
export const otherCounty = (county: CountyKey): CountyKey => (county === 'fangcheng' ? 'tanghe' : 'fangcheng');

/** 方城县 and 唐河县, neighbours under 南阳市, by administrative code. */
const countyCodes: Record<CountyKey, string> = { fangcheng: '411322', tanghe: '411328' };
/** Text in every record of the county, and nowhere else. */
const markers: Record<CountyKey, string> = { fangcheng: 'matrixfc', tanghe: 'matrixth' };

export type SignedInClient = TestClient & { userId: string; username: string };

/** A staff member taking part in the matrix: one role, in one county or in the city association above both. */
export interface Caller {
  role: Role;
  county: CountyKey | 'city';
  client: SignedInClient;
}

/** The path parameters that name a record, as the routes spell them. */
export type RecordParams = { id: string } & Record<string, string>;

/** Every kind of record the API names in a path. */
export const recordKinds = [
  'org', 'user', 'media', 'article', 'articleInReview', 'articlePublished', 'activity', 'venue', 'visit', 'outreach',
  'slot', 'booking', 'bookingConfirmedToday', 'caravan', 'trip', 'show', 'stop', 'review', 'column', 'importJob',
] as const;
export type RecordKind = (typeof recordKinds)[number];

export interface County {
  key: CountyKey;
  id: string;
  marker: string;
  /** A society under the county: activities are reported by it, so the county's reviewers verify them. */
  societyId: string;
  records: Record<RecordKind, RecordParams>;
}

type RecordBody = (county: County, name: string) => Record<string, unknown>;
export type RecordBodies = Record<'activity' | 'venue' | 'outreach' | 'trip' | 'stop', RecordBody>;

export interface SecurityWorld {
  kexie: TestKexie;
  counties: Record<CountyKey, County>;
  callers: Caller[];
  /** A city-wide column articles are filed under, and the vocabularies' first entries. */
  columnId: string;
  activityTypeId: string;
  campaignId: string;
  /** An administrator of the whole city (南阳市科协), for city-wide records; not one of the callers. */
  cityAdmin: SignedInClient;
  /** Request bodies that make a record of the county, named as given. */
  bodies: RecordBodies;
  /** Each county's own administrator, who made its records. */
  owners: Record<CountyKey, SignedInClient>;
  /** Makes a new record of this kind in the county, for a request that consumes or moves it on. */
  build(kind: RecordKind, county: CountyKey): Promise<RecordParams>;
  /** A text unique to this call, for names that must not repeat. */
  unique(): string;
  /** A year no annual review of the fixtures' orgs covers yet. */
  uniqueYear(): number;
  close(): Promise<void>;
}

const check = (response: LightMyRequestResponse, what: string): LightMyRequestResponse => {
  if (response.statusCode >= 300) throw new Error(`${what}: ${response.statusCode} ${response.body}`);
  return response;
};

/** A multipart form with one file, as a browser uploads it. */
export function multipartFile(field: string, fileName: string, bytes: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----kexie${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export const smallPng = () => sharp({ create: { width: 16, height: 16, channels: 3, background: '#2a6' } }).png().toBuffer();

/** The text of a response as a person would read it: a workbook's cells, or the body itself. */
export async function readableText(response: LightMyRequestResponse): Promise<string> {
  if (!String(response.headers['content-type'] ?? '').includes('spreadsheetml')) return response.body;
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const cells: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.text))));
  return cells.join('\n');
}

/** A downloaded import template with one row filled in (whether the row is valid does not matter to who may send it). */
export async function withOneRow(template: Buffer): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  sheet.addRow(sheet.getRow(1).values as ExcelJS.CellValue[]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function startSecurityWorld(): Promise<SecurityWorld> {
  const kexie = await startTestKexie();
  let sequence = 0;
  const unique = () => `${Date.now().toString(36)}${(sequence++).toString(36)}`;
  let dayOffset = 3;
  // Each annual review is an org's year: every one made here gets a year of its own.
  let year = 1949;
  const uniqueYear = () => year++;

  const cityAdmin = await kexie.signIn(kexie.root.id, ['admin']);
  // Three city reviewers, one per default review level, take an article through to publication.
  const cityReviewers: SignedInClient[] = [];
  for (const level of ['初审', '复审', '终审']) cityReviewers.push(await kexie.signIn(kexie.root.id, ['reviewer'], { displayName: `${level}员` }));

  const columnId = check(await cityAdmin.post('/api/v1/columns', { name: '矩阵栏目', slug: `matrix-${unique()}` }), 'column').json().id as string;
  const firstEntryOf = async (url: string): Promise<string> => (await cityAdmin.get(url)).json().items[0].id;
  const activityTypeId = await firstEntryOf('/api/v1/activity-types');
  const campaignId = await firstEntryOf('/api/v1/activity-campaigns');
  const png = await smallPng();

  /** Each county's own administrator makes its records. */
  const owners = {} as Record<CountyKey, SignedInClient>;
  const counties = {} as Record<CountyKey, County>;
  for (const key of countyKeys) {
    const org = await kexie.org(countyCodes[key]);
    owners[key] = await kexie.signIn(org.id, ['admin']);
    const society = check(await owners[key].post('/api/v1/orgs', { name: `${markers[key]}科普学会`, type: 'society', parentId: org.id }), 'society');
    counties[key] = { key, id: org.id, marker: markers[key], societyId: society.json().id, records: {} as Record<RecordKind, RecordParams> };
  }

  const idOf = (response: LightMyRequestResponse, what: string): string => check(response, what).json().id;

  async function build(kind: RecordKind, key: CountyKey): Promise<RecordParams> {
    const owner = owners[key];
    const county = counties[key];
    const name = (what: string) => `${county.marker}${what}${unique()}`;
    switch (kind) {
      case 'org':
        return { id: idOf(await owner.post('/api/v1/orgs', { name: name('学会'), type: 'society', parentId: county.id }), kind) };
      case 'user':
        return {
          id: idOf(await owner.post('/api/v1/users', { username: name('-user'), displayName: name('用户'), password: 'Matrix-pass-1', orgId: county.id, roles: ['viewer'] }), kind),
        };
      case 'media': {
        const { payload, headers } = multipartFile('file', `${name('照片')}.png`, png);
        return { id: idOf(await owner.post('/api/v1/media', payload, headers), kind) };
      }
      case 'article': {
        const id = idOf(await owner.post('/api/v1/articles', { title: name('文章'), columnIds: [columnId], bodyHtml: `<p>${county.marker}正文</p>` }), kind);
        // A second revision, so there is something to compare and to restore.
        const article = (await owner.get(`/api/v1/articles/${id}`)).json();
        check(await owner.put(`/api/v1/articles/${id}`, { ...editableFieldsOf(article), bodyHtml: `<p>${county.marker}正文，修订</p>`, baseRevision: article.revision }), 'article save');
        return { id, number: '1' };
      }
      case 'articleInReview': {
        const { id } = await build('article', key);
        check(await owner.post(`/api/v1/articles/${id}/submit`), 'submit');
        return { id };
      }
      case 'articlePublished': {
        const { id } = await build('articleInReview', key);
        for (const reviewer of cityReviewers) check(await reviewer.post(`/api/v1/articles/${id}/approve`, {}), 'approve');
        return { id };
      }
      case 'activity':
        return { id: idOf(await owner.post('/api/v1/activities', bodies.activity(county, name('活动'))), kind) };
      case 'venue':
        return { id: idOf(await owner.post('/api/v1/venues', bodies.venue(county, name('科技馆'))), kind) };
      case 'visit': {
        const { id } = await build('venue', key);
        return { id, visitId: idOf(await owner.post(`/api/v1/venues/${id}/visits`, { date: '2024-05-18', individualVisitors: 120, note: county.marker }), kind) };
      }
      case 'outreach': {
        const { id } = await build('venue', key);
        const body = bodies.outreach(county, name('小学'));
        return { id, outreachId: idOf(await owner.post(`/api/v1/venues/${id}/outreach`, body), kind) };
      }
      case 'slot': {
        const { id: venueId } = await build('venue', key);
        return { id: await slotOf(owner, venueId, daysAhead(dayOffset++), '09:00') };
      }
      case 'booking':
      case 'bookingConfirmedToday': {
        const { id: venueId } = await build('venue', key);
        // A slot late today: booked now, and attendance can be recorded from today on.
        const today = kind === 'bookingConfirmedToday';
        const slotId = await slotOf(owner, venueId, today ? beijingToday() : daysAhead(dayOffset++), today ? '23:58' : '09:00');
        const booking = await bookGroup(kexie.db, slotId, { people: 10, organisation: name('中学'), contactName: `${county.marker}老师` });
        const listed = (await owner.get(`/api/v1/bookings?venueId=${venueId}`)).json().items as { id: string; reference: string }[];
        const id = listed.find((row) => row.reference === booking.reference)!.id;
        if (today) check(await owner.post(`/api/v1/bookings/${id}/confirm`), 'confirm');
        return { id };
      }
      case 'caravan':
        return { id: idOf(await owner.post('/api/v1/caravans', { name: name('大篷车'), ownerOrgId: county.id }), kind) };
      case 'trip': {
        const { id } = await build('caravan', key);
        return { id, tripId: idOf(await owner.post(`/api/v1/caravans/${id}/trips`, bodies.trip(county, name('小学'))), kind) };
      }
      case 'show':
        return { id: idOf(await owner.post('/api/v1/touring-shows', { name: name('巡展'), ownerOrgId: county.id }), kind) };
      case 'stop': {
        const { id } = await build('show', key);
        return { id, stopId: idOf(await owner.post(`/api/v1/touring-shows/${id}/stops`, bodies.stop(county, name('广场'))), kind) };
      }
      case 'review':
        return { id: idOf(await owner.post('/api/v1/annual-reviews', { year: uniqueYear(), orgId: county.societyId }), kind) };
      case 'column':
        // Columns are the city's portal's, no county's: its administrator makes them.
        return { id: idOf(await cityAdmin.post('/api/v1/columns', { name: `栏目${unique()}`, slug: `matrix-${unique()}` }), kind) };
      case 'importJob': {
        const file = await withOneRow((await owner.get('/api/v1/activities/excel/template')).rawPayload);
        return { id: idOf(await owner.post('/api/v1/activities/excel/import', file, { 'content-type': xlsxContentType }), kind) };
      }
    }
  }

  async function slotOf(owner: TestClient, venueId: string, date: string, start: string): Promise<string> {
    const end = start === '23:58' ? '23:59' : '11:00';
    check(await owner.post(`/api/v1/venues/${venueId}/slots/generate`, { from: date, to: date, weekdays: [1, 2, 3, 4, 5, 6, 7], times: [{ start, end }], capacity: 200 }), 'slots');
    return (await owner.get(`/api/v1/venues/${venueId}/slots?from=${date}&to=${date}`)).json().items[0].id;
  }

  const bodies: RecordBodies = {
    activity: (county, title) => ({
      title, typeId: activityTypeId, startDate: '2024-05-18', endDate: '2024-05-18', orgId: county.societyId, participants: 80, venue: `${county.marker}礼堂`,
    }),
    venue: (county, name) => ({ name, kind: 'museum', ownerOrgId: county.id, countyOrgId: county.id, status: 'open', openedOn: '2020-05-18', address: `${county.marker}路1号` }),
    outreach: (county, schoolName) => ({ date: '2024-05-18', schoolName, countyOrgId: county.id, activity: '科普讲座', people: 40 }),
    trip: (county, destination) => ({ date: '2024-05-18', destination, destinationKind: 'school', countyOrgId: county.id, km: 30, people: 200 }),
    stop: (county, hostName) => ({ hostKind: 'place', hostName, countyOrgId: county.id, startDate: '2024-05-18', endDate: '2024-05-20', visits: 300 }),
  };

  for (const key of countyKeys) for (const kind of recordKinds) counties[key].records[kind] = await build(kind, key);

  const callers: Caller[] = [];
  for (const county of countyKeys) for (const role of roles) callers.push({ role, county, client: await kexie.signIn(counties[county].id, [role]) });
  callers.push({ role: 'admin', county: 'city', client: await kexie.signIn(kexie.root.id, ['admin']) });

  return { kexie, counties, callers, columnId, activityTypeId, campaignId, cityAdmin, owners, bodies, build, unique, uniqueYear, close: () => kexie.close() };
}
