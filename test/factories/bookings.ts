import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/database.ts';
import { createVenue, type Venue } from '../../src/modules/venues/index.ts';
import { createPublicBooking, generateSlots, publicBookingContext, type PublicBookingInput } from '../../src/modules/bookings/index.ts';
import { addDays, beijingToday } from '../../src/modules/bookings/booking-time.ts';
import { cliContext } from './index.ts';

let sequence = 0;

/** An open venue run by `ownerOrgId`, made through the venues service as an admin would. */
export async function buildVenue(db: Db, input: { ownerOrgId: string; name?: string }): Promise<Venue> {
  return createVenue(await cliContext(db), {
    name: input.name ?? `测试科技馆${Date.now().toString(36)}${(sequence++).toString(36)}`,
    kind: 'museum',
    ownerOrgId: input.ownerOrgId,
    countyOrgId: input.ownerOrgId,
    address: '测试路 1 号',
    openedOn: '2020-01-01',
    status: 'open',
  });
}

/** `days` days from today in Beijing: slots in the future whatever day the tests run. */
export const daysAhead = (days: number) => addDays(beijingToday(), days);

/** One slot a day on [from, to] at 09:00–11:00 (and more ranges if given) holding `capacity` people. */
export async function buildSlots(db: Db, venueId: string, input: { from: string; to?: string; capacity: number; times?: { start: string; end: string }[] }) {
  await generateSlots(await cliContext(db), venueId, {
    from: input.from,
    to: input.to ?? input.from,
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    times: input.times ?? [{ start: '09:00', end: '11:00' }],
    capacity: input.capacity,
  });
}

let phoneSequence = 0;
/** A distinct valid mobile number per call. */
export const testPhone = () => `139${String(10_000_000 + phoneSequence++).padStart(8, '0')}`;

/** A public booking for a group, as the portal would make it. */
export function bookGroup(db: Db, slotId: string, fields: Partial<PublicBookingInput> = {}) {
  return createPublicBooking(publicBookingContext(db), {
    slotId,
    people: 1,
    organisation: '南阳市第一中学',
    contactName: '张老师',
    contactPhone: testPhone(),
    joinWaitlist: false,
    ...fields,
  });
}

/**
 * A phone's browser on the portal's booking pages: keeps the form-token cookie
 * a page sets and posts forms as a browser does, from its own address.
 */
export class PortalVisitor {
  private cookie = '';
  private token = '';

  constructor(
    private readonly app: FastifyInstance,
    readonly address = `10.${(sequence >> 8) & 255}.${sequence++ & 255}.1`,
  ) {}

  async get(url: string) {
    const response = await this.app.inject({ method: 'GET', url, remoteAddress: this.address, headers: this.cookie ? { cookie: this.cookie } : {} });
    const set = response.cookies.find((c) => c.name === 'kexie_form');
    if (set) this.cookie = `kexie_form=${set.value}`;
    const token = /name="_token" value="([^"]+)"/.exec(response.body)?.[1];
    if (token) this.token = token;
    return response;
  }

  /** Posts a form with the token the last page gave (or `token` when given, to test a forged one). */
  post(url: string, fields: Record<string, string | number>, options: { token?: string; headers?: Record<string, string> } = {}) {
    const body = new URLSearchParams({ _token: options.token ?? this.token, ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)])) }).toString();
    return this.app.inject({
      method: 'POST',
      url,
      remoteAddress: this.address,
      payload: body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(this.cookie ? { cookie: this.cookie } : {}), ...options.headers },
    });
  }

  /** Opens the slot's form (unless it is open already: `skipForm`) and books it; the answer page and the reference it shows. */
  async book(slotId: string, fields: { people: number; organisation?: string; contactName?: string; contactPhone?: string; joinWaitlist?: boolean; skipForm?: boolean }) {
    if (!fields.skipForm) await this.get(`/bookings/slots/${slotId}`);
    const response = await this.post(`/bookings/slots/${slotId}`, {
      people: fields.people,
      organisation: fields.organisation ?? '南阳市第一中学',
      contactName: fields.contactName ?? '张老师',
      contactPhone: fields.contactPhone ?? testPhone(),
      ...(fields.joinWaitlist ? { joinWaitlist: '1' } : {}),
    });
    return { response, reference: /data-reference="([^"]+)"/.exec(response.body)?.[1] };
  }
}
