import type { Trx } from '../../database.ts';
import { recordAudit } from '../audit/index.ts';
import { nowIso } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import * as venueRepo from './venue.repository.ts';
import type { VenueVisitRow } from './venue.table.ts';
import * as repo from './visit.repository.ts';

export interface GroupAttendance {
  venueId: string;
  /** The day the group came (ISO date). */
  date: string;
  /** How many of the group actually came. */
  people: number;
  /** The booking the group came on: counted once however often attendance is corrected. */
  bookingId: string;
}

/**
 * Counts a booked group's attendance in the venue's visit figures for that
 * day, inside the caller's transaction. Recording it again for the same
 * booking replaces the earlier count, so a corrected head count is never
 * added twice; zero people (a no-show) removes it.
 */
export async function recordGroupAttendance(trx: Trx, ctx: ServiceContext, attendance: GroupAttendance): Promise<void> {
  const venue = await venueRepo.findVenueById(trx, attendance.venueId);
  if (!venue) throw new Error(`recordGroupAttendance: no venue ${attendance.venueId}`);
  const before = await repo.findVisitOfBooking(trx, attendance.bookingId);
  if (before) await repo.deleteVisit(trx, before.id);
  if (attendance.people === 0 && !before) return;

  const now = nowIso();
  const after: VenueVisitRow | null =
    attendance.people === 0
      ? null
      : {
          id: newId(),
          venue_id: venue.id,
          visit_date: attendance.date,
          period: 'day',
          individual_visitors: 0,
          group_visitors: attendance.people,
          groups: 1,
          source: 'booking',
          source_id: attendance.bookingId,
          note: '',
          created_by: ctx.actor.userId,
          created_at: now,
          updated_at: now,
        };
  if (after) await repo.insertVisits(trx, [after]);
  await recordAudit(trx, ctx, {
    entity: 'venue_visit',
    entityId: after?.id ?? before!.id,
    orgId: venue.owner_org_id,
    action: before ? (after ? 'update' : 'delete') : 'create',
    before: before ?? null,
    after,
  });
}
