import type { Db } from '../../database.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { recordAudit } from '../audit/index.ts';
import type { BookingRow, BookingSlotRow } from './booking.table.ts';
import { maskName, maskPhone } from './personal-data.ts';

/** The audit log keeps what changed, never a booker's name or number in full. */
function auditView(row: BookingRow | null) {
  if (!row) return null;
  const { contact_name, contact_phone, ...rest } = row;
  return { ...rest, contact_name: maskName(contact_name), contact_phone: maskPhone(contact_phone) };
}

export async function auditBooking(trx: Db, ctx: ServiceContext, action: string, before: BookingRow | null, after: BookingRow | null, slot: Pick<BookingSlotRow, 'owner_org_id'>): Promise<void> {
  await recordAudit(trx, ctx, { entity: 'booking', entityId: (after ?? before)!.id, orgId: slot.owner_org_id, action, before: auditView(before), after: auditView(after) });
}
