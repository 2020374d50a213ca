import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../database.ts';
import { onPublicActivityChange, publicActivitiesVersion } from '../activities/index.ts';
import { findArticleNeighbours, onContentChange, readContentChangesSince, type ContentChange } from '../content/index.ts';
import type { PageCache } from './page-cache.ts';
import { beijingToday } from './portal.text.ts';
import { onSiteSettingsChange, siteSettingsVersion } from './site.service.ts';

/*
 * Cached pages carry tags naming what they show; a change drops exactly the
 * pages whose tags it names.
 *   article:<id>       any page showing the article: its own page, lists and
 *                      blocks listing it, the pages linking it as 上一篇/下一篇
 *   article-page:<id>  the article's own page only
 *   column:<id>        the column's list pages and feed (where a new article appears)
 *   home, feeds, sitemap, search: the pages of that name
 *   activities         the activity calendar, the home page's 近期活动 and the
 *                      sitemap: whatever lists public activities
 *   activity:<id>      one activity's own page
 *   activity-pages     every activity page, for changes whose activity is not
 *                      known (another process's, or a new day in Beijing)
 * Column and site-settings changes touch the menu or the footer, which every
 * page shows, so they drop everything.
 */
export const articleTag = (id: string) => `article:${id}`;
export const pageOfArticleTag = (id: string) => `article-page:${id}`;
export const columnTag = (id: string) => `column:${id}`;
export const homeTag = 'home';
export const feedsTag = 'feeds';
export const sitemapTag = 'sitemap';
export const searchTag = 'search';
export const activitiesTag = 'activities';
export const activityTag = (id: string) => `activity:${id}`;
export const activityPagesTag = 'activity-pages';

/** The tags an article change drops, before its new neighbours are known. */
export function tagsForArticleChange(articleId: string, columnIds: readonly string[]): string[] {
  return [articleTag(articleId), ...columnIds.map(columnTag), homeTag, feedsTag, sitemapTag, searchTag];
}

/**
 * Applies one change to the cache. The article's new neighbours must change
 * their 上一篇/下一篇 links too; their pages do not carry its tag yet, so they
 * are looked up (after the synchronous drop, so the article's own pages go at once).
 */
export async function applyContentChange(db: Db, cache: PageCache, change: ContentChange): Promise<void> {
  if (change.kind === 'columns') {
    cache.clear();
    return;
  }
  cache.invalidate(tagsForArticleChange(change.articleId, change.columnIds));
  const primary = change.columnIds[0];
  if (!primary) return;
  const { previous, next } = await findArticleNeighbours(db, change.articleId, primary);
  const neighbourPages = [previous, next].filter((n) => n !== null).map((n) => pageOfArticleTag(n.id));
  if (neighbourPages.length) cache.invalidate(neighbourPages);
}

/** Changes are polled with this much overlap: a transaction may commit a little after the time it stamped. */
const overlapMs = 10_000;

/**
 * Keeps the cache in step with the database: at once for changes made in this
 * process, and by polling every `pollMs` for changes other processes make
 * (several servers sharing one PostgreSQL). Returns the stop function.
 */
export function keepCacheFresh(db: Db, cache: PageCache, log: FastifyBaseLogger, pollMs: number): () => void {
  const report = (err: unknown) => log.warn({ err }, 'portal cache invalidation failed');
  const apply = (change: ContentChange) => applyContentChange(db, cache, change).catch(report);
  const stopContent = onContentChange((change) => void apply(change));
  const stopSite = onSiteSettingsChange(() => cache.clear());
  const stopActivities = onPublicActivityChange((id) => cache.invalidate([activitiesTag, activityTag(id)]));

  let since = new Date(Date.now() - overlapMs).toISOString();
  let siteVersion: string | undefined;
  let activitiesVersion: string | undefined;
  // Activity pages say what is upcoming and whether 受益人次 is known yet, so they change with Beijing's date.
  let day = beijingToday();
  /** Change ids already applied, with their times, forgotten once they fall out of the overlap window. */
  const seen = new Map<string, string>();
  let running = false;
  const poll = async () => {
    if (running) return;
    running = true;
    try {
      const version = await siteSettingsVersion(db);
      if (siteVersion !== undefined && version !== siteVersion) cache.clear();
      siteVersion = version;
      const activities = await publicActivitiesVersion(db);
      const today = beijingToday();
      if ((activitiesVersion !== undefined && activities !== activitiesVersion) || today !== day) cache.invalidate([activitiesTag, activityPagesTag]);
      activitiesVersion = activities;
      day = today;
      const started = Date.now();
      for (const { id, at, change } of await readContentChangesSince(db, since)) {
        if (seen.has(id)) continue;
        seen.set(id, at);
        await apply(change);
      }
      since = new Date(started - overlapMs).toISOString();
      for (const [id, at] of seen) if (at < since) seen.delete(id);
    } catch (err) {
      report(err);
    } finally {
      running = false;
    }
  };
  void poll();
  const timer = setInterval(() => void poll(), pollMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    stopContent();
    stopSite();
    stopActivities();
  };
}
