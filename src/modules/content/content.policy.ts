import { definePolicy } from '../../platform/auth-core.ts';

/** Everyone signed in sees the columns (the editor lists them); only admins shape the site. */
export const columnPolicy = definePolicy({
  read: 'any-role',
  manage: ['admin'],
});

/**
 * Editors write and withdraw; reviewers decide review levels (never on their
 * own article, never two levels of one round); admins configure the chain.
 */
export const articlePolicy = definePolicy({
  read: ['admin', 'editor', 'reviewer'],
  write: ['admin', 'editor'],
  review: ['reviewer'],
  withdraw: ['admin', 'editor'],
  configure: ['admin'],
});
