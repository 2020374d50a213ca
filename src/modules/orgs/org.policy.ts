import { definePolicy } from '../../platform/auth-core.ts';

/** Everyone signed in reads the tree within their scope; only admins change it. */
export const orgPolicy = definePolicy({
  read: 'any-role',
  create: ['admin'],
  update: ['admin'],
  move: ['admin'],
});
