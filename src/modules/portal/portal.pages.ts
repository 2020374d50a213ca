import type { Db } from '../../database.ts';
import {
  findArticleNeighbours,
  findPublicColumnBySlug,
  findPublishedArticle,
  listPublishedArticles,
  type ArticleSummary,
  type PublicColumn,
  type PublishedArticle,
} from '../content/index.ts';
import type { MediaItem } from '../media/index.ts';
import { searchDocuments } from '../search/index.ts';
import { html, raw, type Html } from './html.ts';
import { articlePath, breadcrumbs, columnPath, pagination, renderDocument, type Crumb, type SiteFrame } from './portal.layout.ts';
import { absoluteUrl, fileTypeLabel, loadMedia, picture } from './portal.media.ts';
import { activitiesTag, articleTag, columnTag, homeTag, pageOfArticleTag, searchTag } from './portal.invalidation.ts';
import { upcomingActivitiesBlock } from './portal.activities.ts';
import { beijingDate, beijingDateTime, fileSize, t } from './portal.text.ts';

/** A page ready for the cache: the document, its status, and the tags naming what it shows. */
export interface RenderedPage {
  status: number;
  body: string;
  tags: string[];
}

/** What every page renderer gets: the database, the site frame, care mode and where the reader is. */
export interface PageRequest {
  db: Db;
  frame: SiteFrame;
  care: boolean;
  /** Path and query as requested, for the care-mode switch to return to. */
  path: string;
}

/** The 通知公告 column, shown in its own block on the home page. */
export const noticesSlug = 'notices';
const listPageSize = 20;
const picturePageSize = 12;
const coverSizes = '(max-width: 720px) 100vw, 400px';

const time = (iso: string) => html`<time datetime="${iso}">${beijingDate(iso)}</time>`;
const pinned = (a: ArticleSummary) => (a.isPinned ? html`<span class="pinned">[${t('portal.pinned')}]</span>` : '');
const shownTags = (articles: { id: string }[]) => articles.map((a) => articleTag(a.id));

function articleList(articles: ArticleSummary[]): Html {
  if (articles.length === 0) return html`<p class="empty">${t('portal.noArticles')}</p>`;
  return html`<ul class="article-list">${articles.map((a) => html`<li><a href="${articlePath(a.id)}">${pinned(a)}${a.title}</a>${time(a.publishedAt)}</li>`)}</ul>`;
}

function pictureCards(articles: ArticleSummary[], media: Map<string, MediaItem>): Html {
  if (articles.length === 0) return html`<p class="empty">${t('portal.noArticles')}</p>`;
  return html`<ul class="cards">${articles.map(
    (a) => html`<li><a href="${articlePath(a.id)}"><figure>${picture(media.get(a.coverMediaId ?? ''), { alt: '', sizes: coverSizes })}<figcaption>${a.title}${time(a.publishedAt)}</figcaption></figure></a></li>`,
  )}</ul>`;
}

function panel(title: string, headingId: string, content: Html, more?: { href: string; label: string }): Html {
  return html`<section class="panel" aria-labelledby="${headingId}"><div class="panel-head"><h2 id="${headingId}">${title}</h2>${
    more ? html`<a href="${more.href}" aria-label="${more.label}">${t('portal.more')}</a>` : ''
  }</div>${content}</section>`;
}

export async function homePage(req: PageRequest): Promise<RenderedPage> {
  const { db, frame } = req;
  const notices = frame.columns.find((c) => c.slug === noticesSlug);
  const homeColumns = frame.columns.filter((c) => c.onHome && c.id !== notices?.id);
  const [activityBlock, focus, noticeList, ...blocks] = await Promise.all([
    upcomingActivitiesBlock(req, 'activities-heading'),
    listPublishedArticles(db, { focus: true, withCover: true, limit: 5 }),
    notices ? listPublishedArticles(db, { columnId: notices.id, limit: 8 }) : Promise.resolve({ items: [], total: 0 }),
    ...homeColumns.map((c) => listPublishedArticles(db, { columnId: c.id, limit: c.listStyle === 'pictures' ? 3 : 8 })),
  ]);
  const media = await loadMedia(db, [...focus.items, ...blocks.flatMap((b) => b.items)].map((a) => a.coverMediaId));

  const focusBlock = focus.items.length
    ? html`<section class="panel" aria-labelledby="focus-heading"><div class="panel-head"><h2 id="focus-heading">${t('portal.focusNews')}</h2></div>
<ul class="focus-strip">${focus.items.map(
        (a, i) => html`<li><a href="${articlePath(a.id)}"><figure>${picture(media.get(a.coverMediaId ?? ''), { alt: '', sizes: i === 0 ? '(max-width: 1000px) 100vw, 600px' : coverSizes, eager: i === 0 })}<figcaption>${a.title}</figcaption></figure></a></li>`,
      )}</ul></section>`
    : '';
  const noticeBlock = notices
    ? panel(notices.name, 'notices-heading', articleList(noticeList.items), { href: columnPath(notices), label: t('portal.moreOf', { name: notices.name }) })
    : '';
  const columnBlocks = homeColumns.map((column, i) =>
    panel(
      column.name,
      `column-heading-${i}`,
      column.listStyle === 'pictures' ? pictureCards(blocks[i]!.items, media) : articleList(blocks[i]!.items),
      { href: columnPath(column), label: t('portal.moreOf', { name: column.name }) },
    ),
  );
  const shown = [...focus.items, ...noticeList.items, ...blocks.flatMap((b) => b.items)];
  const body = renderDocument(frame, {
    currentPath: req.path,
    care: req.care,
    canonicalPath: '/',
    description: frame.settings.siteName,
    openGraph: { type: 'website' },
    main: html`<h1 class="visually-hidden">${frame.settings.siteName}</h1>${focusBlock}<div class="home-grid">${noticeBlock}${activityBlock}${columnBlocks}</div>`,
  });
  return { status: 200, body, tags: [homeTag, activitiesTag, ...shownTags(shown)] };
}

/** `?page=N`: anything that is not a positive whole number reads as the first page. */
export function pageNumber(raw: unknown): number {
  return typeof raw === 'string' && /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : 1;
}

function columnTrail(frame: SiteFrame, column: PublicColumn, linkSelf: boolean): Crumb[] {
  const trail: Crumb[] = [];
  for (let c: PublicColumn | undefined = column; c; c = frame.columns.find((p) => p.id === c!.parentId)) {
    trail.unshift({ label: c.name, href: columnPath(c) });
    if (trail.length > 8) break;
  }
  if (!linkSelf) delete trail[trail.length - 1]!.href;
  return trail;
}

export async function columnPage(req: PageRequest, slug: string, rawPage: unknown): Promise<RenderedPage | undefined> {
  const { db, frame } = req;
  const column = frame.columns.find((c) => c.slug === slug) ?? (await findPublicColumnBySlug(db, slug));
  if (!column) return undefined;
  const feed = { path: `${columnPath(column)}/rss.xml`, title: t('portal.rssOf', { name: column.name }) };

  if (column.listStyle === 'page') {
    const [newest] = (await listPublishedArticles(db, { columnId: column.id, limit: 1 })).items;
    const article = newest ? await findPublishedArticle(db, newest.id) : undefined;
    const main = article
      ? (await articleMain(req, article, { trail: columnTrail(frame, column, false), neighbours: false })).main
      : html`${breadcrumbs(columnTrail(frame, column, false))}<section class="panel"><h1>${column.name}</h1><p class="empty">${t('portal.noArticles')}</p></section>`;
    const body = renderDocument(frame, {
      title: column.name,
      description: column.description || article?.summary,
      canonicalPath: columnPath(column),
      currentPath: req.path,
      care: req.care,
      activeColumnId: column.parentId ?? column.id,
      openGraph: { type: 'website' },
      columnFeed: feed,
      main,
    });
    return { status: 200, body, tags: [columnTag(column.id), ...(article ? [articleTag(article.id)] : [])] };
  }

  const page = pageNumber(rawPage);
  const pageSize = column.listStyle === 'pictures' ? picturePageSize : listPageSize;
  const list = await listPublishedArticles(db, { columnId: column.id, limit: pageSize, offset: (page - 1) * pageSize });
  const pages = Math.max(1, Math.ceil(list.total / pageSize));
  if (page > pages) return undefined;
  const media = column.listStyle === 'pictures' ? await loadMedia(db, list.items.map((a) => a.coverMediaId)) : new Map<string, MediaItem>();
  const hrefOf = (p: number) => (p === 1 ? columnPath(column) : `${columnPath(column)}?page=${p}`);
  const body = renderDocument(frame, {
    title: page > 1 ? `${column.name} - ${t('portal.pageN', { page })}` : column.name,
    description: column.description || undefined,
    canonicalPath: hrefOf(page),
    currentPath: req.path,
    care: req.care,
    activeColumnId: column.parentId ?? column.id,
    openGraph: { type: 'website' },
    columnFeed: feed,
    main: html`${breadcrumbs(columnTrail(frame, column, false))}<section class="panel" aria-labelledby="column-heading">
<div class="panel-head"><h1 id="column-heading">${column.name}</h1></div>
${column.description ? html`<p>${column.description}</p>` : ''}
${column.listStyle === 'pictures' ? pictureCards(list.items, media) : articleList(list.items)}
${pagination(page, pages, hrefOf)}
</section>`,
  });
  return { status: 200, body, tags: [columnTag(column.id), ...shownTags(list.items)] };
}

type Neighbours = Awaited<ReturnType<typeof findArticleNeighbours>>;

interface ArticleOptions {
  trail: Crumb[];
  /** 上一篇/下一篇 in the primary column; a single-page column has none. */
  neighbours: boolean;
  preview?: boolean;
}

/** The article as readers see it; the staff preview uses exactly this too. */
async function articleMain(req: PageRequest, article: PublishedArticle, options: ArticleOptions): Promise<{ main: Html; neighbours: Neighbours; cover: MediaItem | undefined }> {
  const { db } = req;
  const primary = article.columnIds[0];
  const [media, neighbours] = await Promise.all([
    loadMedia(db, [article.coverMediaId, ...article.attachmentIds]),
    options.neighbours && primary ? findArticleNeighbours(db, article.id, primary) : Promise.resolve({ previous: null, next: null }),
  ]);
  const attachments = article.attachmentIds.map((id) => media.get(id)).filter((m): m is MediaItem => m !== undefined);
  const cover = picture(media.get(article.coverMediaId ?? ''), { alt: article.title, sizes: '(max-width: 800px) 100vw, 760px', eager: true });
  const meta: [string, string][] = [
    [t('portal.metaPublished'), beijingDateTime(article.publishedAt)],
    ...(article.source ? [[t('portal.metaSource'), article.source] as [string, string]] : []),
    ...(article.author ? [[t('portal.metaAuthor'), article.author] as [string, string]] : []),
    ...article.reviewers.map((r) => [r.levelName, r.reviewerName] as [string, string]),
  ];
  const neighbour = (label: string, item: { id: string; title: string } | null, rel: string) =>
    html`<p>${label}${item ? html`<a href="${articlePath(item.id)}" rel="${rel}">${item.title}</a>` : t('portal.none')}</p>`;
  const main = html`${options.preview ? html`<p class="preview-banner" role="status">${t('portal.preview')}</p>` : ''}
${breadcrumbs(options.trail)}
<article class="panel" aria-labelledby="article-title">
<header class="article-head">
<h1 id="article-title">${article.title}</h1>
${article.subtitle ? html`<p class="subtitle">${article.subtitle}</p>` : ''}
<dl class="article-meta">${meta.map(([term, value]) => html`<div><dt>${term}</dt><dd>${term === t('portal.metaPublished') ? html`<time datetime="${article.publishedAt}">${value}</time>` : value}</dd></div>`)}</dl>
</header>
${cover ? html`<figure class="article-cover">${cover}</figure>` : ''}
<div class="article-body">${raw(article.bodyHtml)}</div>
${attachments.length
  ? html`<section class="attachments" aria-labelledby="attachments-heading"><h2 id="attachments-heading">${t('portal.attachments')}</h2><ul>${attachments.map(
      (a) => html`<li><a href="${a.url}" download="${a.originalName}">${a.originalName}</a><span class="file-meta">${fileTypeLabel(a)} · ${fileSize(a.bytes)}</span></li>`,
    )}</ul></section>`
  : ''}
${article.tags.length ? html`<section class="tags" aria-labelledby="tags-heading"><h2 id="tags-heading">${t('portal.tags')}</h2><ul>${article.tags.map((tag) => html`<li>${tag}</li>`)}</ul></section>` : ''}
${options.neighbours ? html`<nav class="neighbours" aria-label="${t('portal.neighbours')}">${neighbour(t('portal.previousArticle'), neighbours.previous, 'prev')}${neighbour(t('portal.nextArticle'), neighbours.next, 'next')}</nav>` : ''}
</article>`;
  return { main, neighbours, cover: media.get(article.coverMediaId ?? '') };
}

/** Renders one article page; shared by the public page and the staff preview so both look the same. */
export async function articleDocument(req: PageRequest, article: PublishedArticle, preview: boolean): Promise<RenderedPage> {
  const { frame } = req;
  const primary = frame.columns.find((c) => c.id === article.columnIds[0]);
  const trail = [...(primary ? columnTrail(frame, primary, true) : []), { label: article.title }];
  const { main, neighbours, cover } = await articleMain(req, article, { trail, neighbours: true, preview });
  const body = renderDocument(frame, {
    title: article.title,
    description: article.summary,
    canonicalPath: preview ? undefined : articlePath(article.id),
    currentPath: req.path,
    care: req.care,
    activeColumnId: primary ? (primary.parentId ?? primary.id) : undefined,
    openGraph: { type: 'article', imageUrl: cover?.kind === 'image' ? absoluteUrl(frame.baseUrl, cover.url) : undefined },
    noindex: preview,
    main,
  });
  const tags = [pageOfArticleTag(article.id), articleTag(article.id), ...[neighbours.previous, neighbours.next].filter((n) => n !== null).map((n) => articleTag(n.id))];
  return { status: 200, body, tags };
}

export async function articlePage(req: PageRequest, id: string): Promise<RenderedPage | undefined> {
  const article = await findPublishedArticle(req.db, id);
  return article ? articleDocument(req, article, false) : undefined;
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const validDay = (day: string) => isoDay.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);
const searchPageSize = 10;

export interface SearchParams {
  q?: unknown;
  column?: unknown;
  from?: unknown;
  to?: unknown;
  page?: unknown;
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim().slice(0, 100) : '');

/** Always a page, never an error: an empty query, a bad date or no hits each get a friendly sentence. */
export async function searchPage(req: PageRequest, params: SearchParams): Promise<RenderedPage> {
  const { db, frame } = req;
  const q = text(params.q);
  const columnId = text(params.column);
  const column = frame.columns.find((c) => c.id === columnId);
  const from = text(params.from);
  const to = text(params.to);
  const badDate = (from !== '' && !validDay(from)) || (to !== '' && !validDay(to));
  const page = pageNumber(params.page);
  const result = q
    ? await searchDocuments(db, {
        q,
        kind: 'article',
        tag: column ? `column:${column.id}` : undefined,
        from: from && validDay(from) ? from : undefined,
        to: to && validDay(to) ? to : undefined,
        page,
        pageSize: searchPageSize,
      })
    : { items: [], total: 0, terms: [] };
  const pages = Math.max(1, Math.ceil(result.total / searchPageSize));
  const hrefOf = (p: number) => {
    const query = new URLSearchParams({ q });
    if (column) query.set('column', column.id);
    if (from) query.set('from', from);
    if (to) query.set('to', to);
    if (p > 1) query.set('page', String(p));
    return `/search?${query.toString()}`;
  };
  const form = html`<form class="search-filters" action="/search" method="get" role="search" aria-label="${t('portal.searchTitle')}">
<label>${t('portal.searchLabel')}<input type="search" name="q" value="${q}" maxlength="100"></label>
<label>${t('portal.searchColumn')}<select name="column"><option value="">${t('portal.searchAllColumns')}</option>${frame.columns.map(
    (c) => html`<option value="${c.id}"${c.id === column?.id ? raw(' selected') : ''}>${c.name}</option>`,
  )}</select></label>
<label>${t('portal.searchFrom')}<input type="date" name="from" value="${from}"></label>
<label>${t('portal.searchTo')}<input type="date" name="to" value="${to}"></label>
<button type="submit">${t('portal.search')}</button>
</form>`;
  const outcome = !q
    ? html`<p class="notice">${t('portal.searchEmptyQuery')}</p>`
    : result.total === 0
      ? html`<p class="notice">${t('portal.searchNoHits', { q })}</p>`
      : html`<p role="status">${t('portal.searchTotal', { total: result.total })}</p>
<ol class="hits">${result.items.map(
          (hit) => html`<li><h2><a href="${articlePath(hit.id)}">${raw(hit.titleHtml)}</a></h2><p>${raw(hit.snippetHtml)}</p>${time(hit.publishedAt)}</li>`,
        )}</ol>${pagination(Math.min(page, pages), pages, hrefOf)}`;
  const body = renderDocument(frame, {
    title: q ? t('portal.searchResultsFor', { q }) : t('portal.searchTitle'),
    currentPath: req.path,
    care: req.care,
    noindex: true,
    main: html`${breadcrumbs([{ label: t('portal.searchTitle') }])}<section class="panel" aria-labelledby="search-heading">
<h1 id="search-heading">${q ? t('portal.searchResultsFor', { q }) : t('portal.searchTitle')}</h1>
${form}
${badDate ? html`<p class="notice">${t('portal.searchInvalidDate')}</p>` : ''}
${outcome}
</section>`,
  });
  return { status: 200, body, tags: [searchTag] };
}

/** 404, 403 and 500 in the site's layout. The 500 page names the request so the reader can report it. */
export function statusDocument(frame: SiteFrame, req: Omit<PageRequest, 'db' | 'frame'>, status: 403 | 404 | 500, requestId?: string): string {
  const key = status === 404 ? 'notFound' : status === 403 ? 'forbidden' : 'error';
  return renderDocument(frame, {
    title: t(`portal.${key}Title`),
    currentPath: req.path,
    care: req.care,
    noindex: true,
    main: html`<section class="panel status-page" aria-labelledby="status-heading">
<h1 id="status-heading">${t(`portal.${key}Title`)}</h1>
<p>${t(`portal.${key}Text`)}</p>
${requestId ? html`<p>${t('portal.requestId')}<span class="request-id">${requestId}</span></p>` : ''}
<p><a href="/">${t('portal.backHome')}</a></p>
</section>`,
  });
}
