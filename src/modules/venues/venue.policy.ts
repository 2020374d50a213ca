import { definePolicy } from '../../platform/auth-core.ts';

/**
 * Anyone signed in reads the venues of their scope; reporters and admins keep
 * the records (venues, visit figures, outreach, caravan trips, touring stops)
 * of the venues their org runs.
 */
export const venuePolicy = definePolicy({
  read: 'any-role',
  write: ['admin', 'reporter'],
});
