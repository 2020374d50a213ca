import type { PublicColumn } from '../content/index.ts';
import { html, raw, type Html } from './html.ts';
import { beianBadge, favicon, stylesheet } from './portal.assets.ts';
import { t } from './portal.text.ts';
import type { SiteSettings } from './site.schemas.ts';
import { publicSecurityRecordCode } from './site.service.ts';

/** What every page shows around its content; read once per render. */
export interface SiteFrame {
  settings: SiteSettings;
  /** The logo's <img>/<picture> markup, or null for the name alone. */
  logo: Html | null;
  /** Parents before children, by position. */
  columns: PublicColumn[];
  /** https://www.example.org, no trailing slash: for canonical links, Open Graph and feeds. */
  baseUrl: string;
}

/** One page's own part: its content plus what the <head> says about it. */
export interface PageSpec {
  /** The page's own title; the site name is appended. Omit on the home page. */
  title?: string;
  description?: string;
  /** Path of the canonical URL, e.g. /articles/abc. Omit for pages that should not be indexed. */
  canonicalPath?: string;
  /** The path and query the care-mode switch returns to. */
  currentPath: string;
  care: boolean;
  /** The column to mark in the menu. */
  activeColumnId?: string;
  openGraph?: { type: 'website' | 'article'; imageUrl?: string };
  /** A column feed to advertise besides the site's own. */
  columnFeed?: { path: string; title: string };
  noindex?: boolean;
  main: Html;
}

export const columnPath = (column: Pick<PublicColumn, 'slug'>) => `/columns/${encodeURIComponent(column.slug)}`;
export const articlePath = (id: string) => `/articles/${encodeURIComponent(id)}`;
export const activitiesPath = '/activities';
export const activityPath = (id: string) => `${activitiesPath}/${encodeURIComponent(id)}`;
export const careModePath = (on: boolean, back: string) => `/care-mode?on=${on ? 1 : 0}&back=${encodeURIComponent(back)}`;

function header(frame: SiteFrame, page: PageSpec): Html {
  const navColumns = frame.columns.filter((c) => c.inNav && c.parentId === null);
  return html`<a class="skip-link" href="#main">${t('portal.skipToContent')}</a>
<header class="site-header"><div class="wrap">
<a class="brand" href="/">${frame.logo}<span>${frame.settings.siteName}</span></a>
<a class="care-toggle" href="${careModePath(!page.care, page.currentPath)}" rel="nofollow" aria-label="${t(page.care ? 'portal.careModeOffLabel' : 'portal.careModeOnLabel')}">${t(page.care ? 'portal.careModeOff' : 'portal.careModeOn')}</a>
<form class="search-form" role="search" action="/search" method="get">
<label class="visually-hidden" for="site-search">${t('portal.searchLabel')}</label>
<input id="site-search" type="search" name="q" placeholder="${t('portal.searchPlaceholder')}" maxlength="100">
<button type="submit">${t('portal.search')}</button>
</form>
</div></header>
<nav class="site-nav" aria-label="${t('portal.mainNav')}"><ul>
<li><a href="/"${page.currentPath === '/' ? raw(' aria-current="page"') : ''}>${t('portal.home')}</a></li>
${navColumns.map((c) => html`<li><a href="${columnPath(c)}"${c.id === page.activeColumnId ? raw(' aria-current="page"') : ''}>${c.name}</a></li>`)}
<li><a href="/bookings"${page.currentPath.startsWith('/bookings') ? raw(' aria-current="page"') : ''}>${t('booking.page.title')}</a></li>
<li><a href="${activitiesPath}"${/^\/activities(?:[/?]|$)/.test(page.currentPath) ? raw(' aria-current="page"') : ''}>${t('portal.activities')}</a></li>
</ul></nav>`;
}

function footer(frame: SiteFrame): Html {
  const s = frame.settings;
  const recordCode = publicSecurityRecordCode(s.publicSecurityNumber);
  return html`<footer class="site-footer"><div class="wrap">
${s.footerText ? html`<p>${s.footerText}</p>` : ''}
${s.copyrightHolder ? html`<p>${t('portal.copyright', { holder: s.copyrightHolder })}</p>` : ''}
${s.sponsor ? html`<p>${t('portal.sponsor', { sponsor: s.sponsor })}</p>` : ''}
${s.phone || s.address ? html`<p>${s.phone ? t('portal.phone', { phone: s.phone }) : ''}${s.phone && s.address ? ' ' : ''}${s.address ? t('portal.address', { address: s.address }) : ''}</p>` : ''}
${s.icpNumber ? html`<p><a href="https://beian.miit.gov.cn/" rel="noopener" target="_blank">${s.icpNumber}</a></p>` : ''}
${recordCode ? html`<p class="beian"><a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=${recordCode}" rel="noopener" target="_blank"><img src="${beianBadge.url}" alt="" width="20" height="20">${s.publicSecurityNumber}</a></p>` : ''}
<p class="rss"><a href="/rss.xml">${t('portal.rss')}</a></p>
</div></footer>`;
}

/** The whole document: head (title, canonical, Open Graph, feeds), header with menu and search, the page, footer. */
export function renderDocument(frame: SiteFrame, page: PageSpec): string {
  const siteName = frame.settings.siteName;
  const title = page.title ? `${page.title} - ${siteName}` : siteName;
  const canonical = page.canonicalPath === undefined ? undefined : frame.baseUrl + page.canonicalPath;
  const og = page.openGraph;
  return html`<!DOCTYPE html>
<html lang="zh-CN"${page.care ? raw(' class="care"') : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${page.description ? html`<meta name="description" content="${page.description}">` : ''}
${page.noindex ? html`<meta name="robots" content="noindex">` : ''}
${canonical ? html`<link rel="canonical" href="${canonical}">` : ''}
<link rel="stylesheet" href="${stylesheet.url}">
<link rel="icon" type="image/svg+xml" href="${favicon.url}">
<link rel="alternate" type="application/rss+xml" title="${siteName}" href="${frame.baseUrl}/rss.xml">
${page.columnFeed ? html`<link rel="alternate" type="application/rss+xml" title="${page.columnFeed.title}" href="${frame.baseUrl}${page.columnFeed.path}">` : ''}
${og
  ? html`<meta property="og:site_name" content="${siteName}">
<meta property="og:title" content="${page.title ?? siteName}">
<meta property="og:type" content="${og.type}">
${canonical ? html`<meta property="og:url" content="${canonical}">` : ''}
${page.description ? html`<meta property="og:description" content="${page.description}">` : ''}
${og.imageUrl ? html`<meta property="og:image" content="${og.imageUrl}">` : ''}`
  : ''}
</head>
<body>
${header(frame, page)}
<main id="main" tabindex="-1"><div class="wrap">
${page.main}
</div></main>
${footer(frame)}
</body>
</html>
`.value;
}

export interface Crumb {
  label: string;
  href?: string;
}

/** 当前位置：首页 › 栏目 › …; the last crumb is the page itself. */
export function breadcrumbs(crumbs: Crumb[]): Html {
  const all: Crumb[] = [{ label: t('portal.home'), href: '/' }, ...crumbs];
  return html`<nav class="breadcrumbs" aria-label="${t('portal.breadcrumbs')}"><ol>
${all.map((c, i) => (i === all.length - 1 ? html`<li aria-current="page">${c.label}</li>` : html`<li><a href="${c.href}">${c.label}</a></li>`))}
</ol></nav>`;
}

/** Numbered pages with 上一页/下一页; nothing when everything fits on one page. */
export function pagination(page: number, pages: number, hrefOf: (page: number) => string): Html {
  if (pages <= 1) return html``;
  // First, last, and two either side of the current page; gaps shown as an ellipsis.
  const shown = [...new Set([1, pages, page - 2, page - 1, page, page + 1, page + 2])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  const items: Html[] = [];
  items.push(page > 1 ? html`<li><a href="${hrefOf(page - 1)}" rel="prev">${t('portal.previousPage')}</a></li>` : html`<li><span class="disabled">${t('portal.previousPage')}</span></li>`);
  shown.forEach((p, i) => {
    if (i > 0 && p - shown[i - 1]! > 1) items.push(html`<li><span aria-hidden="true">…</span></li>`);
    items.push(
      p === page
        ? html`<li><a href="${hrefOf(p)}" aria-current="page" aria-label="${t('portal.pageOf', { page: p, pages })}">${p}</a></li>`
        : html`<li><a href="${hrefOf(p)}" aria-label="${t('portal.pageN', { page: p })}">${p}</a></li>`,
    );
  });
  items.push(page < pages ? html`<li><a href="${hrefOf(page + 1)}" rel="next">${t('portal.nextPage')}</a></li>` : html`<li><span class="disabled">${t('portal.nextPage')}</span></li>`);
  return html`<nav class="pagination" aria-label="${t('portal.pagination')}"><ul>${items}</ul></nav>`;
}
