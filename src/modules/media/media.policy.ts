import { definePolicy } from '../../platform/auth-core.ts';

/** Everyone signed in browses the library in their scope; editors and admins upload, edit and delete. */
export const mediaPolicy = definePolicy({
  read: 'any-role',
  upload: ['admin', 'editor'],
  update: ['admin', 'editor'],
  delete: ['admin', 'editor'],
});
