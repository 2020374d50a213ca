import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chooseEncoding, matchesEtag, PageCache, preparePage, SharedRenders } from './page-cache.ts';

const page = (body: string, tags: string[]) => preparePage({ status: 200, contentType: 'text/html; charset=utf-8', body, headers: {}, tags });

describe('preparePage', () => {
  it('keeps gzip and brotli bodies that decompress to the page', async () => {
    const ready = await page('<p>南阳市科协</p>'.repeat(100), []);
    expect(zlib.gunzipSync(ready.bodies.gzip).toString()).toBe(ready.bodies.identity.toString());
    expect(zlib.brotliDecompressSync(ready.bodies.br).toString()).toBe(ready.bodies.identity.toString());
    expect(ready.headers.br['content-encoding']).toBe('br');
    expect(ready.headers.identity['content-encoding']).toBeUndefined();
  });

  it('gives the same page the same ETag and a different page another', async () => {
    expect((await page('a', [])).etag).toBe((await page('a', [])).etag);
    expect((await page('a', [])).etag).not.toBe((await page('b', [])).etag);
  });
});

describe('PageCache', () => {
  it('drops exactly the pages carrying an invalidated tag', async () => {
    const cache = new PageCache(1e6);
    cache.store('/a', cache.ticket(), await page('a', ['article:1', 'home']));
    cache.store('/b', cache.ticket(), await page('b', ['article:2']));
    expect(cache.invalidate(['article:1'])).toBe(1);
    expect(cache.get('/a')).toBeUndefined();
    expect(cache.get('/b')).toBeDefined();
  });

  it('refuses a page rendered before an invalidation that happened while it rendered', async () => {
    const cache = new PageCache(1e6);
    const ticket = cache.ticket();
    cache.invalidate(['home']);
    expect(cache.store('/', ticket, await page('old', ['home']))).toBe(false);
    expect(cache.get('/')).toBeUndefined();
  });

  it('evicts the least recently used pages once over its byte budget', async () => {
    const sample = await page('x'.repeat(2000), []);
    const cache = new PageCache(sample.bytes * 2 + 10);
    cache.store('/1', cache.ticket(), sample);
    cache.store('/2', cache.ticket(), await page('y'.repeat(2000), []));
    cache.get('/1');
    cache.store('/3', cache.ticket(), await page('z'.repeat(2000), []));
    expect(cache.get('/2')).toBeUndefined();
    expect(cache.get('/1')).toBeDefined();
    expect(cache.get('/3')).toBeDefined();
    expect(cache.bytes).toBeLessThanOrEqual(cache.maxBytes);
  });

  it('never stores a page larger than the whole budget', async () => {
    const cache = new PageCache(10);
    expect(cache.store('/big', cache.ticket(), await page('x'.repeat(100), []))).toBe(false);
    expect(cache.size).toBe(0);
  });
});

describe('SharedRenders', () => {
  it('renders a page once for requests that miss it at the same time', async () => {
    const renders = new SharedRenders(new PageCache(1e6));
    let count = 0;
    const render = async () => (count++, page('home', ['home']));
    const pages = await Promise.all(Array.from({ length: 5 }, () => renders.get('/', render)));
    expect(count).toBe(1);
    expect(new Set(pages).size).toBe(1);
    await renders.get('/', render);
    expect(count).toBe(2);
  });

  it('starts a new render for a request that arrives after an invalidation, rather than joining an older one', async () => {
    const cache = new PageCache(1e6);
    const renders = new SharedRenders(cache);
    const tickets: number[] = [];
    const render = async (ticket: number) => (tickets.push(ticket), page('home', ['home']));
    const first = renders.get('/', render);
    cache.invalidate(['home']);
    const second = renders.get('/', render);
    await Promise.all([first, second]);
    expect(tickets).toEqual([0, 1]);
  });
});

describe('chooseEncoding', () => {
  it('prefers brotli, then gzip, and honours q=0', () => {
    expect(chooseEncoding('gzip, deflate, br')).toBe('br');
    expect(chooseEncoding('gzip')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding('identity')).toBe('identity');
    expect(chooseEncoding(undefined)).toBe('identity');
  });
});

describe('matchesEtag', () => {
  it('matches weakly, in lists and with *', () => {
    expect(matchesEtag('W/"abc"', 'W/"abc"')).toBe(true);
    expect(matchesEtag('"abc"', 'W/"abc"')).toBe(true);
    expect(matchesEtag('"x", W/"abc"', 'W/"abc"')).toBe(true);
    expect(matchesEtag('*', 'W/"abc"')).toBe(true);
    expect(matchesEtag('"x"', 'W/"abc"')).toBe(false);
  });
});
