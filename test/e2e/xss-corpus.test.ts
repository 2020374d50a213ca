/**
 * The XSS corpus (test/helpers/hostile-strings.ts) through every field that
 * reaches a page, read in Chromium: the portal's public pages and the
 * console's lists, editors and dialogs. Each payload would set
 * window.__xss or open an alert if it ever ran.
 *
 * The browser contexts bypass the Content-Security-Policy: the policy is a
 * second wall (checked by the security-header tests), and this file checks the
 * first one, escaping and sanitising, on its own.
 *
 * Records are made over the API, in bulk, with the corpus packed into each
 * field up to its length limit (packPayloads). Each kind of record gets as
 * many records as its main fields need to carry the whole corpus: article
 * titles and subtitles, activity titles, venues and organisers, venue names
 * and addresses, org and column names, the site's footer, the search box, the
 * article body, activity partners and description, the annual review. Its
 * shorter or secondary fields (author, source, series, tags, site name,
 * sponsor, address, copyright holder; the booking form, which takes 30 posts
 * per address in ten minutes) carry one packed chunk per record, a part of
 * the corpus, through the same escaping templates.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addDays, beijingToday } from '../../src/modules/bookings/booking-time.ts';
import { packPayloads, xssPayloads, xssSentinel } from '../helpers/hostile-strings.ts';
import { apiAs, demoReviewers, type ApiSession } from './support/api-steps.ts';
import { demoAdmin, signIn } from './support/console-steps.ts';
import { expect, test, viewports } from './support/fixtures.ts';

/** Starts each hostile record's title, so one search finds them all, on the portal and in the console. */
const marker = '靶场';
const withMarker = (maxLength: number) => packPayloads(maxLength - marker.length - 1).map((chunk) => `${marker} ${chunk}`);
/** The corpus as text in paragraphs (escaped by the editor, so the sanitiser must keep it text) and as raw markup (which it must defuse). */
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const corpusAsText = xssPayloads.map((p) => `<p>${escapeHtml(p.text)}</p>`).join('');
const corpusAsMarkup = xssPayloads.map((p) => `<div>${p.text}</div>`).join('');

/** The i-th value of a field packed into chunks, cycling: a record type has as many records as its longest chunk list. */
const nth = (chunks: string[], i: number) => chunks[i % chunks.length]!;
const recordsFor = (...fields: string[][]) => Math.max(...fields.map((chunks) => chunks.length));

async function inBatches<T, R>(items: readonly T[], size: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    results.push(...(await Promise.all(items.slice(start, start + size).map((item, offset) => work(item, start + offset)))));
  }
  return results;
}

// ---------------------------------------------------------------------------
// Reading a page as a visitor would, and looking for anything that ran.

/** What a page must show as text: in the body, in the document's title, or as a form field's value. */
interface Expected {
  texts?: string[];
  title?: string;
  values?: string[];
}

/**
 * Provokes every handler a payload could have planted (mouse over, focus and
 * click on everything that is not a link or a form control, whose targets are
 * checked instead), then reports anything that ran or could run: the
 * sentinel, script-bearing elements and attributes, script URLs, a navigation.
 */
function inspectDocument(expected: Expected): string[] {
  const findings: string[] = [];
  const start = location.href;
  const inert = new Set(['A', 'AREA', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'SUMMARY', 'LABEL', 'FORM', 'OPTION', 'DETAILS']);
  for (const element of document.body.querySelectorAll('*')) {
    for (const type of ['mouseover', 'mouseenter', 'focus']) element.dispatchEvent(new Event(type, { bubbles: type === 'mouseover' }));
    if (!inert.has(element.tagName) && !element.closest('a, button, form, label')) element.dispatchEvent(new MouseEvent('click', { bubbles: false }));
  }
  const scriptUrl = /^[\s\u0000-\u001f]*(javascript|vbscript|data)\s*:/i;
  for (const element of document.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    if (['iframe', 'frame', 'object', 'embed', 'base', 'animate', 'set', 'foreignobject', 'isindex', 'marquee'].includes(tag)) findings.push(`<${tag}> element`);
    if (tag === 'meta' && element.getAttribute('http-equiv')?.toLowerCase() === 'refresh') findings.push('<meta http-equiv=refresh>');
    if ((tag === 'script' || tag === 'style') && /__xss|alert\(/.test(element.textContent ?? '')) findings.push(`<${tag}> holding a payload`);
    if (tag === 'script' && element.getAttribute('src') && new URL(element.getAttribute('src')!, location.href).origin !== location.origin) findings.push(`<script src=${element.getAttribute('src')}>`);
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) findings.push(`<${tag} ${name}>`);
      if (name === 'srcdoc') findings.push(`<${tag} srcdoc>`);
      if (name === 'style' && /__xss|expression\(|javascript:/i.test(attribute.value)) findings.push(`<${tag} style="${attribute.value}">`);
      const isUrl = ['href', 'xlink:href', 'src', 'action', 'formaction', 'data', 'background', 'poster'].includes(name);
      if (isUrl && scriptUrl.test(attribute.value) && !(tag === 'img' && /^data:image\//.test(attribute.value))) findings.push(`<${tag} ${name}="${attribute.value}">`);
    }
  }
  if (location.href !== start) findings.push(`navigated to ${location.href}`);
  const normalise = (text: string) => text.replace(/\s+/g, ' ');
  const bodyText = normalise(document.body.textContent ?? '');
  for (const text of expected.texts ?? []) if (!bodyText.includes(normalise(text))) findings.push(`text not shown: ${text}`);
  // A document's title reads with its white space collapsed.
  if (expected.title !== undefined && !normalise(document.title).includes(normalise(expected.title).trim())) findings.push(`title "${document.title}" lacks ${expected.title}`);
  const values = [...document.querySelectorAll('input, textarea')].map((field) => (field as HTMLInputElement).value);
  for (const value of expected.values ?? []) if (!values.includes(value)) findings.push(`no field holds ${value}`);
  return findings;
}

/**
 * A few windows reading pages side by side, each a browser context of its own
 * (a background tab of a shared window gets no animation frames, and a mouse
 * move there waits for one); each records the dialogs any payload opens.
 */
class Reader {
  readonly findings: string[] = [];
  private readonly tabs: Page[] = [];
  private constructor(private readonly browser: Browser, private readonly baseUrl: string) {}

  static async open(browser: Browser, baseUrl: string, windows = 3): Promise<Reader> {
    const reader = new Reader(browser, baseUrl);
    for (let i = 0; i < windows; i++) reader.tabs.push(await reader.newTab());
    return reader;
  }

  private async newTab(): Promise<Page> {
    const context = await this.browser.newContext({ baseURL: this.baseUrl, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: viewports.desktop, bypassCSP: true });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    page.on('dialog', (dialog) => {
      this.findings.push(`${page.url()}: a dialog opened: ${dialog.message()}`);
      void dialog.dismiss();
    });
    return page;
  }

  get firstTab(): Page {
    return this.tabs[0]!;
  }

  /** Checks a page already loaded in the tab: a real mouse sweeps across it, then the inspection provokes and looks. */
  async check(page: Page, name: string, expected: Expected = {}): Promise<void> {
    const { width, height } = page.viewportSize()!;
    await page.mouse.move(0, 0);
    await page.mouse.move(width - 1, height - 1, { steps: 4 });
    const findings = await page.evaluate(inspectDocument, expected);
    const ran = await page.evaluate((sentinel) => (window as unknown as Record<string, unknown>)[sentinel], xssSentinel);
    if (ran !== undefined) findings.push(`payload ${String(ran)} ran`);
    this.findings.push(...findings.map((finding) => `${name}: ${finding}`));
  }

  /** Loads each page in the next free tab and checks it. */
  async read(visits: { url: string; expected?: Expected; status?: number }[]): Promise<void> {
    await inBatches(visits, this.tabs.length, async (visit, index) => {
      const page = this.tabs[index % this.tabs.length]!;
      const response = await page.goto(visit.url);
      if (response?.status() !== (visit.status ?? 200)) this.findings.push(`${visit.url}: status ${response?.status()}`);
      await this.check(page, visit.url, visit.expected);
    });
  }

  close = () => Promise.all(this.tabs.map((tab) => tab.context().close()));
}

// ---------------------------------------------------------------------------

test('no payload of the corpus runs on any portal page or console screen that shows it, and each reads as the text that was typed', async ({ kexie, browser }) => {
  const admin = await apiAs(browser, kexie.baseUrl, demoAdmin.username);
  const reviewers = await Promise.all(demoReviewers.map((r) => apiAs(browser, kexie.baseUrl, r.username)));
  const approve = async (articleId: string) => {
    for (const reviewer of reviewers) await reviewer.post(`/api/v1/articles/${articleId}/approve`);
  };
  const portal = await Reader.open(browser, kexie.baseUrl);

  // Columns: names in the menu of every page.
  const columnNames = packPayloads(30);
  const columns = await inBatches(columnNames, 4, (name, i) => admin.post<{ id: string; slug: string }>('/api/v1/columns', { name, slug: `xss-${i + 1}`, inNav: true }));

  // Articles: every text field; the first also carries the whole corpus as body text and as markup, and the tags that fit.
  const titles = withMarker(200);
  const subtitles = packPayloads(200);
  const authors = packPayloads(60);
  const sources = packPayloads(100);
  const tags = packPayloads(20).slice(0, 10);
  const articleCount = recordsFor(titles, subtitles);
  const articles = await inBatches(Array.from({ length: articleCount }, (_, i) => i), 4, async (i) => {
    const fields = { title: nth(titles, i), subtitle: nth(subtitles, i), author: nth(authors, i), source: nth(sources, i) };
    const body = i === 0 ? { bodyHtml: `<p>${marker}正文</p>${corpusAsText}${corpusAsMarkup}`, tags } : { bodyHtml: `<p>${marker}正文</p>` };
    const { id } = await admin.post<{ id: string }>('/api/v1/articles', { ...fields, ...body, columnIds: [columns[0]!.id] });
    await admin.post(`/api/v1/articles/${id}/submit`);
    await approve(id);
    return { id, ...fields };
  });

  // Activities: public and verified, in a month of their own; their orgs' names are hostile too.
  const fangcheng = (await admin.get<{ items: { id: string }[] }>('/api/v1/orgs?q=411322')).items[0]!;
  const orgNames = packPayloads(100);
  const orgs = await inBatches(orgNames, 4, (name) => admin.post<{ id: string; name: string }>('/api/v1/orgs', { name, type: 'society', parentId: fangcheng.id }));
  const { items: types } = await admin.get<{ items: { id: string }[] }>('/api/v1/activity-types');
  const activityTitles = withMarker(100);
  const venues = packPayloads(200);
  const organisers = packPayloads(100);
  const series = packPayloads(50);
  const activityDay = addDays(beijingToday(), 62);
  const activityCount = recordsFor(activityTitles, venues, organisers);
  const activities = await inBatches(Array.from({ length: activityCount }, (_, i) => i), 4, async (i) => {
    const fields = { title: nth(activityTitles, i), venue: nth(venues, i), organiser: nth(organisers, i), series: nth(series, i) };
    const extra = i === 0 ? { partners: xssPayloads.map((p) => p.text).filter((text) => text.length <= 100), description: xssPayloads.map((p) => p.text).join('\n') } : {};
    const org = orgs[i % orgs.length]!;
    const { id } = await admin.post<{ id: string }>('/api/v1/activities', { ...fields, ...extra, typeId: types[0]!.id, startDate: activityDay, endDate: activityDay, orgId: org.id, participants: 0, public: true });
    await admin.post(`/api/v1/activities/${id}/verify`);
    return { id, orgName: org.name, ...fields, ...extra };
  });

  // The annual review: its title and a paragraph per payload, in the console's editor and, published, on the portal.
  const review = await admin.post<{ id: string; revision: number; document: { blocks: unknown[] } & Record<string, unknown> }>('/api/v1/annual-reviews', { year: 2025 });
  const reviewTitle = withMarker(200)[0]!;
  const reviewParagraphs = xssPayloads.map((p) => ({ kind: 'paragraph', content: [{ kind: 'text', text: p.text }] }));
  const savedReview = await admin.put<{ revision: number }>(`/api/v1/annual-reviews/${review.id}`, {
    document: { ...review.document, title: reviewTitle, blocks: [...review.document.blocks, ...reviewParagraphs] },
    baseRevision: review.revision,
  });
  const publishedReview = await admin.post<{ article: { id: string } }>(`/api/v1/annual-reviews/${review.id}/publish`, { columnId: columns[0]!.id, isFocus: false, baseRevision: savedReview.revision });
  await approve(publishedReview.article.id);

  // Venues open for booking: names and addresses on the booking pages.
  const venueNames = withMarker(100);
  const addresses = packPayloads(200);
  const bookingDay = addDays(beijingToday(), 3);
  const venueRecords = await inBatches(Array.from({ length: recordsFor(venueNames, addresses) }, (_, i) => i), 4, async (i) => {
    const fields = { name: nth(venueNames, i), address: nth(addresses, i) };
    const { id } = await admin.post<{ id: string }>('/api/v1/venues', { ...fields, kind: 'other', ownerOrgId: fangcheng.id, countyOrgId: fangcheng.id, status: 'open', openedOn: '2020-01-01' });
    await admin.post(`/api/v1/venues/${id}/slots/generate`, { from: bookingDay, to: bookingDay, weekdays: [1, 2, 3, 4, 5, 6, 7], times: [{ start: '09:00', end: '10:00' }], capacity: 50 });
    return { id, ...fields };
  });

  // ---- the portal -----------------------------------------------------------------
  await portal.read([
    { url: '/', expected: { texts: columnNames } },
    { url: `/columns/${columns[0]!.slug}`, expected: { texts: [columnNames[0]!] } },
    ...articles.map((a) => ({ url: `/articles/${a.id}`, expected: { texts: [a.title, a.subtitle, a.author, a.source], title: a.title } })),
    { url: `/articles/${articles[0]!.id}`, expected: { texts: [...xssPayloads.map((p) => p.text), ...tags] } },
    { url: `/articles/${publishedReview.article.id}`, expected: { texts: [reviewTitle, ...xssPayloads.map((p) => p.text)], title: reviewTitle } },
    // Reflected: the query comes back in the heading, the title and the search box.
    ...packPayloads(100).map((q) => ({ url: `/search?${new URLSearchParams({ q })}`, expected: { texts: [q], values: [q] } })),
    // Found: titles and snippets highlighted around the matched word.
    { url: `/search?${new URLSearchParams({ q: marker })}` },
    { url: `/activities?month=${activityDay.slice(0, 7)}`, expected: { texts: [...activities.map((a) => a.title), ...orgNames] } },
    ...activities.map((a) => ({ url: `/activities/${a.id}`, expected: { texts: [a.title, a.venue, a.organiser, a.series, a.orgName], title: a.title } })),
    { url: `/activities/${activities[0]!.id}`, expected: { texts: [...activities[0]!.partners!, ...xssPayloads.map((p) => p.text)] } },
    { url: '/bookings', expected: { texts: venueRecords.flatMap((v) => [v.name, v.address]) } },
    ...venueRecords.slice(0, 3).map((v) => ({ url: `/bookings/venues/${v.id}`, expected: { texts: [v.name, v.address], title: v.name } })),
    // An unknown address is echoed on the 404 page, if anywhere.
    ...packPayloads(100).slice(0, 5).map((chunk) => ({ url: `/${encodeURIComponent(chunk)}`, status: 404 })),
  ]);

  // The booking form: what was typed comes back in the fields, beside the errors.
  const venueSlots = await admin.get<{ items: { id: string }[] }>(`/api/v1/venues/${venueRecords[0]!.id}/slots?from=${bookingDay}&to=${bookingDay}`);
  const bookingTab = portal.firstTab;
  const organisations = packPayloads(100);
  const contactNames = packPayloads(30);
  const contactPhones = packPayloads(20);
  // The portal takes 30 posts per address in ten minutes, and each costs a page load here: five posts, a chunk of each field apiece.
  for (let i = 0; i < 5; i++) {
    await bookingTab.goto(`/bookings/slots/${venueSlots.items[0]!.id}`);
    const typed = { organisation: nth(organisations, i), contactName: nth(contactNames, i), contactPhone: nth(contactPhones, i) };
    await bookingTab.getByLabel('单位/学校名称').fill(typed.organisation);
    await bookingTab.getByLabel('联系人姓名').fill(typed.contactName);
    await bookingTab.getByLabel('联系人手机号码').fill(typed.contactPhone);
    await bookingTab.locator('form.booking-form button[type=submit]').click();
    await bookingTab.locator('.form-errors').waitFor();
    await portal.check(bookingTab, `booking form ${i + 1}`, { values: Object.values(typed) });
  }

  // Site settings hold one value per field: as many rounds as the footer needs for the whole corpus, the shorter fields a chunk a round.
  const settings = await admin.get<Record<string, unknown>>('/api/v1/site-settings');
  const siteFields = { siteName: packPayloads(60), footerText: packPayloads(500), sponsor: packPayloads(100), address: packPayloads(200), copyrightHolder: packPayloads(100) };
  const { updatedAt: _updatedAt, ...currentSettings } = settings;
  let siteValues: Record<string, string> = {};
  for (let round = 0; round < recordsFor(siteFields.footerText); round++) {
    siteValues = Object.fromEntries(Object.entries(siteFields).map(([field, chunks]) => [field, nth(chunks, round)]));
    await admin.put('/api/v1/site-settings', { ...currentSettings, ...siteValues });
    await portal.read([{ url: '/search', expected: { texts: Object.values(siteValues), title: siteValues.siteName } }]);
  }

  // ---- the console ----------------------------------------------------------------
  const staff = await Reader.open(browser, kexie.baseUrl, 1);
  const screen = staff.firstTab;
  await signIn(screen, demoAdmin.username, demoAdmin.password);
  /** Opens a console screen and waits until it shows `shown` (the last of its texts, where a long document fills in) before checking it. */
  const openScreen = async (url: string, shown: string, expected: Expected = {}) => {
    await screen.goto(url);
    await screen.getByText(shown).first().waitFor();
    await staff.check(screen, url, expected);
  };
  const listed = (n: number) => `pageSize=${n}&q=${encodeURIComponent(marker)}`;
  await openScreen(`/admin/articles?${listed(50)}`, articles[0]!.title, { texts: articles.map((a) => a.title) });
  await openScreen(`/admin/articles/${articles[0]!.id}`, xssPayloads.at(-1)!.text, { texts: xssPayloads.map((p) => p.text), values: [articles[0]!.title, articles[0]!.subtitle] });
  // Revisions: the body of a stored revision is shown as HTML.
  await screen.getByRole('button', { name: /修订记录/ }).click();
  await screen.getByRole('button', { name: /^查看/ }).first().click();
  await screen.locator('.revision-body').getByText(xssPayloads[0]!.text).waitFor();
  await staff.check(screen, 'article revision', { texts: xssPayloads.map((p) => p.text) });

  await openScreen(`/admin/activities?${listed(100)}`, activities[0]!.title, { texts: activities.map((a) => a.title) });
  await screen.getByText(activities[0]!.title, { exact: true }).click();
  await screen.getByRole('dialog').getByText(activities[0]!.organiser).first().waitFor();
  await staff.check(screen, 'activity details', { texts: [activities[0]!.venue, activities[0]!.organiser, ...activities[0]!.partners!] });
  await openScreen(`/admin/orgs/${orgs[0]!.id}`, orgs[0]!.name, { texts: [orgs[0]!.name] });
  await openScreen(`/admin/venues?${new URLSearchParams({ tab: 'venues', 'venues.q': marker, 'venues.pageSize': '100' })}`, venueRecords[0]!.name, { texts: venueRecords.map((v) => v.name) });
  await openScreen('/admin/columns', columnNames[0]!, { texts: columnNames });
  await openScreen(`/admin/annual-reviews/${review.id}`, xssPayloads.at(-1)!.text, { texts: xssPayloads.map((p) => p.text) });
  await openScreen('/admin/site', '网站名称', { values: Object.values(siteValues) });

  expect([...portal.findings, ...staff.findings]).toEqual([]);
  await Promise.all([portal.close(), staff.close(), ...[admin, ...reviewers].map((session: ApiSession) => session.close())]);
});
