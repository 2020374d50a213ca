import { definePolicy } from '../../platform/auth-core.ts';

/**
 * Staff of the org that runs a venue (and the levels above it) read its slots
 * and bookings; reporters and admins keep the slots, confirm or refuse
 * bookings and record attendance. The public books through the portal, which
 * asks for no role but for the booking's reference and phone.
 */
export const bookingPolicy = definePolicy({
  read: 'any-role',
  manage: ['admin', 'reporter'],
});
