import { findPublicActivity, listPublicActivities, publicActivityFilterOptions, type PublicActivity } from '../activities/index.ts';
import type { MediaItem } from '../media/index.ts';
import { html, raw, type Html } from './html.ts';
import { activitiesTag, activityPagesTag, activityTag } from './portal.invalidation.ts';
import { activitiesPath, activityPath, breadcrumbs, renderDocument } from './portal.layout.ts';
import { absoluteUrl, loadMedia, picture } from './portal.media.ts';
import type { PageRequest, RenderedPage } from './portal.pages.ts';
import { beijingToday, t } from './portal.text.ts';

/*
 * 活动日历 and 活动详情: the public, verified activities of the city and its
 * counties. Which activities those are is the activities module's rule; these
 * pages only lay them out. Every page here depends on today's date (what is
 * upcoming, whether 受益人次 is known yet), so each carries a tag the cache
 * drops when the day changes in Beijing (see portal.invalidation.ts).
 */

/** The upcoming list stops here; the month view shows a whole month. */
const upcomingLimit = 60;
const monthLimit = 1000;
const homeBlockSize = 5;

// ---- dates ------------------------------------------------------------------------

const weekdays = ['日', '一', '二', '三', '四', '五', '六'];
const utc = (day: string) => new Date(`${day}T00:00:00Z`);
const isoMonth = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** 12月5日 星期六 */
function dayLabel(day: string): string {
  const date = utc(day);
  return `${date.getUTCMonth() + 1}月${date.getUTCDate()}日 星期${weekdays[date.getUTCDay()]}`;
}

/** 2026-12-05, or 2026-12-05 至 2026-12-07. */
function dateRange(activity: Pick<PublicActivity, 'startDate' | 'endDate'>): Html {
  const time = (day: string) => html`<time datetime="${day}">${day}</time>`;
  if (activity.startDate === activity.endDate) return time(activity.startDate);
  return raw(t('portal.activityDateRange', { start: time(activity.startDate).value, end: time(activity.endDate).value }));
}

interface Month {
  year: number;
  /** 1–12 */
  month: number;
}

const monthKey = (m: Month) => `${m.year}-${String(m.month).padStart(2, '0')}`;
const monthLabel = (m: Month) => t('portal.activitiesMonth', { year: m.year, month: m.month });
const firstDay = (m: Month) => `${monthKey(m)}-01`;
const lastDay = (m: Month) => new Date(Date.UTC(m.year, m.month, 0)).toISOString().slice(0, 10);
const shiftMonth = (m: Month, by: number): Month => {
  const index = m.year * 12 + (m.month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
};
const monthOf = (day: string): Month => ({ year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)) });

/** `?month=2026-12`; anything else (or a year outside 2000–2100) means the upcoming view. */
function parseMonth(value: unknown): Month | undefined {
  const match = typeof value === 'string' ? isoMonth.exec(value) : null;
  if (!match) return undefined;
  const year = Number(match[1]);
  return year >= 2000 && year <= 2100 ? { year, month: Number(match[2]) } : undefined;
}

function stateOf(activity: Pick<PublicActivity, 'startDate' | 'endDate'>, today: string): 'ended' | 'ongoing' | 'upcoming' {
  if (activity.endDate < today) return 'ended';
  return activity.startDate <= today ? 'ongoing' : 'upcoming';
}
const stateLabel = { ended: 'portal.activitiesEnded', ongoing: 'portal.activitiesOngoing', upcoming: 'portal.activitiesUpcomingState' } as const;

// ---- the calendar -----------------------------------------------------------------

export interface ActivityCalendarParams {
  month?: unknown;
  county?: unknown;
  type?: unknown;
}

function facts(rows: [string, Html | string][]): Html {
  return html`<dl class="activity-facts">${rows.map(([term, value]) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`)}</dl>`;
}

function entry(activity: PublicActivity, today: string): Html {
  const state = stateOf(activity, today);
  return html`<li class="activity-entry">
<h3><a href="${activityPath(activity.id)}">${activity.title}</a></h3>
<p class="activity-state ${state}">${t(stateLabel[state])}</p>
${facts([
  [t('portal.activityDates'), dateRange(activity)],
  [t('portal.activityCounty'), activity.orgName],
  ...(activity.venue ? [[t('portal.activityVenue'), activity.venue] as [string, string]] : []),
  [t('portal.activityType'), activity.typeName],
  ...(activity.campaignName ? [[t('portal.activityCampaign'), activity.campaignName] as [string, string]] : []),
  [t('portal.activityMode'), t(`activity.mode.${activity.mode}`)],
])}
</li>`;
}

/**
 * Activities under the first day they are shown on: their start, or the first
 * day of the view for those already under way (so a week-long exhibition
 * that began last month heads this month's list, not last month's).
 */
function byDay(activities: PublicActivity[], viewStart: string): Map<string, PublicActivity[]> {
  const days = new Map<string, PublicActivity[]>();
  for (const activity of activities) {
    const day = activity.startDate < viewStart ? viewStart : activity.startDate;
    const list = days.get(day) ?? [];
    list.push(activity);
    days.set(day, list);
  }
  return new Map([...days].sort(([a], [b]) => a.localeCompare(b)));
}

function dayGroups(activities: PublicActivity[], viewStart: string, today: string): Html {
  return html`${[...byDay(activities, viewStart)].map(
    ([day, list]) => html`<section class="activity-day" aria-labelledby="day-${day}">
<h2 id="day-${day}"><time datetime="${day}">${dayLabel(day)}</time>${day === today ? html` <span class="today">${t('portal.activitiesToday')}</span>` : ''}</h2>
<ul class="activity-list">${list.map((a) => entry(a, today))}</ul>
</section>`,
  )}`;
}

/** The calendar: the upcoming list by default, or one month (`?month=2026-12`), filtered by county and type. */
export async function activityCalendarPage(req: PageRequest, params: ActivityCalendarParams): Promise<RenderedPage> {
  const { db, frame } = req;
  const today = beijingToday();
  const month = parseMonth(params.month);
  const options = await publicActivityFilterOptions(db);
  // Unknown filter values are ignored rather than refused: a stale link still shows a calendar.
  const county = options.orgs.find((o) => o.id === params.county);
  const type = options.types.find((o) => o.id === params.type);
  const viewStart = month ? firstDay(month) : today;
  const limit = month ? monthLimit : upcomingLimit;
  const activities = await listPublicActivities(db, { from: viewStart, to: month ? lastDay(month) : undefined, orgId: county?.id, typeId: type?.id, limit, today });

  const hrefOf = (m: Month | undefined) => {
    const query = new URLSearchParams();
    if (m) query.set('month', monthKey(m));
    if (county) query.set('county', county.id);
    if (type) query.set('type', type.id);
    const search = query.toString();
    return search ? `${activitiesPath}?${search}` : activitiesPath;
  };

  const filters = html`<form class="search-filters activity-filters" action="${activitiesPath}" method="get" aria-label="${t('portal.activitiesFilters')}">
${month ? html`<input type="hidden" name="month" value="${monthKey(month)}">` : ''}
<label>${t('portal.activitiesCounty')}<select name="county"><option value="">${t('portal.activitiesAllCounties')}</option>${options.orgs.map(
    (o) => html`<option value="${o.id}"${o.id === county?.id ? raw(' selected') : ''}>${o.name}</option>`,
  )}</select></label>
<label>${t('portal.activitiesType')}<select name="type"><option value="">${t('portal.activitiesAllTypes')}</option>${options.types.map(
    (o) => html`<option value="${o.id}"${o.id === type?.id ? raw(' selected') : ''}>${o.name}</option>`,
  )}</select></label>
<button type="submit">${t('portal.activitiesFilter')}</button>
</form>`;

  const thisMonth = monthOf(today);
  const monthNav = month
    ? html`<nav class="month-nav" aria-label="${t('portal.activitiesMonthNav')}"><ul>
<li><a href="${hrefOf(shiftMonth(month, -1))}" rel="prev">‹ ${monthLabel(shiftMonth(month, -1))}</a></li>
<li><a href="${hrefOf(undefined)}">${t('portal.activitiesBackToUpcoming')}</a></li>
<li><a href="${hrefOf(shiftMonth(month, 1))}" rel="next">${monthLabel(shiftMonth(month, 1))} ›</a></li>
</ul></nav>`
    : html`<nav class="month-nav" aria-label="${t('portal.activitiesMonthNav')}"><ul>
<li><a href="${hrefOf(shiftMonth(thisMonth, -1))}">‹ ${t('portal.activitiesPast')}</a></li>
<li><a href="${hrefOf(thisMonth)}">${t('portal.activitiesThisMonth')}：${monthLabel(thisMonth)}</a></li>
</ul></nav>`;

  const filtered = county !== undefined || type !== undefined;
  const empty = filtered ? t('portal.activitiesNoneMatching') : month ? t('portal.activitiesNoneInMonth', { label: monthLabel(month) }) : t('portal.activitiesNoneUpcoming');
  const list = activities.length
    ? html`<p class="activity-count" role="status">${t('portal.activitiesCount', { count: activities.length })}</p>
${dayGroups(activities, viewStart, today)}
${!month && activities.length === limit ? html`<p class="notice">${t('portal.activitiesMore', { count: limit })}</p>` : ''}`
    : html`<p class="empty">${empty}</p>`;

  const heading = month ? t('portal.activitiesMonthTitle', { year: month.year, month: month.month }) : t('portal.activities');
  const body = renderDocument(frame, {
    title: heading,
    description: t('portal.activitiesIntro'),
    // Filters narrow a view; the view itself (upcoming, or a month) is what search engines should index.
    canonicalPath: month ? `${activitiesPath}?month=${monthKey(month)}` : activitiesPath,
    currentPath: req.path,
    care: req.care,
    openGraph: { type: 'website' },
    main: html`${breadcrumbs(month ? [{ label: t('portal.activities'), href: activitiesPath }, { label: monthLabel(month) }] : [{ label: t('portal.activities') }])}
<section class="panel activity-calendar" aria-labelledby="calendar-heading">
<div class="panel-head"><h1 id="calendar-heading">${heading}</h1></div>
<p>${t('portal.activitiesIntro')}</p>
${filters}
${monthNav}
${list}
</section>`,
  });
  return { status: 200, body, tags: [activitiesTag] };
}

// ---- one activity -----------------------------------------------------------------

const photoSizes = '(max-width: 720px) 100vw, 400px';

export async function activityPage(req: PageRequest, id: string): Promise<RenderedPage | undefined> {
  const { db, frame } = req;
  const today = beijingToday();
  const activity = await findPublicActivity(db, id, today);
  if (!activity) return undefined;
  const media = await loadMedia(db, activity.evidenceMediaIds);
  const photos = activity.evidenceMediaIds.map((mediaId) => media.get(mediaId)).filter((m): m is MediaItem => m?.kind === 'image');
  const state = stateOf(activity, today);
  const rows: [string, Html | string][] = [
    [t('portal.activityDates'), dateRange(activity)],
    [t('portal.activityState'), t(stateLabel[state])],
    [t('portal.activityCounty'), activity.orgName],
    ...(activity.venue ? [[t('portal.activityVenue'), activity.venue] as [string, string]] : []),
    ...(activity.organiser ? [[t('portal.activityOrganiser'), activity.organiser] as [string, string]] : []),
    ...(activity.partners.length ? [[t('portal.activityPartners'), activity.partners.join('、')] as [string, string]] : []),
    [t('portal.activityType'), activity.typeName],
    ...(activity.campaignName ? [[t('portal.activityCampaign'), activity.campaignName] as [string, string]] : []),
    ...(activity.series ? [[t('portal.activitySeries'), activity.series] as [string, string]] : []),
    [t('portal.activityMode'), t(`activity.mode.${activity.mode}`)],
    ...(activity.participants !== null ? [[t('portal.activityParticipants'), t('portal.activityParticipantsValue', { count: activity.participants.toLocaleString('zh-CN') })] as [string, string]] : []),
  ];
  const paragraphs = activity.description.split(/\n+/).map((p) => p.trim()).filter(Boolean);
  const summary = paragraphs[0]?.slice(0, 120) || `${activity.orgName} · ${activity.startDate} · ${activity.venue}`;
  const body = renderDocument(frame, {
    title: activity.title,
    description: summary,
    canonicalPath: activityPath(activity.id),
    currentPath: req.path,
    care: req.care,
    openGraph: { type: 'article', imageUrl: photos[0] ? absoluteUrl(frame.baseUrl, photos[0].url) : undefined },
    main: html`${breadcrumbs([{ label: t('portal.activities'), href: activitiesPath }, { label: activity.title }])}
<article class="panel activity-detail" aria-labelledby="activity-title">
<header class="article-head"><h1 id="activity-title">${activity.title}</h1></header>
${facts(rows)}
${paragraphs.length
  ? html`<section aria-labelledby="activity-description-heading"><h2 id="activity-description-heading">${t('portal.activityDescription')}</h2><div class="article-body">${paragraphs.map((p) => html`<p>${p}</p>`)}</div></section>`
  : ''}
${photos.length
  ? html`<section aria-labelledby="activity-photos-heading"><h2 id="activity-photos-heading">${t('portal.activityPhotos')}</h2><ul class="cards activity-photos">${photos.map(
      (photo, i) => html`<li><figure>${picture(photo, { alt: photo.alt || `${activity.title}（${i + 1}）`, sizes: photoSizes, eager: i === 0 })}${photo.alt ? html`<figcaption>${photo.alt}</figcaption>` : ''}</figure></li>`,
    )}</ul></section>`
  : ''}
</article>`,
  });
  return { status: 200, body, tags: [activityTag(activity.id), activityPagesTag] };
}

// ---- the home page's block ----------------------------------------------------------

/** 近期活动 on the home page: the next few public activities, or nothing at all when none are coming. */
export async function upcomingActivitiesBlock(req: PageRequest, headingId: string): Promise<Html> {
  const today = beijingToday();
  const activities = await listPublicActivities(req.db, { from: today, limit: homeBlockSize, today });
  if (activities.length === 0) return html``;
  return html`<section class="panel" aria-labelledby="${headingId}"><div class="panel-head"><h2 id="${headingId}">${t('portal.activitiesUpcoming')}</h2><a href="${activitiesPath}" aria-label="${t('portal.moreOf', { name: t('portal.activities') })}">${t('portal.more')}</a></div>
<ul class="article-list">${activities.map(
    (a) => html`<li><a href="${activityPath(a.id)}">${a.title}</a><time datetime="${a.startDate}">${a.startDate}</time></li>`,
  )}</ul></section>`;
}
