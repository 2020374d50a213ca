/**
 * The reading side of a load run: members of the public on the portal,
 * each opening the home page, a column, an article and a search in turn,
 * one request after another without pause.
 */
import { HttpClient } from './http-client.ts';
import type { RouteStats } from './route-stats.ts';

/** Words people search the demo site for: two-character words (the hard case for the index) and longer names. */
const searchWords = ['科普', '科协', '南阳', '院士', '科技馆', '青少年', '全国科普日', '科技活动周', '乡村振兴', '学会'];

export interface PortalPages {
  columnPaths: string[];
  articlePaths: string[];
}

/** The columns and articles the home page links to: what a visitor would click. */
export async function discoverPortalPages(baseUrl: string, stats: RouteStats): Promise<PortalPages> {
  const home = await new HttpClient(baseUrl, stats).send('GET / (setup)', 'GET', '/');
  if (home.status !== 200) throw new Error(`the home page answered ${home.status}`);
  const links = (pattern: RegExp) => [...new Set([...home.body.matchAll(pattern)].map((m) => m[1]!))];
  const pages = { columnPaths: links(/href="(\/columns\/[\w-]+)"/g), articlePaths: links(/href="(\/articles\/[\w-]+)"/g) };
  if (pages.columnPaths.length === 0 || pages.articlePaths.length === 0) throw new Error('the home page links to no column or no article: was the demo loaded?');
  return pages;
}

export async function runPortalReaders(baseUrl: string, stats: RouteStats, pages: PortalPages, count: number, stopped: () => boolean): Promise<void> {
  const visits: ((n: number) => [route: string, path: string])[] = [
    () => ['GET /', '/'],
    (n) => ['GET /columns/:slug', pages.columnPaths[n % pages.columnPaths.length]!],
    (n) => ['GET /articles/:id', pages.articlePaths[n % pages.articlePaths.length]!],
    (n) => ['GET /search?q=', `/search?q=${encodeURIComponent(searchWords[n % searchWords.length]!)}`],
  ];
  await Promise.all(
    Array.from({ length: count }, async (_, reader) => {
      const client = new HttpClient(baseUrl, stats);
      for (let n = reader; !stopped(); n++) {
        const [route, path] = visits[n % visits.length]!(Math.floor(n / visits.length));
        await client.send(route, 'GET', path);
      }
    }),
  );
}
