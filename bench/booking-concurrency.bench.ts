/**
 * Booking throughput under contention: 20 clients booking at once, every
 * booking through the service the portal calls (slot locked, places taken by a
 * conditional UPDATE, booking and audit rows inserted, one transaction). Two
 * shapes of load: all clients on one hot slot (they queue on its row lock), and
 * spread over 199 other slots (they mostly do not). The baseline, in the same run and
 * database, is the same number of plain single-row inserts into bookings by 20
 * clients: what the storage costs without any of the booking rules.
 */
import { sql } from 'kysely';
import type { Db } from '../src/database.ts';
import { dialectOf } from '../src/platform/db/connection.ts';
import { systemContext } from '../src/platform/context.ts';
import { nowIso } from '../src/platform/clock.ts';
import { newId } from '../src/platform/ids.ts';
import { ensureSeedOrgs } from '../src/modules/orgs/index.ts';
import { createVenue } from '../src/modules/venues/index.ts';
import { createPublicBooking, generateSlots, publicBookingContext } from '../src/modules/bookings/index.ts';
import { addDays, beijingToday } from '../src/modules/bookings/booking-time.ts';
import { newBookingReference } from '../src/modules/bookings/booking-reference.ts';
import type { BookingRow } from '../src/modules/bookings/booking.table.ts';
import type { BenchReport } from './measure.ts';
import { onPostgres, onSqlite } from './org-subtree.bench.ts';
import { startPostgres } from '../test/helpers/throwaway-postgres.ts';

const clients = 20;
const bookingsPerRun = 2000;
const spreadSlots = 200;

/** Runs `total` jobs on `clients` concurrent workers; returns the seconds taken. */
async function withClients(total: number, job: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) await job(next++);
    }),
  );
  return Number(process.hrtime.bigint() - started) / 1e9;
}

async function benchDialect(db: Db, rows: BenchReport['rows'], notes: string[]) {
  const dialect = dialectOf(db);
  const root = await ensureSeedOrgs(db);
  const admin = systemContext(db, root.id, 'bench');
  const venue = await createVenue(admin, { name: '压测科技馆', kind: 'museum', ownerOrgId: root.id, countyOrgId: root.id, address: '', openedOn: '2020-01-01', status: 'open' });
  const from = addDays(beijingToday(), 1);
  // One slot a day: the first is the hot slot, the other 199 share the spread load. Each could hold the whole run.
  await generateSlots(admin, venue.id, { from, to: addDays(from, spreadSlots - 1), weekdays: [1, 2, 3, 4, 5, 6, 7], times: [{ start: '09:00', end: '11:00' }], capacity: bookingsPerRun });
  const slots = (await db.selectFrom('booking_slots').select('id').where('venue_id', '=', venue.id).orderBy('slot_date').execute()).map((s) => s.id);
  const ctx = publicBookingContext(db);
  const book = (slotId: string, i: number) =>
    createPublicBooking(ctx, { slotId, people: 1, organisation: '南阳市第一中学', contactName: '张老师', contactPhone: `138${String(i).padStart(8, '0')}`, joinWaitlist: false });
  const plainInsert = (slotId: string, i: number) => {
    const now = nowIso();
    const row: BookingRow = {
      id: newId(),
      reference: newBookingReference(),
      slot_id: slotId,
      venue_id: venue.id,
      people: 1,
      organisation: '南阳市第一中学',
      contact_name: '张老师',
      contact_phone: `139${String(i).padStart(8, '0')}`,
      status: 'booked',
      queued_at: null,
      refusal_reason: null,
      attended_people: null,
      decided_by: null,
      decided_at: null,
      created_at: now,
      updated_at: now,
    };
    return db.insertInto('bookings').values(row).execute();
  };

  // Warm-up: plans, pool connections, page cache.
  await withClients(100, (i) => book(slots[1 + (i % (spreadSlots - 1))]!, 900_000 + i));

  const baseline = await withClients(bookingsPerRun, (i) => plainInsert(slots[i % spreadSlots]!, i));
  const hot = await withClients(bookingsPerRun, (i) => book(slots[0]!, i));
  const spread = await withClients(bookingsPerRun, (i) => book(slots[1 + (i % (spreadSlots - 1))]!, 100_000 + i));

  const hotSlot = await db.selectFrom('booking_slots').select(['taken', 'capacity']).where('id', '=', slots[0]!).executeTakeFirstOrThrow();
  const heldOnHot = await db.selectFrom('bookings').select(sql<number>`count(*)`.as('n')).where('slot_id', '=', slots[0]!).where('status', '=', 'booked').where('contact_phone', 'like', '138%').executeTakeFirstOrThrow();
  if (hotSlot.taken !== bookingsPerRun || Number(heldOnHot.n) !== bookingsPerRun) throw new Error(`${dialect}: the hot slot counts ${hotSlot.taken} taken for ${heldOnHot.n} bookings`);

  const perSecond = (seconds: number) => bookingsPerRun / seconds;
  for (const [load, seconds] of [
    ['plain INSERT (baseline)', baseline],
    ['booking, one hot slot', hot],
    [`booking, ${spreadSlots - 1} slots`, spread],
  ] as const) {
    rows.push([dialect, load, bookingsPerRun, seconds.toFixed(2), perSecond(seconds).toFixed(0), `${(perSecond(seconds) / perSecond(baseline)).toFixed(2)}×`]);
  }
  notes.push(`${dialect}: the hot slot ends with taken = ${hotSlot.taken} for ${heldOnHot.n} bookings (checked: no place lost or counted twice)`);
}

export default async function bookingConcurrencyBench(): Promise<BenchReport> {
  const rows: BenchReport['rows'] = [];
  const notes: string[] = [];
  await onSqlite((db) => benchDialect(db, rows, notes));
  const server = await startPostgres();
  if (server) {
    try {
      await onPostgres(server.url, (db) => benchDialect(db, rows, notes));
    } finally {
      server.stop();
    }
  } else {
    notes.push('postgres: SKIPPED (no PostgreSQL binaries and no KEXIE_TEST_PG_URL)');
  }
  notes.push(
    `${clients} concurrent clients, ${bookingsPerRun} bookings a run, groups of 1, in one process (PostgreSQL pool of 10 connections; SQLite one connection, one writer)`,
    'a booking = lock the slot, conditional UPDATE of its taken count, insert booking and audit rows, one transaction',
    'vs baseline = bookings per second ÷ plain single-row INSERTs per second into the same table, same run',
  );
  return { title: 'group bookings: throughput under contention', columns: ['dialect', 'load', 'bookings', 'seconds', 'per second', 'vs baseline'], rows, notes };
}
