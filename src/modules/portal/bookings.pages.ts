import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { translate } from '../../platform/i18n/catalogue.ts';
import {
  cancelPublicBooking,
  changePublicBooking,
  createPublicBooking,
  findPublicBooking,
  isMobilePhone,
  normalisePhone,
  listBookableVenues,
  maxGroupSize,
  publicBookingContext,
  slotForBooking,
  upcomingSlots,
  venueAvailability,
  type PublicBooking,
  type SlotAvailability,
} from '../bookings/index.ts';
import { AddressRateLimiter, assertFormPost, formToken, formTokenField } from '../bookings/public-form-guard.ts';
import { html, raw, type Html } from './html.ts';
import { isCareMode } from './portal.care-mode.ts';
import { breadcrumbs, renderDocument, type Crumb, type SiteFrame } from './portal.layout.ts';
import { t } from './portal.text.ts';

/**
 * 团体预约 on the portal: choose a venue and a slot, book with a form, look a
 * booking up by reference and phone to change or cancel it. Server-rendered
 * forms that work without JavaScript, on a phone first. The pages show live
 * places and carry a form token, so they are never cached.
 */
export interface BookingPagesOptions {
  loadFrame(request: FastifyRequest): Promise<SiteFrame>;
  /** Sends a page that no cache may keep. */
  sendPage(request: FastifyRequest, reply: FastifyReply, status: number, body: string): Promise<FastifyReply>;
  /** Posts allowed per client address per window (default 30 per 10 minutes). */
  postsPerWindow?: number;
  windowMs?: number;
}

type Form = Record<string, string | undefined>;
type ViewRequest = FastifyRequest<{ Params: { id?: string }; Querystring: { date?: string; waitlist?: string }; Body: Form }>;

const weekday = new Intl.DateTimeFormat('zh-CN', { weekday: 'short', timeZone: 'UTC' });
/** 2026-12-05（周六） */
const dayLabel = (date: string) => `${date}（${weekday.format(new Date(`${date}T00:00:00Z`))}）`;
const timeRange = (slot: { startsAt: string; endsAt: string }) => t('booking.page.timeRange', { start: slot.startsAt, end: slot.endsAt });
const message = (code: string, params?: Record<string, unknown>) => translate('zh-CN', code, params);

const bookingsCrumb: Crumb = { label: t('booking.page.title'), href: '/bookings' };

/** Problems found in a submitted form, by field, ready to print beside the fields. */
type FieldErrors = Partial<Record<string, string>>;

function errorSummary(errors: FieldErrors | string[]): Html {
  const list = Array.isArray(errors) ? errors : Object.values(errors).filter((m): m is string => Boolean(m));
  if (list.length === 0) return html``;
  return html`<div class="form-errors" role="alert"><h2>${t('booking.page.errorTitle')}</h2><ul>${list.map((m) => html`<li>${m}</li>`)}</ul></div>`;
}

/** One labelled input; an error is tied to it with aria-describedby. */
function field(name: string, label: string, input: Html, error?: string): Html {
  return html`<label for="f-${name}">${label}</label>${input}${error ? html`<p class="field-error" id="e-${name}">${error}</p>` : ''}`;
}

const invalid = (errors: FieldErrors, name: string) => (errors[name] ? raw(` aria-invalid="true" aria-describedby="e-${name}"`) : '');
const tokenInput = (token: string) => html`<input type="hidden" name="${formTokenField}" value="${token}">`;

/** Reads the booking form's fields; each missing or malformed one is named. */
function readBookingFields(form: Form, capacity: number) {
  const errors: FieldErrors = {};
  const text = (name: string, label: string, max: number) => {
    const value = (form[name] ?? '').trim();
    if (!value) errors[name] = t('booking.page.fieldRequired', { field: label });
    else if ([...value].length > max) errors[name] = t('booking.page.fieldTooLong', { field: label, max });
    return value;
  };
  const peopleText = (form.people ?? '').trim();
  const people = /^\d{1,5}$/.test(peopleText) ? Number(peopleText) : NaN;
  const maxPeople = Math.min(capacity, maxGroupSize);
  if (!(people >= 1 && people <= maxGroupSize)) errors.people = message('BOOKING_PEOPLE_INVALID', { max: maxPeople });
  const organisation = text('organisation', t('booking.page.organisation'), 100);
  const contactName = text('contactName', t('booking.page.contactName'), 30);
  const contactPhone = text('contactPhone', t('booking.page.contactPhone'), 20);
  // Every problem at once: the phone's format too, not only after the other fields are right.
  if (contactPhone && !errors.contactPhone && !isMobilePhone(normalisePhone(contactPhone))) errors.contactPhone = message('BOOKING_PHONE_INVALID');
  return { errors, people, organisation, contactName, contactPhone, joinWaitlist: form.joinWaitlist === '1' };
}

/** Which form field a service error is about, so it prints beside that field. */
function fieldOf(error: AppError): string {
  const path = error.options.details?.[0]?.path ?? '';
  return path.startsWith('body.') ? path.slice(5) : 'form';
}

function slotState(slot: SlotAvailability): Html {
  if (slot.state === 'closed') return html`<span class="slot-state closed">${t('booking.page.closed')}</span>`;
  if (slot.state === 'wait') return html`<span class="slot-state full">${t('booking.page.full')}</span>${slot.waiting > 0 ? html` <span class="slot-waiting">${t('booking.page.waitingCount', { count: slot.waiting })}</span>` : ''}`;
  return html`<span class="slot-state open">${t('booking.page.left', { left: slot.left })}</span>`;
}

function bookingDetails(booking: PublicBooking): Html {
  const rows: [string, string | number][] = [
    [t('booking.page.reference'), booking.reference],
    [t('booking.page.status'), message(`booking.status.${booking.status}`)],
    [t('booking.page.venue'), booking.venueName],
    [t('booking.page.slot'), `${dayLabel(booking.date)} ${timeRange(booking)}`],
    [t('booking.page.people'), t('booking.page.peopleCount', { people: booking.people })],
    [t('booking.page.organisation'), booking.organisation],
    [t('booking.page.contactName'), booking.contactName],
    [t('booking.page.contactPhone'), booking.contactPhone],
  ];
  if (booking.refusalReason) rows.push([t('booking.page.refusalReason'), booking.refusalReason]);
  return html`<dl class="booking-details">${rows.map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}</dl>${
    booking.waitingPosition ? html`<p class="notice">${t('booking.page.waitlistPosition', { position: booking.waitingPosition })}</p>` : ''
  }`;
}

export const bookingPages: FastifyPluginAsync<BookingPagesOptions> = async (app, options) => {
  const limiter = new AddressRateLimiter(options.postsPerWindow ?? 30, options.windowMs ?? 10 * 60 * 1000);
  const db = app.db;

  // The forms post application/x-www-form-urlencoded; this parser serves these routes only.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  // A form reads as text fields only; anything else (a NUL character, say) is refused like a bad form, not as a server failure.
  const formBody = { type: 'object', additionalProperties: { type: 'string' } };
  const formRoute = { schema: { hide: true, body: formBody } };
  app.setErrorHandler((error, request, reply) => {
    if ((error as { validation?: unknown }).validation) return refusal(request, reply, new AppError('VALIDATION_FAILED', 400));
    throw error;
  });

  async function page(request: FastifyRequest, reply: FastifyReply, status: number, spec: { title: string; crumbs: Crumb[]; main: Html }) {
    const frame = await options.loadFrame(request);
    const body = renderDocument(frame, {
      title: spec.title,
      currentPath: request.url,
      care: isCareMode(request),
      noindex: status !== 200 || request.method !== 'GET',
      canonicalPath: status === 200 && request.method === 'GET' && request.url === '/bookings' ? '/bookings' : undefined,
      main: html`${breadcrumbs(spec.crumbs)}${spec.main}`,
    });
    return options.sendPage(request, reply, status, body);
  }

  /** A refused post (bad token, too many posts, a vanished slot): the reason, and a way back. */
  function refusal(request: FastifyRequest, reply: FastifyReply, error: AppError, back = '/bookings') {
    if (error.options.headers) reply.headers(error.options.headers);
    return page(request, reply, error.status, {
      title: t('booking.page.errorTitle'),
      crumbs: [bookingsCrumb, { label: t('booking.page.errorTitle') }],
      main: html`<section class="panel" aria-labelledby="refusal-heading"><h1 id="refusal-heading">${t('booking.page.errorTitle')}</h1>
<p role="alert">${message(error.code, error.options.params)}</p><p><a href="${back}">${t('booking.page.back')}</a></p></section>`,
    });
  }

  /** Every post passes the form token and the address's rate limit before anything else is read. */
  function guardPost(request: ViewRequest): void {
    limiter.assertAllowed(request.ip);
    assertFormPost(request, request.body?.[formTokenField]);
  }

  const lookupForm = (token: string, values: { reference?: string; phone?: string } = {}, errors: string[] = []) => html`<section class="panel" aria-labelledby="lookup-heading">
<h2 id="lookup-heading">${t('booking.page.lookupTitle')}</h2>
${errorSummary(errors)}
<form class="booking-form" action="/bookings/lookup" method="post">${tokenInput(token)}
${field('reference', t('booking.page.reference'), html`<input id="f-reference" name="reference" required maxlength="20" autocomplete="off" autocapitalize="characters" value="${values.reference ?? ''}">`)}
${field('phone', t('booking.page.contactPhone'), html`<input id="f-phone" name="phone" type="tel" inputmode="numeric" required maxlength="20" autocomplete="tel" value="${values.phone ?? ''}">`)}
<button type="submit">${t('booking.page.lookup')}</button>
</form></section>`;

  // ---- venues and their slots ---------------------------------------------------

  app.get('/bookings', { schema: { hide: true } }, async (request, reply) => {
    const venues = await listBookableVenues(db);
    const token = formToken(request, reply);
    return page(request, reply, 200, {
      title: t('booking.page.title'),
      crumbs: [{ label: t('booking.page.title') }],
      main: html`<section class="panel" aria-labelledby="bookings-heading"><h1 id="bookings-heading">${t('booking.page.title')}</h1>
<p>${t('booking.page.intro')}</p>
<h2>${t('booking.page.venues')}</h2>
${venues.length === 0
  ? html`<p class="empty">${t('booking.page.noVenues')}</p>`
  : html`<ul class="venue-list">${venues.map(({ venue }) => html`<li><a href="/bookings/venues/${encodeURIComponent(venue.id)}">${venue.name}</a>${venue.address ? html`<span class="venue-address">${venue.address}</span>` : ''}</li>`)}</ul>`}
</section>
${lookupForm(token)}`,
    });
  });

  app.get<{ Params: { id: string }; Querystring: { date?: string } }>('/bookings/venues/:id', { schema: { hide: true } }, async (request, reply) => {
    const date = typeof request.query.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(request.query.date) ? request.query.date : undefined;
    const availability = await venueAvailability(db, request.params.id, date);
    const venuePath = `/bookings/venues/${encodeURIComponent(availability.venue.id)}`;
    const dates = html`<nav aria-label="${t('booking.page.dates')}"><h2>${t('booking.page.dates')}</h2><ul class="date-list">${availability.dates.map(
      (d) =>
        html`<li><a href="${venuePath}?date=${d.date}"${d.date === availability.date ? raw(' aria-current="date"') : ''}>${dayLabel(d.date)}<span>${
          d.left > 0 ? t('booking.page.left', { left: d.left }) : t('booking.page.full')
        }</span></a></li>`,
    )}</ul></nav>`;
    const slots =
      availability.slots.length === 0
        ? html`<p class="empty">${t('booking.page.noSlots')}</p>`
        : html`<ul class="slot-list">${availability.slots.map((slot) => {
            const action =
              slot.state === 'book'
                ? html`<a class="slot-action" href="/bookings/slots/${slot.id}">${t('booking.page.book')}</a>`
                : slot.state === 'wait'
                  ? html`<a class="slot-action secondary" href="/bookings/slots/${slot.id}?waitlist=1">${t('booking.page.waitlist')}</a>`
                  : '';
            return html`<li><span class="slot-time">${timeRange(slot)}</span>${slotState(slot)}${action}</li>`;
          })}</ul>`;
    return page(request, reply, 200, {
      title: availability.venue.name,
      crumbs: [bookingsCrumb, { label: availability.venue.name }],
      main: html`<section class="panel" aria-labelledby="venue-heading"><h1 id="venue-heading">${availability.venue.name}</h1>
${availability.venue.address ? html`<p>${availability.venue.address}</p>` : ''}
${availability.dates.length === 0 ? html`<p class="empty">${t('booking.page.noSlots')}</p>` : html`${dates}
<h2>${t('booking.page.slotsOf', { date: dayLabel(availability.date!) })}</h2>${slots}`}
</section>`,
    });
  });

  // ---- booking a slot --------------------------------------------------------------

  async function bookingForm(request: ViewRequest, reply: FastifyReply, status: number, values: Form, errors: FieldErrors) {
    const found = await slotForBooking(db, request.params.id!);
    if (!found) throw new AppError('BOOKING_SLOT_NOT_FOUND', 404);
    const { venue, slot } = found;
    const token = formToken(request, reply);
    const waitlistChecked = values.joinWaitlist === '1' || slot.state !== 'book';
    const venuePath = `/bookings/venues/${encodeURIComponent(venue.id)}?date=${slot.date}`;
    return page(request, reply, status, {
      title: t('booking.page.formTitle'),
      crumbs: [bookingsCrumb, { label: venue.name, href: venuePath }, { label: t('booking.page.formTitle') }],
      main: html`<section class="panel" aria-labelledby="form-heading"><h1 id="form-heading">${t('booking.page.formTitle')}</h1>
<p class="slot-summary">${venue.name} · ${dayLabel(slot.date)} ${timeRange(slot)} · ${slotState(slot)}</p>
${errorSummary(errors)}
<form class="booking-form" action="/bookings/slots/${slot.id}" method="post" novalidate>${tokenInput(token)}
${field('people', t('booking.page.people'), html`<input id="f-people" name="people" type="number" inputmode="numeric" min="1" max="${slot.capacity}" required value="${/^\d{1,5}$/.test(values.people ?? '') ? values.people : ''}"${invalid(errors, 'people')}>`, errors.people)}
${field('organisation', t('booking.page.organisation'), html`<input id="f-organisation" name="organisation" required maxlength="100" autocomplete="organization" value="${values.organisation ?? ''}"${invalid(errors, 'organisation')}>`, errors.organisation)}
${field('contactName', t('booking.page.contactName'), html`<input id="f-contactName" name="contactName" required maxlength="30" autocomplete="name" value="${values.contactName ?? ''}"${invalid(errors, 'contactName')}>`, errors.contactName)}
${field('contactPhone', t('booking.page.contactPhone'), html`<input id="f-contactPhone" name="contactPhone" type="tel" inputmode="numeric" required maxlength="20" autocomplete="tel" value="${values.contactPhone ?? ''}"${invalid(errors, 'contactPhone')}>`, errors.contactPhone)}
<label class="checkbox"><input type="checkbox" name="joinWaitlist" value="1"${waitlistChecked ? raw(' checked') : ''}> ${t('booking.page.joinWaitlist')}</label>
<button type="submit">${t('booking.page.submit')}</button>
</form></section>`,
    });
  }

  app.get('/bookings/slots/:id', { schema: { hide: true } }, (request: ViewRequest, reply) => bookingForm(request, reply, 200, { joinWaitlist: request.query.waitlist === '1' ? '1' : undefined }, {}));

  app.post('/bookings/slots/:id', formRoute, async (request: ViewRequest, reply) => {
    const form = request.body ?? {};
    try {
      guardPost(request);
      const found = await slotForBooking(db, request.params.id!);
      const fields = readBookingFields(form, found?.slot.capacity ?? maxGroupSize);
      if (Object.keys(fields.errors).length > 0) return await bookingForm(request, reply, 400, form, fields.errors);
      const booking = await createPublicBooking(publicBookingContext(db, { ip: request.ip, requestId: request.id }), { slotId: request.params.id!, ...fields });
      const waiting = booking.status === 'waitlisted';
      return await page(request, reply, 201, {
        title: t(waiting ? 'booking.page.waitlistedTitle' : 'booking.page.bookedTitle'),
        crumbs: [bookingsCrumb, { label: t(waiting ? 'booking.page.waitlistedTitle' : 'booking.page.bookedTitle') }],
        main: html`<section class="panel" aria-labelledby="done-heading"><h1 id="done-heading">${t(waiting ? 'booking.page.waitlistedTitle' : 'booking.page.bookedTitle')}</h1>
<p>${t('booking.page.referenceIs')}</p><p class="booking-reference" data-reference="${booking.reference}">${booking.reference}</p>
<p>${t('booking.page.keepReference')}</p>
${bookingDetails(booking)}
<p><a href="/bookings">${t('booking.page.back')}</a></p></section>`,
      });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      // A slot that has started or gone has no form to show again: the reason alone.
      const formGone = !(await slotForBooking(db, request.params.id!));
      if (formGone || err.code === 'BOOKING_FORM_EXPIRED' || err.code === 'BOOKING_RATE_LIMITED') return refusal(request, reply, err);
      return bookingForm(request, reply, err.status, form, { [fieldOf(err)]: message(err.code, err.options.params) });
    }
  });

  // ---- looking up, changing and cancelling -------------------------------------------

  async function manageView(request: ViewRequest, reply: FastifyReply, status: number, booking: PublicBooking, notice: { done?: string; errors?: string[] }) {
    const token = formToken(request, reply);
    const credentials = html`${tokenInput(token)}<input type="hidden" name="reference" value="${booking.reference}"><input type="hidden" name="phone" value="${request.body?.phone ?? ''}">`;
    let changeForms: Html = html``;
    if (booking.changeable) {
      const options = (await upcomingSlots(db, booking.venueId)).filter((slot) => slot.state === 'book' || slot.id === booking.slotId);
      if (!options.some((slot) => slot.id === booking.slotId)) options.unshift({ id: booking.slotId, date: booking.date, startsAt: booking.startsAt, endsAt: booking.endsAt, capacity: 0, left: 0, waiting: 0, state: 'closed' });
      changeForms = html`<section class="panel" aria-labelledby="change-heading"><h2 id="change-heading">${t('booking.page.changeTitle')}</h2>
<form class="booking-form" action="/bookings/change" method="post">${credentials}
${field('slotId', t('booking.page.slot'), html`<select id="f-slotId" name="slotId">${options.map(
        (slot) => html`<option value="${slot.id}"${slot.id === booking.slotId ? raw(' selected') : ''}>${dayLabel(slot.date)} ${timeRange(slot)}${slot.state === 'book' ? ` · ${t('booking.page.left', { left: slot.left })}` : ''}</option>`,
      )}</select>`)}
${field('people', t('booking.page.people'), html`<input id="f-people" name="people" type="number" inputmode="numeric" min="1" max="${maxGroupSize}" required value="${booking.people}">`)}
<button type="submit">${t('booking.page.change')}</button>
</form></section>
<section class="panel" aria-labelledby="cancel-heading"><h2 id="cancel-heading">${t('booking.page.cancelTitle')}</h2>
<form class="booking-form" action="/bookings/cancel" method="post">${credentials}<button type="submit" class="danger">${t('booking.page.cancel')}</button></form></section>`;
    }
    return page(request, reply, status, {
      title: t('booking.page.detailsTitle'),
      crumbs: [bookingsCrumb, { label: t('booking.page.detailsTitle') }],
      main: html`<section class="panel" aria-labelledby="details-heading"><h1 id="details-heading">${t('booking.page.detailsTitle')}</h1>
${notice.done ? html`<p class="form-done" role="status">${notice.done}</p>` : ''}
${errorSummary(notice.errors ?? [])}
${bookingDetails(booking)}</section>${changeForms}`,
    });
  }

  /** Runs a lookup, change or cancel; a wrong reference or phone shows the lookup form again with the reason. */
  async function manage(request: ViewRequest, reply: FastifyReply, action: (reference: string, phone: string) => Promise<{ booking: PublicBooking; done?: string }>) {
    const form = request.body ?? {};
    const reference = form.reference ?? '';
    const phone = form.phone ?? '';
    try {
      guardPost(request);
      const { booking, done } = await action(reference, phone);
      return await manageView(request, reply, 200, booking, { done });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      if (err.code === 'BOOKING_FORM_EXPIRED' || err.code === 'BOOKING_RATE_LIMITED') return refusal(request, reply, err);
      const problem = message(err.code, err.options.params);
      if (err.code === 'BOOKING_NOT_FOUND') {
        return page(request, reply, 404, { title: t('booking.page.lookupTitle'), crumbs: [bookingsCrumb, { label: t('booking.page.lookupTitle') }], main: lookupForm(formToken(request, reply), { reference, phone }, [problem]) });
      }
      // The booking exists but the change was refused: show it as it stands, with the reason.
      return manageView(request, reply, err.status, await findPublicBooking(db, reference, phone), { errors: [problem] });
    }
  }

  const context = (request: FastifyRequest) => publicBookingContext(db, { ip: request.ip, requestId: request.id });

  app.post('/bookings/lookup', formRoute, (request: ViewRequest, reply) => manage(request, reply, async (reference, phone) => ({ booking: await findPublicBooking(db, reference, phone) })));

  app.post('/bookings/change', formRoute, (request: ViewRequest, reply) =>
    manage(request, reply, async (reference, phone) => {
      const peopleText = (request.body?.people ?? '').trim();
      const people = /^\d{1,5}$/.test(peopleText) ? Number(peopleText) : NaN;
      if (!(people >= 1 && people <= maxGroupSize)) throw new AppError('BOOKING_PEOPLE_INVALID', 400, { params: { max: maxGroupSize } });
      const booking = await changePublicBooking(context(request), reference, phone, { slotId: request.body?.slotId ?? '', people });
      return { booking, done: t('booking.page.changed') };
    }),
  );

  app.post('/bookings/cancel', formRoute, (request: ViewRequest, reply) =>
    manage(request, reply, async (reference, phone) => ({ booking: await cancelPublicBooking(context(request), reference, phone), done: t('booking.page.cancelled') })),
  );
};
