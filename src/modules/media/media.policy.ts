import { definePolicy } from '../../platform/auth-core.ts';

/**
 * Everyone signed in browses the library in their scope; editors and admins
 * upload, edit and delete. County reporters upload images too — the evidence
 * photos of the activities they report — but not attachments, and they do
 * not edit or delete what is in the library.
 */
export const mediaPolicy = definePolicy({
  read: 'any-role',
  uploadImage: ['admin', 'editor', 'reporter'],
  uploadAttachment: ['admin', 'editor'],
  update: ['admin', 'editor'],
  delete: ['admin', 'editor'],
});
