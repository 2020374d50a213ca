import type { Trx } from '../../database.ts';
import { recordAudit } from '../audit/index.ts';
import { nowIso } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';

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
  const venue = await trx.selectFrom('venues').select(['id', 'owner_org_id']).where('id', '=', attendance.venueId).executeTakeFirstOrThrow();
  const before = await trx
    .selectFrom('venue_visits')
    .selectAll()
    .where('source', '=', 'booking')
    .where('source_id', '=', attendance.bookingId)
    .executeTakeFirst();
  if (before) await trx.deleteFrom('venue_visits').where('id', '=', before.id).execute();
  if (attendance.people === 0 && !before) return;

  const now = nowIso();
  const after =
    attendance.people === 0
      ? null
      : {
          id: newId(),
          venue_id: venue.id,
          visit_date: attendance.date,
          period: 'day' as const,
          individual_visitors: 0,
          group_visitors: attendance.people,
          groups: 1,
          source: 'booking' as const,
          source_id: attendance.bookingId,
          note: '',
          created_by: ctx.actor.userId,
          created_at: now,
          updated_at: now,
        };
  if (after) await trx.insertInto('venue_visits').values(after).execute();
  await recordAudit(trx, ctx, {
    entity: 'venue_visit',
    entityId: after?.id ?? before!.id,
    orgId: venue.owner_org_id,
    action: before ? (after ? 'update' : 'delete') : 'create',
    before: before ?? null,
    after,
  });
}
