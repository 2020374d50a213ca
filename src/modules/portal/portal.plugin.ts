import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest, RouteGenericInterface } from 'fastify';
import type { Db } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { contextOf } from '../auth/index.ts';
import { findPublicColumnBySlug, listPublicColumns, previewArticle } from '../content/index.ts';
import { PageCache, SharedRenders, chooseEncoding, matchesEtag, preparePage, type ReadyPage } from './page-cache.ts';
import { assetPrefix, findAsset } from './portal.assets.ts';
import { bookingPages } from './bookings.pages.ts';
import { careModeRedirect, isCareMode } from './portal.care-mode.ts';
import { robotsTxt, rssFeed, sitemap } from './portal.feeds.ts';
import { keepCacheFresh } from './portal.invalidation.ts';
import type { SiteFrame } from './portal.layout.ts';
import { loadMedia, logoMarkup } from './portal.media.ts';
import { articleDocument, articlePage, columnPage, homePage, searchPage, statusDocument, type PageRequest, type RenderedPage, type SearchParams } from './portal.pages.ts';
import { activityCalendarPage, activityPage, type ActivityCalendarParams } from './portal.activities.ts';
import { loadSiteSettings, toSiteSettings } from './site.service.ts';

export interface PortalOptions {
  /** Memory for rendered pages (all encodings together). */
  cacheMaxBytes?: number;
  /** How often to look for changes made by other server processes. */
  pollMs?: number;
}

/**
 * No inline script or style anywhere, so the policy needs no 'unsafe-inline';
 * pages run no script at all. Images come from the site itself (/media).
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/** The platform adds the generic security headers (nosniff, referrer policy, HSTS) to every response. */
const securityHeaders = { 'content-security-policy': contentSecurityPolicy };

/**
 * Public pages are the same for everyone, signed in or not (nothing on them
 * depends on who reads), so one cached copy serves all; they differ only by
 * care mode, which is part of the key. Browsers revalidate every time (ETag →
 * 304), so a change shows at once.
 */
const publicPageHeaders = { ...securityHeaders, 'cache-control': 'no-cache', vary: 'Accept-Encoding, Cookie' };
/** Staff previews and error pages: never stored anywhere. */
const privatePageHeaders = { ...securityHeaders, 'cache-control': 'no-store', vary: 'Cookie' };

const htmlType = 'text/html; charset=utf-8';

function send(request: FastifyRequest, reply: FastifyReply, page: ReadyPage): FastifyReply {
  if (matchesEtag(request.headers['if-none-match'], page.etag)) {
    const { 'content-type': _type, ...headers } = page.headers.identity;
    return reply.code(304).headers(headers).send();
  }
  const encoding = chooseEncoding(request.headers['accept-encoding']);
  return reply.code(page.status).headers(page.headers[encoding]).send(page.bodies[encoding]);
}

/** The public website: pages, feeds, sitemap, robots.txt, care mode, staff preview, and the HTML 404 and 500 pages. */
export function createPortalPlugin(options: PortalOptions = {}): FastifyPluginAsync {
  return async (app: FastifyInstance) => {
    const db: Db = app.db;
    const cache = new PageCache(options.cacheMaxBytes ?? 64 * 1024 * 1024);
    const baseUrlOf = (request: FastifyRequest) => app.config.publicBaseUrl ?? `${request.protocol}://${request.host}`;

    // Listening for changes starts once the server is ready (the schema is migrated by then) and stops with it.
    let stopFreshness: (() => void) | undefined;
    app.addHook('onReady', async () => {
      stopFreshness = keepCacheFresh(db, cache, app.log, options.pollMs ?? 2000);
    });
    app.addHook('onClose', async () => stopFreshness?.());

    async function loadFrame(request: FastifyRequest): Promise<SiteFrame> {
      const [settings, columns] = await Promise.all([loadSiteSettings(db), listPublicColumns(db)]);
      const logo = settings.logoMediaId ? logoMarkup((await loadMedia(db, [settings.logoMediaId])).get(settings.logoMediaId)) : null;
      return { settings, columns, logo, baseUrl: baseUrlOf(request) };
    }

    /** Error pages must render even when the database is what failed: then the frame is a bare default. */
    async function frameForError(request: FastifyRequest): Promise<SiteFrame> {
      try {
        return await loadFrame(request);
      } catch {
        const settings = toSiteSettings({ id: '', site_name: '', logo_media_id: null, footer_text: '', sponsor: '', address: '', phone: '', icp_number: '', public_security_number: '', copyright_holder: '', updated_at: '' });
        return { settings, columns: [], logo: null, baseUrl: baseUrlOf(request) };
      }
    }

    const pageRequest = (request: FastifyRequest, frame: SiteFrame): PageRequest => ({ db, frame, care: isCareMode(request), path: request.url });

    async function sendStatusPage(request: FastifyRequest, reply: FastifyReply, status: 403 | 404 | 500) {
      const frame = await frameForError(request);
      const body = statusDocument(frame, { care: isCareMode(request), path: request.url }, status, status === 500 ? request.id : undefined);
      const page = await preparePage({ status, contentType: htmlType, body, headers: privatePageHeaders, tags: [] });
      return send(request, reply, page);
    }

    const renders = new SharedRenders(cache);

    /**
     * The cached path: a hit sends stored bytes with no query and no
     * compression. The key holds care mode and, when no public address is
     * configured, the Host the page's absolute links were made for.
     */
    function cached<Route extends RouteGenericInterface = RouteGenericInterface>(
      contentType: string,
      render: (request: FastifyRequest<Route>, frame: SiteFrame) => Promise<RenderedPage | undefined> | RenderedPage,
    ) {
      const renderAndStore = async (key: string, ticket: number, request: FastifyRequest<Route>) => {
        const rendered = await render(request, await loadFrame(request));
        if (!rendered) return undefined;
        const page = await preparePage({ status: rendered.status, contentType, body: rendered.body, headers: publicPageHeaders, tags: rendered.tags });
        cache.store(key, ticket, page);
        return page;
      };
      return async (request: FastifyRequest<Route>, reply: FastifyReply) => {
        const key = `${isCareMode(request) ? 'care' : 'std'} ${app.config.publicBaseUrl ? '' : baseUrlOf(request)}${request.url}`;
        let page = cache.get(key);
        if (!page) {
          page = await renders.get(key, (ticket) => renderAndStore(key, ticket, request));
          if (!page) return sendStatusPage(request, reply, 404);
        }
        return send(request, reply, page);
      };
    }

    app.setErrorHandler(async (error, request, reply) => {
      if (error instanceof AppError && (error.status === 404 || error.status === 403)) return sendStatusPage(request, reply, error.status);
      request.log.error({ err: error }, 'portal page failed');
      return sendStatusPage(request, reply, 500);
    });

    // Pages, not API: kept out of the OpenAPI document, and their input is read leniently by the renderers.
    const hidden = { schema: { hide: true } };
    type SlugRoute = { Params: { slug: string }; Querystring: { page?: string } };
    type IdRoute = { Params: { id: string } };
    type SearchRoute = { Querystring: SearchParams };
    type CalendarRoute = { Querystring: ActivityCalendarParams };

    app.get(`${assetPrefix}*`, hidden, async (request, reply) => {
      const asset = findAsset(request.url.split('?')[0]!);
      if (!asset) return sendStatusPage(request, reply, 404);
      return send(request, reply, await asset.ready);
    });

    app.get('/', hidden, cached(htmlType, (request, frame) => homePage(pageRequest(request, frame))));
    app.get<SlugRoute>('/columns/:slug', hidden, cached<SlugRoute>(htmlType, (request, frame) => columnPage(pageRequest(request, frame), request.params.slug, request.query.page)));
    app.get<IdRoute>('/articles/:id', hidden, cached<IdRoute>(htmlType, (request, frame) => articlePage(pageRequest(request, frame), request.params.id)));
    app.get<SearchRoute>('/search', hidden, cached<SearchRoute>(htmlType, (request, frame) => searchPage(pageRequest(request, frame), request.query)));
    app.get<CalendarRoute>('/activities', hidden, cached<CalendarRoute>(htmlType, (request, frame) => activityCalendarPage(pageRequest(request, frame), request.query)));
    app.get<IdRoute>('/activities/:id', hidden, cached<IdRoute>(htmlType, (request, frame) => activityPage(pageRequest(request, frame), request.params.id)));

    const rssType = 'application/rss+xml; charset=utf-8';
    app.get('/rss.xml', hidden, cached(rssType, (_request, frame) => rssFeed(db, frame)));
    app.get<SlugRoute>(
      '/columns/:slug/rss.xml',
      hidden,
      cached<SlugRoute>(rssType, async (request, frame) => {
        const slug = request.params.slug;
        const column = frame.columns.find((c) => c.slug === slug) ?? (await findPublicColumnBySlug(db, slug));
        return column ? rssFeed(db, frame, column) : undefined;
      }),
    );
    app.get('/sitemap.xml', hidden, cached('application/xml; charset=utf-8', (_request, frame) => sitemap(db, frame)));
    app.get('/robots.txt', hidden, cached('text/plain; charset=utf-8', (_request, frame) => robotsTxt(frame)));

    app.get('/care-mode', hidden, (request, reply) => careModeRedirect(request, reply));

    // What the editor sees in preview is what the portal shows: the same renderer, never cached, never indexed.
    app.get<IdRoute>('/preview/articles/:id', hidden, async (request, reply) => {
      if (!request.session) return reply.redirect('/admin/login', 303);
      const article = await previewArticle(contextOf(request), request.params.id);
      const rendered = await articleDocument(pageRequest(request, await loadFrame(request)), article, true);
      const page = await preparePage({ status: 200, contentType: htmlType, body: rendered.body, headers: { ...privatePageHeaders, 'x-robots-tag': 'noindex' }, tags: [] });
      return send(request, reply, page);
    });

    // Group bookings: live places and personal details, so never cached.
    await app.register(bookingPages, {
      loadFrame,
      sendPage: async (request, reply, status, body) => send(request, reply, await preparePage({ status, contentType: htmlType, body, headers: privatePageHeaders, tags: [] })),
    });

    // Every other path outside the API and the console is the portal's own 404 page.
    app.pageNotFound.handler = (request, reply) => sendStatusPage(request, reply, 404);
  };
}
