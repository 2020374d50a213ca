import zlib from 'node:zlib';
import sharp from 'sharp';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKexie, type TestKexie } from '../helpers/test-app.ts';
import { cliContext } from '../factories/index.ts';
import { createColumn, createPublishedArticle } from '../factories/content.ts';
import { createArticle, withdrawArticle, type Column } from '../../src/modules/content/index.ts';
import { storeMedia } from '../../src/modules/media/index.ts';

let kexie: TestKexie;
let news: Column;
let notices: Column;
let about: Column;
let pictures: Column;
let hidden: Column;
let coverId: string;

beforeAll(async () => {
  kexie = await startTestKexie({ publicBaseUrl: 'https://www.example.org' });
  news = await createColumn(kexie.db, { name: '科普之家', slug: 'kepu', position: 2, inNav: true, onHome: true });
  about = await createColumn(kexie.db, { name: '关于科协', slug: 'about', position: 1, inNav: true, listStyle: 'page' });
  notices = await createColumn(kexie.db, { name: '通知公告', slug: 'notices', position: 9, inNav: false });
  pictures = await createColumn(kexie.db, { name: '图片新闻', slug: 'photos', position: 5, inNav: true, listStyle: 'pictures' });
  hidden = await createColumn(kexie.db, { name: '不在导航', slug: 'hidden', position: 6, inNav: false });
  const jpeg = await sharp({ create: { width: 1200, height: 675, channels: 3, background: '#3366aa' } }).jpeg().toBuffer();
  coverId = (await storeMedia(await cliContext(kexie.db), { fileName: 'cover.jpg', bytes: jpeg, alt: '封面' })).id;
});
afterAll(() => kexie.close());

const anonymous = () => kexie.client();

describe('home page', () => {
  it('shows the column menu in order, focus news with pictures, notices and the on-home columns', async () => {
    const focus = await createPublishedArticle(kexie.db, { title: '南阳市科协五届四次全委会议召开', columnIds: [news.id], isFocus: true, coverMediaId: coverId });
    const notice = await createPublishedArticle(kexie.db, { title: '关于举办科普讲解大赛的通知', columnIds: [notices.id] });
    const response = await anonymous().get('/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const body = response.body;
    expect(body).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    const menu = body.slice(body.indexOf('<nav class="site-nav"'), body.indexOf('</nav>', body.indexOf('<nav class="site-nav"')));
    expect(menu.indexOf('关于科协')).toBeLessThan(menu.indexOf('科普之家'));
    expect(menu.indexOf('科普之家')).toBeLessThan(menu.indexOf('图片新闻'));
    expect(menu).not.toContain('不在导航');
    expect(body).toContain('焦点新闻');
    expect(body).toMatch(new RegExp(`<ul class="focus-strip"><li><a href="/articles/${focus.id}"><figure><picture>`));
    expect(body).toContain(`<a href="/articles/${notice.id}">关于举办科普讲解大赛的通知</a>`);
    expect(body).toContain('<h2 id="column-heading-0">科普之家</h2>');
    expect(body).toContain('<link rel="canonical" href="https://www.example.org/">');
    expect(body).toContain('<link rel="alternate" type="application/rss+xml"');
    expect(body).toContain('href="/care-mode?on=1&amp;back=%2F"');
    expect(body).not.toMatch(/<script|style=/);
  });

  it('carries the security headers, with no unsafe-inline', async () => {
    const { headers } = await anonymous().get('/');
    expect(headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });
});

describe('column pages', () => {
  it('list with dates, breadcrumbs and numbered pagination', async () => {
    const column = await createColumn(kexie.db, { name: '学会之家', slug: 'societies', inNav: true });
    for (let i = 0; i < 21; i++) await createPublishedArticle(kexie.db, { title: `学会动态${i}`, columnIds: [column.id] });
    const first = await anonymous().get('/columns/societies');
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('<nav class="breadcrumbs" aria-label="当前位置"><ol>\n<li><a href="/">首页</a></li><li aria-current="page">学会之家</li>');
    expect(first.body).toMatch(/<time datetime="[^"]+">\d{4}-\d{2}-\d{2}<\/time>/);
    expect(first.body).toContain('<span class="disabled">上一页</span>');
    expect(first.body).toContain('<a href="/columns/societies?page=2" rel="next">下一页</a>');
    expect(first.body).toContain('学会动态20');
    const second = await anonymous().get('/columns/societies?page=2');
    expect(second.body).toContain('学会动态0');
    expect(second.body).not.toContain('学会动态20<');
    expect(second.body).toContain('<a href="/columns/societies" rel="prev">上一页</a>');
    expect((await anonymous().get('/columns/societies?page=3')).statusCode).toBe(404);
    expect((await anonymous().get('/columns/societies?page=abc')).statusCode).toBe(200);
  });

  it('a pictures column shows cards with covers', async () => {
    await createPublishedArticle(kexie.db, { title: '科技馆新展厅开放', columnIds: [pictures.id], coverMediaId: coverId });
    const body = (await anonymous().get('/columns/photos')).body;
    expect(body).toMatch(/<ul class="cards"><li><a href="\/articles\/[^"]+"><figure><picture>/);
  });

  it('a single-page column shows its newest article in full', async () => {
    await createPublishedArticle(kexie.db, { title: '南阳市科协简介', columnIds: [about.id], bodyHtml: '<p>南阳市科学技术协会是……</p>' });
    const body = (await anonymous().get('/columns/about')).body;
    expect(body).toContain('<h1 id="article-title">南阳市科协简介</h1>');
    expect(body).toContain('<p>南阳市科学技术协会是……</p>');
  });

  it('an unknown column is the 404 page', async () => {
    const response = await anonymous().get('/columns/no-such-column');
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('页面不存在');
  });
});

describe('article page', () => {
  it('shows title, meta line with the three reviewers, body, attachments, tags, neighbours and Open Graph', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const attachment = await storeMedia(await cliContext(kexie.db), { fileName: '申报通知.pdf', bytes: pdf });
    const column = await createColumn(kexie.db, { name: '人才之家', slug: 'talent' });
    const older = await createPublishedArticle(kexie.db, { title: '较早的文章', columnIds: [column.id] });
    const article = await createPublishedArticle(kexie.db, {
      title: '2024年南阳市“全国科技工作者日”座谈会成功召开',
      subtitle: '市领导慰问科技工作者代表',
      author: '张三',
      source: '南阳市科协',
      columnIds: [column.id],
      coverMediaId: coverId,
      attachmentIds: [attachment.id],
      tags: ['科技工作者日'],
      bodyHtml: '<h2>思想引领</h2><p>不断巩固党在科技界的执政基础 <b>&lt;b&gt;</b></p>',
    });
    const response = await anonymous().get(`/articles/${article.id}`);
    expect(response.statusCode).toBe(200);
    const body = response.body;
    expect(body).toContain('<h1 id="article-title">2024年南阳市“全国科技工作者日”座谈会成功召开</h1>');
    expect(body).toContain('<p class="subtitle">市领导慰问科技工作者代表</p>');
    expect(body).toContain('<dt>来源</dt><dd>南阳市科协</dd>');
    expect(body).toContain('<dt>作者</dt><dd>张三</dd>');
    expect(body).toContain('<dt>初审</dt><dd>初审员</dd>');
    expect(body).toContain('<dt>复审</dt><dd>复审员</dd>');
    expect(body).toContain('<dt>终审</dt><dd>终审员</dd>');
    expect(body).toContain('<h2>思想引领</h2>');
    expect(body).toContain('申报通知.pdf</a><span class="file-meta">PDF · ');
    expect(body).toContain('<li>科技工作者日</li>');
    expect(body).toContain(`下一篇：<a href="/articles/${older.id}" rel="next">较早的文章</a>`);
    expect(body).toContain('<meta property="og:type" content="article">');
    expect(body).toMatch(/<meta property="og:image" content="https:\/\/www\.example\.org\/media\/[^"]+">/);
    expect(body).toContain(`<link rel="canonical" href="https://www.example.org/articles/${article.id}">`);
    expect(body).toContain('<a href="/columns/talent">人才之家</a>');
  });

  it('answers 404 for an unknown id and for a draft', async () => {
    expect((await anonymous().get('/articles/0190f000-0000-7000-8000-000000000000')).statusCode).toBe(404);
    const draft = await createArticle(await cliContext(kexie.db), { title: '草稿不应公开', columnIds: [news.id], bodyHtml: '<p>草稿</p>' });
    const response = await anonymous().get(`/articles/${draft.id}`);
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('页面不存在');
    expect(response.body).not.toContain('草稿不应公开');
  });
});

describe('caching', () => {
  it('answers 304 to a matching If-None-Match and sends stored gzip and brotli bytes', async () => {
    const first = await anonymous().get('/');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"/);
    expect(first.headers['cache-control']).toBe('no-cache');
    const again = await anonymous().get('/', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const gz = await kexie.app.inject({ url: '/', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(first.body);
    const br = await kexie.app.inject({ url: '/', headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(first.body);
  });

  it('a publish shows at once on the home page and its column; a withdrawal removes it from both and from its page', async () => {
    await anonymous().get('/');
    await anonymous().get('/columns/kepu');
    const article = await createPublishedArticle(kexie.db, { title: '新发布的科普文章', columnIds: [news.id] });
    expect((await anonymous().get('/')).body).toContain('新发布的科普文章');
    expect((await anonymous().get('/columns/kepu')).body).toContain('新发布的科普文章');
    expect((await anonymous().get(`/articles/${article.id}`)).statusCode).toBe(200);

    await withdrawArticle(await cliContext(kexie.db), article.id, '测试撤稿');
    expect((await anonymous().get('/')).body).not.toContain('新发布的科普文章');
    expect((await anonymous().get('/columns/kepu')).body).not.toContain('新发布的科普文章');
    expect((await anonymous().get(`/articles/${article.id}`)).statusCode).toBe(404);
  });

  it("a new article updates its new neighbour's 上一篇 link", async () => {
    const column = await createColumn(kexie.db, { name: '青少年科技教育', slug: 'youth' });
    const first = await createPublishedArticle(kexie.db, { title: '第一篇', columnIds: [column.id] });
    expect((await anonymous().get(`/articles/${first.id}`)).body).toContain("上一篇：没有了");
    const second = await createPublishedArticle(kexie.db, { title: '第二篇', columnIds: [column.id] });
    await new Promise((resolve) => setTimeout(resolve, 50)); // the neighbour lookup runs after the commit
    expect((await anonymous().get(`/articles/${first.id}`)).body).toContain(`上一篇：<a href="/articles/${second.id}" rel="prev">第二篇</a>`);
  });

  it('a column change reaches every page showing the menu', async () => {
    await anonymous().get('/columns/kepu');
    await createColumn(kexie.db, { name: '党务党建', slug: 'party', inNav: true, position: 3 });
    expect((await anonymous().get('/columns/kepu')).body).toContain('<a href="/columns/party">党务党建</a>');
  });
});

describe('feeds, sitemap and robots', () => {
  it('the RSS feed parses, with absolute permalinks and dates in +0800', async () => {
    const article = await createPublishedArticle(kexie.db, { title: 'RSS 里的 <文章> & “引号”', columnIds: [news.id] });
    const response = await anonymous().get('/rss.xml');
    expect(response.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    const feed = await new Parser().parseString(response.body);
    const item = feed.items.find((i) => i.link === `https://www.example.org/articles/${article.id}`);
    expect(item).toMatchObject({ title: 'RSS 里的 <文章> & “引号”', guid: `https://www.example.org/articles/${article.id}` });
    expect(item!.pubDate).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0800$/);
    expect(Math.abs(Date.parse(item!.pubDate!) - Date.now())).toBeLessThan(120_000);
    expect(response.body).toContain('<guid isPermaLink="true">');

    // A back-dated article carries its own 发布时间, in Beijing time (in a column of its own: the site feed holds only the newest items).
    const archive = await createColumn(kexie.db, { slug: 'rss-archive' });
    const dated = await createPublishedArticle(kexie.db, { title: '科技工作者日座谈会', columnIds: [archive.id], publishAt: '2024-05-30T02:00:00.000Z' });
    const datedItem = (await new Parser().parseString((await anonymous().get('/columns/rss-archive/rss.xml')).body)).items.find((i) => i.guid === `https://www.example.org/articles/${dated.id}`);
    expect(datedItem!.pubDate).toBe('Thu, 30 May 2024 10:00:00 +0800');
    expect(datedItem!.isoDate).toBe('2024-05-30T02:00:00.000Z');

    const columnFeed = await new Parser().parseString((await anonymous().get('/columns/kepu/rss.xml')).body);
    expect(columnFeed.title).toContain('科普之家');
    expect(columnFeed.items.map((i) => i.title)).toContain('RSS 里的 <文章> & “引号”');
    expect((await anonymous().get('/columns/nothing/rss.xml')).statusCode).toBe(404);
  });

  it('the sitemap lists home, columns and every published article, and no draft', async () => {
    const published = await createPublishedArticle(kexie.db, { title: '已发布', columnIds: [news.id] });
    const draft = await createArticle(await cliContext(kexie.db), { title: '草稿', columnIds: [news.id], bodyHtml: '<p>x</p>' });
    const body = (await anonymous().get('/sitemap.xml')).body;
    expect(body).toContain('<loc>https://www.example.org/</loc>');
    expect(body).toContain('<loc>https://www.example.org/columns/kepu</loc>');
    expect(body).toMatch(new RegExp(`<loc>https://www.example.org/articles/${published.id}</loc><lastmod>\\d{4}-`));
    expect(body).not.toContain(draft.id);
    expect(body).not.toContain('/search');
  });

  it('robots.txt points at the sitemap and keeps crawlers out of the console, the API and previews', async () => {
    const body = (await anonymous().get('/robots.txt')).body;
    expect(body).toContain('Sitemap: https://www.example.org/sitemap.xml');
    for (const path of ['/admin', '/api', '/preview']) expect(body).toContain(`Disallow: ${path}\n`);
  });
});

describe('search page', () => {
  it('lists hits with highlighted words, and a friendly page for an empty query or no hits', async () => {
    await createPublishedArticle(kexie.db, { title: '青少年科技创新大赛获佳绩', columnIds: [news.id] });
    const hits = await anonymous().get('/search?q=' + encodeURIComponent('科技创新'));
    expect(hits.statusCode).toBe(200);
    expect(hits.body).toMatch(/共找到 \d+ 条结果/);
    expect(hits.body).toContain('<mark>');
    const empty = await anonymous().get('/search');
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('请输入要查找的关键词');
    const none = await anonymous().get('/search?q=' + encodeURIComponent('不存在的词语组合') + '&from=2024-13-99');
    expect(none.statusCode).toBe(200);
    expect(none.body).toContain('没有找到与“不存在的词语组合”相关的内容');
    expect(none.body).toContain('日期格式应为');
  });

  it('filters by column', async () => {
    await createPublishedArticle(kexie.db, { title: '反邪教宣传进社区', columnIds: [hidden.id] });
    const inColumn = await anonymous().get(`/search?q=${encodeURIComponent('反邪教')}&column=${hidden.id}`);
    expect(inColumn.body).toContain('共找到 1 条结果');
    const elsewhere = await anonymous().get(`/search?q=${encodeURIComponent('反邪教')}&column=${news.id}`);
    expect(elsewhere.body).toContain('没有找到');
  });
});

describe('care mode', () => {
  it('sets a long-lived cookie, returns to the page, and renders the large-text page', async () => {
    const response = await anonymous().get('/care-mode?on=1&back=%2Fcolumns%2Fkepu%3Fpage%3D1');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/columns/kepu?page=1');
    const cookie = response.cookies.find((c) => c.name === 'kexie_care');
    expect(cookie).toMatchObject({ value: '1', path: '/', httpOnly: true });
    expect(cookie!.maxAge).toBeGreaterThan(300 * 24 * 3600);
    const care = await anonymous().get('/', { cookie: 'kexie_care=1' });
    expect(care.body).toContain('<html lang="zh-CN" class="care">');
    expect(care.body).toContain('href="/care-mode?on=0&amp;back=%2F"');
    expect((await anonymous().get('/')).body).not.toContain('class="care"');
  });

  it('never redirects off the site', async () => {
    for (const back of ['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)']) {
      const response = await anonymous().get(`/care-mode?on=1&back=${encodeURIComponent(back)}`);
      expect(response.headers.location).toBe('/');
    }
  });
});

describe('preview and error pages', () => {
  it('sends a signed-out visitor to the login page', async () => {
    const draft = await createArticle(await cliContext(kexie.db), { title: '待预览', columnIds: [news.id], bodyHtml: '<p>x</p>' });
    const response = await anonymous().get(`/preview/articles/${draft.id}`);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/admin/login');
  });

  it('shows staff the working copy in the public template, never cached nor indexed', async () => {
    const draft = await createArticle(await cliContext(kexie.db), { title: '预览中的稿件', columnIds: [news.id], bodyHtml: '<p>预览正文</p>' });
    const editor = await kexie.signIn(kexie.root.id, ['editor']);
    const response = await editor.get(`/preview/articles/${draft.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-robots-tag']).toBe('noindex');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toContain('<h1 id="article-title">预览中的稿件</h1>');
    expect(response.body).toContain('<div class="article-body"><p>预览正文</p></div>');
    const outsider = await kexie.signIn((await kexie.org('411322')).id, ['editor']);
    expect((await outsider.get(`/preview/articles/${draft.id}`)).statusCode).toBe(404);
  });

  it('answers unknown paths with the Chinese 404 page, but keeps /api errors JSON', async () => {
    const page = await anonymous().get('/no/such/page');
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<h1 id="status-heading">页面不存在</h1>');
    expect(page.body).toContain('<nav class="site-nav"');
    const api = await anonymous().get('/api/v1/no-such-endpoint');
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('serves the stylesheet from a hashed URL cached for a year', async () => {
    const home = (await anonymous().get('/')).body;
    const href = /<link rel="stylesheet" href="([^"]+)">/.exec(home)![1]!;
    expect(href).toMatch(/^\/portal-assets\/portal\.[0-9a-f]{12}\.css$/);
    const css = await anonymous().get(href);
    expect(css.statusCode).toBe(200);
    expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await anonymous().get('/portal-assets/portal.000000000000.css')).statusCode).toBe(404);
  });
});

describe('the cached path', () => {
  it('sends a cached page without touching the database', async () => {
    const isolated = await startTestKexie();
    try {
      const first = await isolated.client().get('/');
      await isolated.db.destroy(); // any query from here on fails
      const again = await isolated.client().get('/');
      expect(again.statusCode).toBe(200);
      expect(again.body).toBe(first.body);
    } finally {
      await isolated.close().catch(() => undefined);
    }
  });
});

describe('server errors on portal pages', () => {
  it('render the Chinese 500 page with the request id when the database fails', async () => {
    const broken = await startTestKexie();
    try {
      await broken.db.destroy();
      const response = await broken.client().get('/columns/anything', { 'x-request-id': 'portal-500-test' });
      expect(response.statusCode).toBe(500);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.body).toContain('<h1 id="status-heading">服务器出错了</h1>');
      expect(response.body).toContain('<span class="request-id">portal-500-test</span>');
      expect(response.body).not.toMatch(/destroyed|Error:/);
    } finally {
      await broken.close().catch(() => undefined);
    }
  });
});
