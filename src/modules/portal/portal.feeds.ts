import type { Db } from '../../database.ts';
import { listPublicActivitiesForSitemap } from '../activities/index.ts';
import { listPublishedArticles, listPublishedForSitemap, type PublicColumn } from '../content/index.ts';
import { escapeXml } from './html.ts';
import { activitiesTag, columnTag, feedsTag, sitemapTag, articleTag } from './portal.invalidation.ts';
import { activitiesPath, activityPath, articlePath, columnPath, type SiteFrame } from './portal.layout.ts';
import type { RenderedPage } from './portal.pages.ts';

const feedSize = 30;
const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 822 date as RSS 2.0 wants it, in Beijing time: `Thu, 30 May 2024 17:30:00 +0800`. */
export function rfc822Beijing(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]}, ${two(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0800`;
}

/** The whole site's feed, or one column's: the newest published articles with absolute links. */
export async function rssFeed(db: Db, frame: SiteFrame, column?: PublicColumn): Promise<RenderedPage> {
  const { items } = await listPublishedArticles(db, { columnId: column?.id, limit: feedSize });
  const base = frame.baseUrl;
  const names = new Map(frame.columns.map((c) => [c.id, c.name]));
  const title = column ? `${column.name} - ${frame.settings.siteName}` : frame.settings.siteName;
  const link = column ? `${base}${columnPath(column)}` : `${base}/`;
  const self = column ? `${base}${columnPath(column)}/rss.xml` : `${base}/rss.xml`;
  const x = escapeXml;
  const entries = items.map((a) => {
    const url = `${base}${articlePath(a.id)}`;
    const category = names.get(a.columnIds[0] ?? '');
    return `<item>
<title>${x(a.title)}</title>
<link>${x(url)}</link>
<guid isPermaLink="true">${x(url)}</guid>
<pubDate>${rfc822Beijing(a.publishedAt)}</pubDate>
${category ? `<category>${x(category)}</category>\n` : ''}<description>${x(a.summary)}</description>
</item>`;
  });
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${x(title)}</title>
<link>${x(link)}</link>
<description>${x(column?.description || title)}</description>
<language>zh-CN</language>
<atom:link href="${x(self)}" rel="self" type="application/rss+xml"/>
${items[0] ? `<lastBuildDate>${rfc822Beijing(items[0].publishedAt)}</lastBuildDate>\n` : ''}${entries.join('\n')}
</channel>
</rss>
`;
  return { status: 200, body, tags: [feedsTag, ...(column ? [columnTag(column.id)] : []), ...items.map((a) => articleTag(a.id))] };
}

/** Home, every column, every published article, the activity calendar and every public activity (with their last change), and nothing else. */
export async function sitemap(db: Db, frame: SiteFrame): Promise<RenderedPage> {
  const [articles, activities] = await Promise.all([listPublishedForSitemap(db), listPublicActivitiesForSitemap(db)]);
  const base = frame.baseUrl;
  const url = (loc: string, lastmod?: string) => `<url><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`;
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${[
  url(`${base}/`),
  ...frame.columns.map((c) => url(`${base}${columnPath(c)}`)),
  ...articles.map((a) => url(`${base}${articlePath(a.id)}`, a.updatedAt)),
  url(`${base}${activitiesPath}`),
  ...activities.map((a) => url(`${base}${activityPath(a.id)}`, a.updatedAt)),
].join('\n')}
</urlset>
`;
  return { status: 200, body, tags: [sitemapTag, activitiesTag] };
}

/** Crawlers: everything public, nothing of the console, the API or staff previews. */
export function robotsTxt(frame: SiteFrame): RenderedPage {
  const body = `User-agent: *
Disallow: /admin
Disallow: /api
Disallow: /preview
Sitemap: ${frame.baseUrl}/sitemap.xml
`;
  return { status: 200, body, tags: [] };
}
