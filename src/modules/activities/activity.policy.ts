import { definePolicy } from '../../platform/auth-core.ts';

/**
 * Reporters (and admins) record their org's activities; reviewers and admins
 * of the level above verify or return them; admins keep the vocabularies.
 */
export const activityPolicy = definePolicy({
  read: 'any-role',
  write: ['admin', 'reporter'],
  verify: ['admin', 'reviewer'],
  configure: ['admin'],
});
