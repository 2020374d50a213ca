/**
 * The public portal as readers get it: axe-core (no serious or critical
 * violation) in Chromium and the Nu HTML Checker (no error) on the home,
 * column, article and search pages, in the standard view and in 关怀版, on a
 * phone and a laptop; no console errors, so nothing breaks the content
 * security policy.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import type { Db } from '../../src/database.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { openDatabase } from '../../src/platform/db/connection.ts';
import { migrateToLatest } from '../../src/platform/db/migrator.ts';
import { ensureSeedOrgs } from '../../src/modules/orgs/index.ts';
import { storeMedia } from '../../src/modules/media/index.ts';
import { loadDemoSite } from '../../src/modules/portal/index.ts';
import { cliContext } from '../factories/index.ts';
import { createColumn, createPublishedArticle } from '../factories/content.ts';
import { assertNoSeriousAxeViolations } from './support/axe.ts';
import { launchChromium } from './support/chromium.ts';
import { viewports } from './support/fixtures.ts';
import { watchPage } from './support/page-problems.ts';

let dir: string;
let db: Db;
let app: FastifyInstance;
let baseUrl: string;
let browser: Browser;
const pages: Record<string, string> = {};

/** A demo-like site: the reference columns, focus news with pictures, an article with headings, a picture and an attachment. */
async function buildSite() {
  await ensureSeedOrgs(db);
  await loadDemoSite(db);
  const ctx = await cliContext(db);
  const jpeg = await sharp({ create: { width: 1200, height: 675, channels: 3, background: '#2d5f9a' } }).jpeg().toBuffer();
  const cover = await storeMedia(ctx, { fileName: 'focus.jpg', bytes: jpeg, alt: '座谈会现场' });
  const pdf = await storeMedia(ctx, { fileName: '工作要点.pdf', bytes: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') });
  const names: [string, string, 'list' | 'pictures' | 'page'][] = [
    ['about', '关于科协', 'page'], ['kepu', '科普之家', 'pictures'], ['societies', '学会之家', 'list'], ['party', '党务党建', 'list'],
    ['anti-cult', '反邪教工作', 'list'], ['talent', '人才之家', 'list'], ['youth', '青少年科技教育', 'list'], ['contact', '联系我们', 'page'],
  ];
  const columns = [];
  for (const [i, [slug, name, listStyle]] of names.entries()) columns.push(await createColumn(db, { slug, name, listStyle, position: i, inNav: true, onHome: listStyle !== 'page' }));
  const notices = await createColumn(db, { slug: 'notices', name: '通知公告', position: 20 });
  await createPublishedArticle(db, { title: '南阳市科协简介', columnIds: [columns[0]!.id], bodyHtml: '<p>南阳市科学技术协会是科技工作者的群众组织。</p>' });
  for (const title of ['2024年南阳市“全国科技工作者日”座谈会成功召开', '市领导慰问科技工作者代表', '南阳市科协五届四次全委会议召开', '市科协领导到方城县调研科普工作']) {
    await createPublishedArticle(db, { title, columnIds: [columns[1]!.id], isFocus: true, coverMediaId: cover.id });
  }
  for (let i = 1; i <= 25; i++) await createPublishedArticle(db, { title: `学会动态第${i}期：学术交流更加繁荣`, columnIds: [columns[2]!.id] });
  await createPublishedArticle(db, { title: '关于开展2025年全国科普日活动的通知', columnIds: [notices.id] });
  const body = `<h2>思想引领</h2><p>${'市科协发挥桥梁纽带作用，推动全市科技界和科协系统深入学习贯彻党的二十大精神。'.repeat(8)}</p><h2>服务大局</h2><p>${'围绕南阳优势产业发展，对接争取省科协“会市合作”项目落地南阳。'.repeat(8)}</p>`;
  const article = await createPublishedArticle(db, {
    title: '南阳市科协2024年工作回顾：汇聚科技资源 赋能创新发展',
    subtitle: '科技赋能更加有力，科素水平不断提高',
    author: '信息中心',
    source: '南阳市科协',
    columnIds: [columns[2]!.id],
    coverMediaId: cover.id,
    attachmentIds: [pdf.id],
    tags: ['工作回顾', '科普'],
    bodyHtml: body,
  });
  Object.assign(pages, {
    home: '/',
    'list column': '/columns/societies',
    'pictures column': '/columns/kepu',
    'page column': '/columns/about',
    article: `/articles/${article.id}`,
    search: `/search?q=${encodeURIComponent('科协')}`,
    'search without hits': `/search?q=${encodeURIComponent('没有这样的词')}`,
    'not found': '/no-such-page',
  });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kexie-portal-e2e-'));
  const config = { ...loadConfig({}), mediaDir: path.join(dir, 'media'), sqliteFile: path.join(dir, 'portal.sqlite'), databaseUrl: undefined };
  db = openDatabase<any>(config) as Db;
  await migrateToLatest(db);
  // The app first: it tells the media module where this server keeps its files.
  app = await buildApp({ config, db, logger: false });
  await buildSite();
  baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await db?.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

const modes = [
  { name: 'standard', cookie: undefined },
  { name: '关怀版', cookie: 'kexie_care=1' },
] as const;

describe('portal accessibility (axe-core in Chromium)', () => {
  for (const mode of modes) {
    for (const [size, viewport] of Object.entries(viewports)) {
      it(`has no serious or critical violation and no console error, ${mode.name} on a ${size}`, async () => {
        const context = await browser.newContext({ baseURL: baseUrl, locale: 'zh-CN', viewport });
        if (mode.cookie) await context.addCookies([{ name: 'kexie_care', value: '1', url: baseUrl }]);
        const page = await context.newPage();
        const problems = watchPage(page);
        try {
          for (const [name, url] of Object.entries(pages)) {
            await page.goto(url);
            expect(await page.evaluate(() => document.documentElement.className)).toBe(mode.cookie ? 'care' : '');
            // A phone must not scroll sideways (the focus strip and menu scroll inside themselves).
            expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
            await assertNoSeriousAxeViolations(page, `${name} (${mode.name}, ${size})`);
          }
          if (mode.cookie) {
            const bodySize = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
            expect(bodySize).toBeGreaterThanOrEqual(20);
          }
        } finally {
          const unexpected = problems.unexpected().filter((p) => !p.includes('/no-such-page'));
          await context.close();
          expect(unexpected).toEqual([]);
        }
      });
    }
  }

  it('the care-mode link works with JavaScript off and is remembered', async () => {
    const context = await browser.newContext({ baseURL: baseUrl, javaScriptEnabled: false, viewport: viewports.phone });
    const page = await context.newPage();
    await page.goto(pages['list column']!);
    await page.getByRole('link', { name: /关怀版/ }).click();
    await page.waitForURL(`${baseUrl}/columns/societies`);
    expect(await page.evaluate(() => document.documentElement.className)).toBe('care');
    await page.goto('/');
    expect(await page.evaluate(() => document.documentElement.className)).toBe('care');
    await page.getByRole('link', { name: /标准版/ }).click();
    expect(await page.evaluate(() => document.documentElement.className)).toBe('');
    await context.close();
  });
});

describe('portal markup (Nu HTML Checker)', () => {
  it('reports no error on any page in either mode', async () => {
    const files: string[] = [];
    for (const mode of modes) {
      for (const [name, url] of Object.entries(pages)) {
        const response = await fetch(baseUrl + url, { headers: mode.cookie ? { cookie: mode.cookie } : {} });
        const file = path.join(dir, `${name.replace(/\s+/g, '-')}-${mode.cookie ? 'care' : 'standard'}.html`);
        fs.writeFileSync(file, await response.text());
        files.push(file);
      }
    }
    const vnu = spawnSync('java', ['-jar', 'node_modules/vnu-jar/build/dist/vnu.jar', '--errors-only', '--format', 'json', ...files], { encoding: 'utf8' });
    // A checker that did not run must not pass for one that found nothing: it exits 0 only when it checked every file without error.
    expect(vnu.error, 'the Nu HTML Checker did not start').toBeUndefined();
    expect(vnu.stderr, 'the Nu HTML Checker printed no report').toMatch(/"messages"/);
    const messages = (JSON.parse(vnu.stderr || '{"messages":[]}') as { messages: { url: string; message: string; extract?: string; lastLine?: number }[] }).messages;
    const readable = messages.map((m) => `${path.basename(m.url)}:${m.lastLine ?? '?'} ${m.message} ${m.extract ? `[${m.extract.trim()}]` : ''}`);
    expect(readable).toEqual([]);
  }, 120_000);
});
