import fs from 'node:fs';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminDistDir } from '../../src/platform/admin-build.ts';
import type { Role } from '../../src/platform/auth-core.ts';
import { xlsxContentType } from '../../src/platform/excel/download.ts';
import { daysAhead } from '../factories/bookings.ts';
import { editableFieldsOf } from '../factories/content.ts';
import { testPassword } from '../factories/index.ts';
import { describeOperation, publishedOperations, type Operation } from '../helpers/openapi-operations.ts';
import {
  countyKeys,
  multipartFile,
  otherCounty,
  readableText,
  smallPng,
  startSecurityWorld,
  type Caller,
  type County,
  type CountyKey,
  type RecordKind,
  type RecordParams,
  type SecurityWorld,
  withOneRow,
} from '../helpers/security-fixtures.ts';
import type { TestClient } from '../helpers/test-app.ts';

/**
 * The authorisation matrix: every operation of the OpenAPI document, asked by
 * every role in 方城县 and in 唐河县 about a record of its own county and of
 * the other one, and by nobody signed in. The expected answer comes from the
 * table below, written from the product's rules, never from the code under
 * test: a role the route does not allow gets 403 (or 404 on a record it may
 * not even see), another county's record answers 404 exactly as a missing id
 * does, and anonymous requests get 401. A denied request writes nothing (no
 * audit entry appears) and its body is the error shape with none of either
 * county's records in it; an allowed one shows nothing of the other county.
 *
 * Below the matrix: CSRF on every unsafe route, and path traversal on every
 * route that serves a file. Covered elsewhere and not repeated here: cookie
 * flags, session fixation, login throttling and lockout (auth.test.ts); lying
 * file extensions, oversize uploads and traversal under /media/images
 * (media.test.ts); the scope of orgs and users in detail (scope.test.ts);
 * bookers' personal data (security-personal-data.test.ts).
 */

type Relation = 'own' | 'other';

/**
 * Who may call a route: anyone, anyone signed in, these roles, or the
 * administrators of the top-level org alone (the portal and the city-wide
 * vocabularies belong to it, not to any county).
 */
type Access = 'public' | 'signed-in' | 'city-admin' | readonly Role[];

/** What a rule sends, besides the path parameters of its record. */
interface Sent {
  /** Path parameters of a city-wide entry, where no county record names it. */
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Another session to send it from, for a route that ends or replaces the caller's own. */
  client?: TestClient;
}

/** What a rule's request may draw on. */
interface Target {
  /** The county whose records the request names. */
  county: County;
  /** The caller; undefined when nobody is signed in. */
  caller: Caller | undefined;
  /** The record the path names: the shared one, or a new one when the request may consume it. */
  record: RecordParams;
}

interface Rule {
  may: Access;
  /** Path parameters come from this kind of record of the target county; another county's answers 404 (a column is the city's, no county's). */
  record?: RecordKind;
  /** The body or query names an org of the target county; another county's answers 404. */
  namesOrg?: true;
  /** A permitted request uses up its record (deletes it, or moves it on in a workflow): each gets a new one. */
  consumes?: true;
  /** The success status; 200 unless said. */
  ok?: number;
  send?: (target: Target) => Sent | Promise<Sent>;
  /** A blank import template: it holds no records, so its cells are not searched for them (reading a workbook is slow). */
  blank?: true;
  /** For the one route whose answer depends on who started the record, not on role or county. */
  expected?: (caller: Caller | undefined) => number[];
}

const admins = ['admin'] as const;
/** Articles, columns of content, annual reviews: the content desk. */
const contentDesk = ['admin', 'editor'] as const;
/** Who reads articles and annual reviews: the content desk and the reviewers who judge them. */
const contentReaders = ['admin', 'editor', 'reviewer'] as const;
/** Who keeps a county's records: activities, venues and their figures, slots and bookings. */
const recordKeepers = ['admin', 'reporter'] as const;
const verifiers = ['admin', 'reviewer'] as const;
const imageUploaders = ['admin', 'editor', 'reporter'] as const;

describe('authorisation matrix: every route × every role × own county / other county / anonymous', () => {
  let world: SecurityWorld;
  let operations: Operation[];
  let templates: Record<'orgs' | 'activities' | 'visits' | 'trips', Buffer>;
  let indicatorCode: string;
  let png: Buffer;
  let dayOffset = 400;
  const futureDate = () => daysAhead(dayOffset++);
  // Visit figures are counted after the day, never before.
  const pastDate = () => new Date(Date.UTC(2023, 0, dayOffset++)).toISOString().slice(0, 10);

  beforeAll(async () => {
    world = await startSecurityWorld();
    ({ operations } = await publishedOperations(world.kexie.app));
    const templateOf = async (url: string) => withOneRow((await world.cityAdmin.get(url)).rawPayload);
    templates = {
      orgs: await templateOf('/api/v1/orgs/excel/template'),
      activities: await templateOf('/api/v1/activities/excel/template'),
      visits: await templateOf('/api/v1/venues/excel/visits/template'),
      trips: await templateOf('/api/v1/caravans/excel/trips/template'),
    };
    indicatorCode = (await world.cityAdmin.get('/api/v1/stats/indicators')).json().items[0].code;
    png = await smallPng();
  });
  afterAll(() => world?.close());

  const xlsx = (bytes: Buffer): Sent => ({ query: 'dryRun=true', body: bytes, headers: { 'content-type': xlsxContentType } });
  const name = (target: Target, what: string) => `${target.county.marker}${what}${world.unique()}`;
  /** The current state of a record as its county's administrator reads it, to send an edit on top of. */
  const current = async (target: Target, url: string) => (await world.owners[target.county.key].get(url)).json();

  /**
   * The matrix. Keys are the operations as the OpenAPI document names them;
   * a route added without an entry here fails the first test.
   */
  const matrix: Record<string, Rule> = {
    'GET /healthz': { may: 'public' },

    // Signing in and out, and a user's own account.
    'POST /api/v1/auth/login': {
      may: 'public',
      send: ({ caller }) => ({ body: { username: caller?.client.username ?? world.callers[0]!.client.username, password: testPassword }, client: world.kexie.client() }),
    },
    'POST /api/v1/auth/logout': { may: 'signed-in', ok: 204, send: async ({ caller }) => ({ client: caller ? await sessionOf(caller) : undefined }) },
    'GET /api/v1/auth/session': { may: 'public' },
    'PATCH /api/v1/auth/me': { may: 'signed-in', send: () => ({ body: { locale: 'zh-CN' } }) },
    // Sent from the caller's own session, which a change of password keeps.
    'POST /api/v1/auth/password': { may: 'signed-in', ok: 204, send: () => ({ body: { currentPassword: testPassword, newPassword: testPassword } }) },
    'GET /api/v1/imports/{id}': { may: 'signed-in', record: 'importJob', expected: (caller) => [caller ? 404 : 401] },

    // The org tree and the users: admins change them within their subtree.
    'GET /api/v1/orgs': { may: 'signed-in' },
    'GET /api/v1/orgs/tree': { may: 'signed-in' },
    'POST /api/v1/orgs': { may: admins, namesOrg: true, ok: 201, send: (t) => ({ body: { name: name(t, '学会'), type: 'society', parentId: t.county.id } }) },
    'GET /api/v1/orgs/{id}': { may: 'signed-in', record: 'org' },
    'PATCH /api/v1/orgs/{id}': { may: admins, record: 'org', send: () => ({ body: { foundedOn: '2001-05-30' } }) },
    'POST /api/v1/orgs/{id}/move': { may: admins, record: 'org', consumes: true, send: (t) => ({ body: { parentId: t.county.societyId } }) },
    'GET /api/v1/orgs/excel/template': { may: 'signed-in', blank: true },
    'POST /api/v1/orgs/excel/import': { may: admins, send: () => xlsx(templates.orgs) },
    'GET /api/v1/orgs/excel/export': { may: 'signed-in' },
    'GET /api/v1/users': { may: admins },
    'POST /api/v1/users': {
      may: admins,
      namesOrg: true,
      ok: 201,
      send: (t) => ({ body: { username: `u${world.unique()}`, displayName: name(t, '用户'), password: 'Matrix-pass-1', orgId: t.county.id, roles: ['viewer'] } }),
    },
    'GET /api/v1/users/{id}': { may: admins, record: 'user' },
    'PATCH /api/v1/users/{id}': { may: admins, record: 'user', send: (t) => ({ body: { displayName: `${t.county.marker}用户` } }) },
    'POST /api/v1/users/{id}/password': { may: admins, record: 'user', send: () => ({ body: { password: 'Matrix-pass-2' } }) },
    'POST /api/v1/users/{id}/revoke-sessions': { may: admins, record: 'user' },
    'GET /api/v1/users/excel/export': { may: admins },
    'GET /api/v1/audit': { may: admins },

    // The media library: everyone reads their scope's, reporters add evidence photos.
    'POST /api/v1/media': { may: imageUploaders, ok: 201, send: (t) => multipart(`${name(t, '照片')}.png`) },
    'GET /api/v1/media': { may: 'signed-in' },
    'GET /api/v1/media/{id}': { may: 'signed-in', record: 'media' },
    'PATCH /api/v1/media/{id}': { may: contentDesk, record: 'media', send: () => ({ body: { alt: '科普活动现场' } }) },
    'DELETE /api/v1/media/{id}': { may: contentDesk, record: 'media', consumes: true, ok: 204 },

    // The portal's columns and review chain are the city's; admins shape them.
    'GET /api/v1/columns': { may: 'signed-in' },
    'POST /api/v1/columns': { may: 'city-admin', ok: 201, send: () => ({ body: { name: `栏目${world.unique()}`, slug: `matrix-${world.unique()}` } }) },
    'PATCH /api/v1/columns/{id}': { may: 'city-admin', record: 'column', send: () => ({ body: { description: '科普资讯' } }) },
    'DELETE /api/v1/columns/{id}': { may: 'city-admin', record: 'column', consumes: true, ok: 204 },
    'GET /api/v1/review-levels': { may: contentReaders },
    'PUT /api/v1/review-levels': { may: 'city-admin', send: () => ({ body: { names: ['初审', '复审', '终审'] } }) },
    'GET /api/v1/site-settings': { may: 'city-admin' },
    'PUT /api/v1/site-settings': {
      may: 'city-admin',
      send: async () => {
        const settings = (await world.cityAdmin.get('/api/v1/site-settings')).json();
        const fields = ['siteName', 'logoMediaId', 'footerText', 'sponsor', 'address', 'phone', 'icpNumber', 'publicSecurityNumber', 'copyrightHolder'];
        return { body: Object.fromEntries(fields.map((field) => [field, settings[field]])) };
      },
    },

    // Articles: the content desk writes, reviewers decide, all three read.
    'GET /api/v1/articles': { may: contentReaders },
    'POST /api/v1/articles': { may: contentDesk, ok: 201, send: (t) => ({ body: { title: name(t, '文章'), columnIds: [world.columnId], bodyHtml: '<p>正文</p>' } }) },
    'GET /api/v1/articles/{id}': { may: contentReaders, record: 'article' },
    'PUT /api/v1/articles/{id}': {
      may: contentDesk,
      record: 'article',
      send: async (t) => {
        const article = await current(t, `/api/v1/articles/${t.record.id}`);
        return { body: { ...editableFieldsOf(article), baseRevision: article.revision } };
      },
    },
    'POST /api/v1/articles/{id}/submit': { may: contentDesk, record: 'article', consumes: true },
    'POST /api/v1/articles/{id}/recall': { may: contentDesk, record: 'articleInReview', consumes: true },
    'POST /api/v1/articles/{id}/approve': { may: ['reviewer'], record: 'articleInReview', consumes: true, send: () => ({ body: {} }) },
    'POST /api/v1/articles/{id}/return': { may: ['reviewer'], record: 'articleInReview', consumes: true, send: () => ({ body: { reason: '请补充活动照片' } }) },
    'POST /api/v1/articles/{id}/withdraw': { may: contentDesk, record: 'articlePublished', consumes: true, send: () => ({ body: { reason: '活动延期' } }) },
    'GET /api/v1/articles/{id}/reviews': { may: contentReaders, record: 'article' },
    'GET /api/v1/articles/{id}/revisions': { may: contentReaders, record: 'article' },
    'GET /api/v1/articles/{id}/revisions/diff': { may: contentReaders, record: 'article', send: () => ({ query: 'from=1&to=2' }) },
    'GET /api/v1/articles/{id}/revisions/{number}': { may: contentReaders, record: 'article' },
    'POST /api/v1/articles/{id}/revisions/{number}/restore': { may: contentDesk, record: 'article' },

    // Activities: reporters record, the level above verifies, admins keep the vocabularies.
    'GET /api/v1/activities': { may: 'signed-in' },
    'POST /api/v1/activities': { may: recordKeepers, namesOrg: true, ok: 201, send: (t) => ({ body: world.bodies.activity(t.county, name(t, '活动')) }) },
    'GET /api/v1/activities/figures': { may: 'signed-in', namesOrg: true, send: (t) => ({ query: `year=2024&orgId=${t.county.id}` }) },
    'GET /api/v1/activities/{id}': { may: 'signed-in', record: 'activity' },
    'PUT /api/v1/activities/{id}': { may: recordKeepers, record: 'activity', send: (t) => ({ body: world.bodies.activity(t.county, name(t, '活动')) }) },
    'DELETE /api/v1/activities/{id}': { may: recordKeepers, record: 'activity', consumes: true, ok: 204 },
    'POST /api/v1/activities/{id}/verify': { may: verifiers, record: 'activity', consumes: true },
    'POST /api/v1/activities/{id}/return': { may: verifiers, record: 'activity', consumes: true, send: () => ({ body: { reason: '请补充参与人数依据' } }) },
    'GET /api/v1/activity-types': { may: 'signed-in' },
    'POST /api/v1/activity-types': { may: 'city-admin', ok: 201, send: () => ({ body: { name: `类型${world.unique()}`, unit: '场' } }) },
    'PATCH /api/v1/activity-types/{id}': { may: 'city-admin', send: () => ({ params: { id: world.activityTypeId }, body: { active: true } }) },
    'GET /api/v1/activity-campaigns': { may: 'signed-in' },
    'POST /api/v1/activity-campaigns': { may: 'city-admin', ok: 201, send: () => ({ body: { name: `主题${world.unique()}` } }) },
    'PATCH /api/v1/activity-campaigns/{id}': { may: 'city-admin', send: () => ({ params: { id: world.campaignId }, body: { active: true } }) },
    'GET /api/v1/activities/excel/template': { may: 'signed-in', blank: true },
    'POST /api/v1/activities/excel/import': { may: recordKeepers, send: () => xlsx(templates.activities) },
    'GET /api/v1/activities/excel/export': { may: 'signed-in' },

    // Venues and their figures, caravans, touring shows: kept by the county that runs them.
    'GET /api/v1/venues': { may: 'signed-in' },
    'POST /api/v1/venues': { may: recordKeepers, namesOrg: true, ok: 201, send: (t) => ({ body: world.bodies.venue(t.county, name(t, '科技馆')) }) },
    'GET /api/v1/venues/figures': { may: 'signed-in', namesOrg: true, send: (t) => ({ query: `year=2024&orgId=${t.county.id}` }) },
    'GET /api/v1/venues/{id}': { may: 'signed-in', record: 'venue' },
    'PUT /api/v1/venues/{id}': { may: recordKeepers, record: 'venue', send: (t) => ({ body: world.bodies.venue(t.county, name(t, '科技馆')) }) },
    'DELETE /api/v1/venues/{id}': { may: recordKeepers, record: 'venue', consumes: true, ok: 204 },
    'GET /api/v1/venues/{id}/visits': { may: 'signed-in', record: 'visit' },
    'POST /api/v1/venues/{id}/visits': { may: recordKeepers, record: 'venue', ok: 201, send: () => ({ body: { date: pastDate(), individualVisitors: 50 } }) },
    'PUT /api/v1/venues/{id}/visits/{visitId}': { may: recordKeepers, record: 'visit', send: () => ({ body: { date: '2024-05-18', individualVisitors: 130 } }) },
    'DELETE /api/v1/venues/{id}/visits/{visitId}': { may: recordKeepers, record: 'visit', consumes: true, ok: 204 },
    'GET /api/v1/venues/{id}/outreach': { may: 'signed-in', record: 'outreach' },
    'POST /api/v1/venues/{id}/outreach': { may: recordKeepers, record: 'venue', ok: 201, send: (t) => ({ body: world.bodies.outreach(t.county, name(t, '小学')) }) },
    'PUT /api/v1/venues/{id}/outreach/{outreachId}': { may: recordKeepers, record: 'outreach', send: (t) => ({ body: world.bodies.outreach(t.county, name(t, '小学')) }) },
    'DELETE /api/v1/venues/{id}/outreach/{outreachId}': { may: recordKeepers, record: 'outreach', consumes: true, ok: 204 },
    'GET /api/v1/venues/excel/visits/template': { may: 'signed-in', blank: true },
    'POST /api/v1/venues/excel/visits/import': { may: recordKeepers, send: () => xlsx(templates.visits) },
    'GET /api/v1/caravans': { may: 'signed-in' },
    'POST /api/v1/caravans': { may: recordKeepers, namesOrg: true, ok: 201, send: (t) => ({ body: { name: name(t, '大篷车'), ownerOrgId: t.county.id } }) },
    'GET /api/v1/caravans/{id}': { may: 'signed-in', record: 'caravan' },
    'PUT /api/v1/caravans/{id}': { may: recordKeepers, record: 'caravan', send: (t) => ({ body: { name: name(t, '大篷车'), ownerOrgId: t.county.id } }) },
    'DELETE /api/v1/caravans/{id}': { may: recordKeepers, record: 'caravan', consumes: true, ok: 204 },
    'GET /api/v1/caravans/{id}/trips': { may: 'signed-in', record: 'trip' },
    'POST /api/v1/caravans/{id}/trips': { may: recordKeepers, record: 'caravan', ok: 201, send: (t) => ({ body: world.bodies.trip(t.county, name(t, '小学')) }) },
    'PUT /api/v1/caravans/{id}/trips/{tripId}': { may: recordKeepers, record: 'trip', send: (t) => ({ body: world.bodies.trip(t.county, name(t, '小学')) }) },
    'DELETE /api/v1/caravans/{id}/trips/{tripId}': { may: recordKeepers, record: 'trip', consumes: true, ok: 204 },
    'GET /api/v1/caravans/excel/trips/template': { may: 'signed-in', blank: true },
    'POST /api/v1/caravans/excel/trips/import': { may: recordKeepers, send: () => xlsx(templates.trips) },
    'GET /api/v1/touring-shows': { may: 'signed-in' },
    'POST /api/v1/touring-shows': { may: recordKeepers, namesOrg: true, ok: 201, send: (t) => ({ body: { name: name(t, '巡展'), ownerOrgId: t.county.id } }) },
    'GET /api/v1/touring-shows/{id}': { may: 'signed-in', record: 'show' },
    'PUT /api/v1/touring-shows/{id}': { may: recordKeepers, record: 'show', send: (t) => ({ body: { name: name(t, '巡展'), ownerOrgId: t.county.id } }) },
    'DELETE /api/v1/touring-shows/{id}': { may: recordKeepers, record: 'show', consumes: true, ok: 204 },
    'GET /api/v1/touring-shows/{id}/stops': { may: 'signed-in', record: 'stop' },
    'POST /api/v1/touring-shows/{id}/stops': { may: recordKeepers, record: 'show', ok: 201, send: (t) => ({ body: world.bodies.stop(t.county, name(t, '广场')) }) },
    'PUT /api/v1/touring-shows/{id}/stops/{stopId}': { may: recordKeepers, record: 'stop', send: (t) => ({ body: world.bodies.stop(t.county, name(t, '广场')) }) },
    'DELETE /api/v1/touring-shows/{id}/stops/{stopId}': { may: recordKeepers, record: 'stop', consumes: true, ok: 204 },

    // Group bookings: staff of the venue's county handle the public's bookings.
    'GET /api/v1/venues/{id}/slots': { may: 'signed-in', record: 'venue' },
    'POST /api/v1/venues/{id}/slots/generate': {
      may: recordKeepers,
      record: 'venue',
      send: () => {
        const date = futureDate();
        return { body: { from: date, to: date, weekdays: [1, 2, 3, 4, 5, 6, 7], times: [{ start: '14:00', end: '16:00' }], capacity: 40 } };
      },
    },
    'PATCH /api/v1/booking-slots/{id}': { may: recordKeepers, record: 'slot', send: () => ({ body: { status: 'open' } }) },
    'GET /api/v1/bookings': { may: 'signed-in' },
    'POST /api/v1/bookings/{id}/confirm': { may: recordKeepers, record: 'booking', consumes: true },
    'POST /api/v1/bookings/{id}/refuse': { may: recordKeepers, record: 'booking', consumes: true, send: () => ({ body: { reason: '当天场馆检修' } }) },
    'POST /api/v1/bookings/{id}/attendance': { may: recordKeepers, record: 'bookingConfirmedToday', send: () => ({ body: { attended: true, people: 9 } }) },

    // Annual reviews: the content desk writes them, reviewers read them.
    'GET /api/v1/annual-reviews': { may: contentReaders },
    'POST /api/v1/annual-reviews': { may: contentDesk, namesOrg: true, ok: 201, send: (t) => ({ body: { year: world.uniqueYear(), orgId: t.county.societyId } }) },
    'GET /api/v1/annual-reviews/{id}': { may: contentReaders, record: 'review' },
    'PUT /api/v1/annual-reviews/{id}': {
      may: contentDesk,
      record: 'review',
      send: async (t) => {
        const review = await current(t, `/api/v1/annual-reviews/${t.record.id}`);
        return { body: { document: review.document, baseRevision: review.revision } };
      },
    },
    'POST /api/v1/annual-reviews/{id}/refresh': {
      may: contentDesk,
      record: 'review',
      send: async (t) => ({ body: { baseRevision: (await current(t, `/api/v1/annual-reviews/${t.record.id}`)).revision } }),
    },
    'POST /api/v1/annual-reviews/{id}/publish': {
      may: contentDesk,
      record: 'review',
      consumes: true,
      send: async (t) => ({ body: { columnId: world.columnId, isFocus: false, baseRevision: (await current(t, `/api/v1/annual-reviews/${t.record.id}`)).revision } }),
    },
    'GET /api/v1/annual-reviews/{id}/export': { may: contentReaders, record: 'review', send: () => ({ query: 'format=md' }) },

    // Figures: every signed-in member of staff, for their own subtree.
    'GET /api/v1/stats/indicators': { may: 'signed-in' },
    'GET /api/v1/stats/values': { may: 'signed-in', namesOrg: true, send: (t) => ({ query: `year=2024&orgId=${t.county.id}` }) },
    'GET /api/v1/stats/breakdown': { may: 'signed-in', namesOrg: true, send: (t) => ({ query: `year=2024&orgId=${t.county.id}&code=${indicatorCode}&dimension=month` }) },
    'GET /api/v1/stats/breakdown.xlsx': { may: 'signed-in', namesOrg: true, send: (t) => ({ query: `year=2024&orgId=${t.county.id}&code=${indicatorCode}&dimension=month` }) },
    'GET /api/v1/reports/statistical-return.xlsx': { may: 'signed-in', namesOrg: true, send: (t) => ({ query: `year=2024&orgId=${t.county.id}` }) },
  };

  /** A second session of the caller, for requests that end or replace the one they use. */
  async function sessionOf(caller: Caller): Promise<TestClient> {
    const client = world.kexie.client();
    await client.login(caller.client.username, testPassword);
    return client;
  }

  function multipart(fileName: string): Sent {
    const { payload, headers } = multipartFile('file', fileName, png);
    return { body: payload, headers };
  }

  const isScoped = (rule: Rule) => (rule.record !== undefined && rule.record !== 'column') || rule.namesOrg === true;

  /** The statuses the table allows for this caller and relation. */
  function expectedStatuses(rule: Rule, caller: Caller | undefined, relation: Relation): number[] {
    if (rule.expected) return rule.expected(caller);
    const ok = rule.ok ?? 200;
    if (rule.may === 'public') return [ok];
    if (!caller) return [401];
    const roleMay =
      rule.may === 'signed-in' || (rule.may === 'city-admin' ? caller.county === 'city' && caller.role === 'admin' : rule.may.includes(caller.role));
    const outOfScope = relation === 'other' && isScoped(rule);
    // A role refused outright may meet the scope first: either way it learns nothing.
    if (!roleMay) return outOfScope ? [403, 404] : [403];
    return [outOfScope ? 404 : ok];
  }

  /** The audit log's size after the last refused request; unknown once an allowed one may have written. */
  let auditSize: number | undefined;
  const auditCount = async () => Number((await world.kexie.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  const isErrorBody = (text: string) => {
    try {
      const body = JSON.parse(text);
      return typeof body?.error?.code === 'string' && typeof body.error.message === 'string';
    } catch {
      return false;
    }
  };

  /**
   * The counties whose records a caller's requests name, and how each stands
   * to the caller: a county's staff ask about their own and their neighbour's;
   * the city association holds both; the anonymous ask about one.
   */
  function targetsOf(rule: Rule, caller: Caller | undefined): [CountyKey, Relation][] {
    if (!caller) return [['fangcheng', 'own']];
    if (caller.county === 'city') return isScoped(rule) ? countyKeys.map((key) => [key, 'own']) : [['fangcheng', 'own']];
    return isScoped(rule) ? [[caller.county, 'own'], [otherCounty(caller.county), 'other']] : [[caller.county, 'own']];
  }

  /** A request of the matrix as a rule makes it: on a new record when it may use one up. */
  async function requestFor(operation: Operation, rule: Rule, caller: Caller | undefined, county: County, permitted: boolean) {
    const record = rule.record ? (rule.consumes && permitted ? await world.build(rule.record, county.key) : county.records[rule.record]) : { id: '' };
    const sent = (await rule.send?.({ county, caller, record })) ?? {};
    const params: Record<string, string> = { ...record, ...sent.params };
    const path = operation.path.replace(/\{(\w+)\}/g, (_, param: string) => encodeURIComponent(params[param] ?? `missing-${param}`));
    return {
      url: sent.query ? `${path}?${sent.query}` : path,
      body: sent.body,
      headers: sent.headers ?? {},
      client: sent.client ?? caller?.client ?? world.kexie.client(),
    };
  }

  /** One request of the matrix, checked; the problems found, as sentences. */
  async function probe(operation: Operation, rule: Rule, caller: Caller | undefined, targetCounty: CountyKey, relation: Relation): Promise<string[]> {
    const expected = expectedStatuses(rule, caller, relation);
    const permitted = expected.every((status) => status < 300);
    const { url, body, headers, client } = await requestFor(operation, rule, caller, world.counties[targetCounty], permitted);

    const auditBefore = permitted ? 0 : (auditSize ?? (await auditCount()));
    const response: LightMyRequestResponse = await client.request(operation.method, url, body, headers);
    const who = caller ? `${caller.county} ${caller.role}` : 'anonymous';
    const request = `${who} → ${operation.method} ${url} (${targetCounty}, ${relation})`;
    const problems: string[] = [];
    if (!expected.includes(response.statusCode)) problems.push(`${request}: ${response.statusCode}, expected ${expected.join(' or ')} — ${response.body.slice(0, 300)}`);
    if (permitted) {
      // Whatever an allowed answer holds, nothing in it belongs to a county caller's neighbour.
      if (caller && caller.county !== 'city' && !rule.blank) {
        const neighbour = world.counties[otherCounty(caller.county)].marker;
        if ((await readableText(response)).includes(neighbour)) problems.push(`${request}: the answer shows ${neighbour}'s records`);
      }
    } else {
      if (!isErrorBody(response.body)) problems.push(`${request}: a refusal not in the error shape — ${response.body.slice(0, 200)}`);
      for (const key of countyKeys) if (response.body.includes(world.counties[key].marker)) problems.push(`${request}: the refusal shows ${key}'s records`);
      auditSize = await auditCount();
      if (auditSize !== auditBefore) problems.push(`${request}: refused, yet something was written`);
    }
    if (permitted) auditSize = undefined;
    return problems;
  }

  it('has an entry for every route of the OpenAPI document, and none for a route that is gone', () => {
    const documented = operations.map(describeOperation).sort();
    expect(documented.filter((key) => !(key in matrix)), 'routes missing from the matrix').toEqual([]);
    expect(Object.keys(matrix).filter((key) => !documented.includes(key)), 'matrix entries for routes that no longer exist').toEqual([]);
  });

  it('answers every route as the matrix says for every role, in the own county and the other, and nobody signed in', { timeout: 180_000 }, async () => {
    const problems: string[] = [];
    let requests = 0;
    for (const operation of operations) {
      const rule = matrix[describeOperation(operation)];
      if (!rule) continue;
      const callersRequests = async (caller: Caller | undefined) => {
        for (const [county, relation] of targetsOf(rule, caller)) {
          problems.push(...(await probe(operation, rule, caller, county, relation)));
          requests++;
        }
      };
      const callers = [undefined, ...world.callers];
      // Reads change nothing, so the callers ask at once; writes go one after another, each on the state the last left.
      if (operation.method === 'GET') await Promise.all(callers.map(callersRequests));
      else for (const caller of callers) await callersRequests(caller);
    }
    expect(problems, `${problems.length} problems, the first:\n${problems.slice(0, 40).join('\n')}`).toEqual([]);
    expect(requests).toBeGreaterThan(operations.length * world.callers.length);
  });

  // media.test.ts walks traversal under /media/images and /media/download; these are the other places a path picks a file.
  it('serves no file it did not store or build, whatever the path: portal assets, the console, attachment downloads', async () => {
    const owner = world.owners.fangcheng;
    const { payload, headers } = multipartFile('file', '工作报告.pdf', Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'));
    const pdf = (await owner.post('/api/v1/media', payload, headers)).json();
    // Files beside and above the served folders: the project's manifest, the system's users, source code, the console's build stamp.
    const buildStamp = path.join(adminDistDir, '.source-hash');
    const secrets = [fs.readFileSync('package.json', 'utf8').slice(0, 60), 'root:x:0:0', 'import { defineMessages }', fs.existsSync(buildStamp) ? fs.readFileSync(buildStamp, 'utf8').trim() : ''].filter(Boolean);
    const climbs = ['../', '..%2f', '%2e%2e/', '%2e%2e%2f', '..%5c', '....//', '..;/'];
    const targets = ['package.json', 'etc/passwd', 'src/modules/orgs/org.messages.ts'];
    const prefixes = ['/portal-assets/', '/admin/', '/admin/assets/', `/media/download/${pdf.id}/`, '/media/download/'];
    const urls = [
      ...prefixes.flatMap((prefix) => climbs.flatMap((climb) => targets.map((target) => `${prefix}${climb.repeat(6)}${target}`))),
      ...prefixes.map((prefix) => `${prefix}%2Fetc%2Fpasswd`),
      '/admin/.source-hash', '/admin/assets/.source-hash', '/portal-assets/portal.css', '/portal-assets/.%2e/portal.assets.ts', '/admin//etc/passwd',
    ];
    const problems: string[] = [];
    for (const url of urls) {
      const response = await world.kexie.client().get(url);
      if (response.statusCode >= 500) problems.push(`${url}: ${response.statusCode}`);
      const leaked = secrets.filter((secret) => response.body.includes(secret));
      if (leaked.length > 0) problems.push(`${url}: ${response.statusCode} sent ${leaked.join(', ')}`);
      // A download sends the item's own bytes whatever name the address carries.
      if (url.startsWith(`/media/download/${pdf.id}/`) && response.statusCode === 200 && !response.body.startsWith('%PDF-1.4')) problems.push(`${url}: not the attachment`);
    }
    expect(problems).toEqual([]);
  });

  // auth.test.ts shows one write refused without its token; here every unsafe route is, for the one caller allowed everything.
  it('refuses every unsafe route without the CSRF token, or with a wrong one, before it changes anything', { timeout: 60_000 }, async () => {
    const cityAdmin = world.callers.find((caller) => caller.county === 'city')!;
    const unsafe = operations.filter((operation) => operation.method !== 'GET' && !operation.isPublic);
    const problems: string[] = [];
    for (const operation of unsafe) {
      const rule = matrix[describeOperation(operation)]!;
      for (const token of ['', 'x'.repeat(43)]) {
        const { url, body, headers, client } = await requestFor(operation, rule, cityAdmin, world.counties.fangcheng, false);
        const auditBefore = await auditCount();
        const response = await client.request(operation.method, url, body, { ...headers, 'x-csrf-token': token });
        const code = isErrorBody(response.body) ? JSON.parse(response.body).error.code : undefined;
        if (response.statusCode !== 403 || code !== 'CSRF_TOKEN_INVALID') problems.push(`${operation.method} ${url} with token "${token}": ${response.statusCode} ${response.body.slice(0, 200)}`);
        if ((await auditCount()) !== auditBefore) problems.push(`${operation.method} ${url}: written without a valid token`);
      }
    }
    expect(unsafe.length).toBeGreaterThan(50);
    expect(problems).toEqual([]);
  });
});
